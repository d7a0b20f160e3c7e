import ForloebCore
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// The read-only web console: `ConsoleSite`'s pages over HTTP (or HTTPS), behind `ConsoleMiddleware`.
///
/// Routes: `/` the overview, `/stuck` (optionally `?state=`), `/cases/ID` a case (and `/case?id=ID`, the
/// header's form, which redirects there), `/dead-letters`. Runs until SIGTERM or SIGINT.
public struct ConsoleServer: Sendable {
    public let configuration: ConsoleConfiguration
    public let site: ConsoleSite
    public let logger: Logger

    public init(configuration: ConsoleConfiguration, site: ConsoleSite, logger: Logger) {
        self.configuration = configuration
        self.site = site
        self.logger = logger
    }

    /// The router of the console's pages, with the middleware in front.
    public func router() -> Router<ConsoleRequestContext> {
        let site = self.site
        let router = Router(context: ConsoleRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ConsoleMiddleware(access: ConsoleAccess(proxy: configuration.proxy), site: site))
        router.get("/") { _, _ in ConsoleMiddleware.html(await site.overview()) }
        router.get("/stuck") { request, _ in
            guard let text = request.uri.queryParameters.get("state") else {
                return ConsoleMiddleware.html(await site.stuck())
            }
            guard let state = CaseState(rawValue: text), !state.isFinal else {
                return ConsoleMiddleware.html(
                    site.problem(.notFound, heading: "Not found", message: "No open state \(text).", now: site.clock()))
            }
            return ConsoleMiddleware.html(await site.stuck(state: state))
        }
        router.get("/cases/:id") { _, context in
            let id = context.parameters.get("id").map { $0.removingPercentEncoding ?? $0 } ?? ""
            return ConsoleMiddleware.html(await site.casePage(id))
        }
        router.get("/case") { request, _ in
            let id = (request.uri.queryParameters.get("id") ?? "").trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { return ConsoleMiddleware.html(site.notFound()) }
            return Response(status: .seeOther, headers: [.location: ConsoleSite.caseHref(id)])
        }
        router.get("/dead-letters") { _, _ in ConsoleMiddleware.html(await site.deadLetters()) }
        return router
    }

    /// The TLS configuration from the files, when the console serves HTTPS.
    func tlsConfiguration() throws(ConsoleConfigurationError) -> TLSConfiguration? {
        guard let files = configuration.tls else { return nil }
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificate).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(file: files.key, format: .pem)
            var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            tls.minimumTLSVersion = .tlsv12
            if let ca = files.clientCA {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca))
                // A client without a certificate this CA signed does not complete the handshake.
                tls.certificateVerification = .noHostnameVerification
            }
            return tls
        } catch {
            throw ConsoleConfigurationError(
                .unreadableFile,
                "cannot read the TLS files (\(files.certificate), \(files.key)\(files.clientCA.map { ", \($0)" } ?? "")): \(error)"
            )
        }
    }

    /// Serves until SIGTERM or SIGINT; `onListening` gets the address actually bound (useful with port 0).
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let tls = try tlsConfiguration()
        let scheme = tls == nil ? "http" : "https"
        let app = Application(
            router: router(),
            server: try tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "forloeb-console"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                await onListening("\(scheme)://\(host):\(port)/")
            },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError {
            // A port in use or an address not on this machine: the operator's to change, said plainly.
            throw ConsoleConfigurationError(
                .cannotListen, "cannot listen on \(configuration.host):\(configuration.port): \(error.description)")
        }
    }
}
