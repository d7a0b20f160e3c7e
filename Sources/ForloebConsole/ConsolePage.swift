/// A rendered page: what the server sends, before the security headers every response gets.
public struct ConsolePage: Sendable, Equatable {
    public enum Status: Int, Sendable {
        case ok = 200
        case forbidden = 403
        case notFound = 404
        case methodNotAllowed = 405
        case unavailable = 503
    }

    public var status: Status
    public var title: String
    /// The whole HTML document.
    public var html: String
}
