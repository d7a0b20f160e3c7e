import ArgumentParser
import ForloebConsole
import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation
import Logging

/// `forloeb console`: the read-only web console on the store, for people who would rather look than type.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Serve a read-only web console: the journey with live counts, stuck cases, cases, dead letters.",
        discussion: """
            Pages: / (the journey with the number of cases in each state, overdue
            deadlines per kind, rejections per code over the last day and week,
            dead letters), /stuck (why each case is stuck and what would move it
            on, as forloeb stuck), /cases/ID (deadlines, the Danish explanation,
            timeline and rejections, as forloeb show and explain) and
            /dead-letters. It reads the store through the same code as the CLI
            and changes nothing: HTML without script or external assets, every
            response with a strict Content-Security-Policy and no framing.

            It listens on 127.0.0.1:8080 unless told otherwise. Any other address
            needs TLS (--tls-cert, --tls-key) and authentication: client
            certificates signed by --client-ca, or a reverse proxy at
            --trusted-proxy that signs users in and names them in --user-header
            (requests from any other address get 403). Without them it refuses
            to start (exit 2). FORLOEB_NOW fixes its clock. Stops on SIGTERM or
            SIGINT. Examples:
              forloeb console        # then open http://127.0.0.1:8080/
              forloeb console --listen 0.0.0.0:8443 --tls-cert c.pem \\
                --tls-key c.key --client-ca operators-ca.pem
              forloeb console --listen 10.0.0.5:8443 --tls-cert c.pem \\
                --tls-key c.key --trusted-proxy 10.0.0.2 \\
                --user-header X-Remote-User
            """
    )

    @Option(help: "HOST:PORT to listen on (port 0: any free port, printed at start).")
    var listen: String = ConsoleConfiguration.defaultListen

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("client-ca"), help: "PEM CA: require a client certificate it signed.")
    var clientCA: String?

    @Option(name: .customLong("trusted-proxy"), help: "IP address of the authenticating reverse proxy.")
    var trustedProxy: String?

    @Option(name: .customLong("user-header"), help: "Header in which that proxy names the user, e.g. X-Remote-User.")
    var userHeader: String?

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions

    func settings() throws(ConsoleConfigurationError) -> ConsoleConfiguration {
        try ConsoleConfiguration(
            listen: listen, tlsCertificate: tlsCertificate, tlsKey: tlsKey, clientCA: clientCA,
            trustedProxy: trustedProxy, userHeader: userHeader)
    }

    /// A console that would be reachable unprotected does not start: usage error, exit 2.
    func validate() throws {
        do {
            _ = try settings()
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let settings: ConsoleConfiguration
        do {
            settings = try self.settings()
        } catch {
            throw CommandFailure.usage(error.message)
        }
        let level =
            ProcessInfo.processInfo.environment["FORLOEB_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let journey = try workflow.load().journey
        // FORLOEB_NOW fixes the console's clock too (demos and tests); otherwise each page asks the clock.
        let fixed: Instant? = ProcessInfo.processInfo.environment["FORLOEB_NOW"] == nil ? nil : try CommandClock.now()
        // Read-only, like every read verb: the console never writes, whoever runs it.
        try await storeOptions.withStore(.read) { store in
            let site = try ConsoleSite(store: store, journey: journey) {
                fixed ?? Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            }
            let server = ConsoleServer(configuration: settings, site: site, logger: Logger(label: "forloeb.console"))
            let label = store.url.redacted
            do {
                try await server.run { url in
                    FileHandle.standardError.write(Data("forloeb console: \(label) on \(url)\n".utf8))
                }
            } catch let error as ConsoleConfigurationError {
                throw CommandFailure.usage(error.message)
            }
        }
    }
}
