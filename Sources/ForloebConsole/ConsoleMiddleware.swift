import HTTPTypes
import Hummingbird
import Logging

/// Wraps every route: refuses what `ConsoleAccess` refuses, answers only GET and HEAD, turns every error into an
/// HTML page (never a stack or the store's message), and puts the security headers on every response.
struct ConsoleMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    let access: ConsoleAccess
    let site: ConsoleSite

    /// The headers of every response: no script, no framing, no external source of anything; the one inline
    /// style sheet by its hash; no referrer leaving with a case id in it.
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (
            HTTPField.Name("Content-Security-Policy")!,
            "default-src 'none'; style-src '\(ConsoleSite.styleHash)'; img-src 'self'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'"
        ),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (.cacheControl, "no-store"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        switch access.decide(peer: context.remoteAddress?.ipAddress, headers: request.headers) {
        case .refuse(let reason):
            context.logger.notice(
                "console request refused", metadata: ["peer": "\(context.remoteAddress?.ipAddress ?? "-")"])
            response = Self.html(site.problem(.forbidden, heading: "Not allowed", message: reason, now: site.clock()))
        case .allow(let user):
            if let user {
                context.logger.info("console request", metadata: ["user": "\(user)", "path": "\(request.uri.path)"])
            }
            if request.method != .get && request.method != .head {
                response = Self.html(
                    site.problem(
                        .methodNotAllowed, heading: "Read only", message: "The console only reads.", now: site.clock()))
                response.headers[.allow] = "GET, HEAD"
            } else {
                do {
                    response = try await next(request, context)
                } catch {
                    response = Self.html(site.notFound())
                }
            }
        }
        for (name, value) in Self.securityHeaders { response.headers[name] = value }
        return response
    }

    /// A page as an HTML response.
    static func html(_ page: ConsolePage) -> Response {
        Response(
            status: HTTPResponse.Status(code: page.status.rawValue),
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }
}
