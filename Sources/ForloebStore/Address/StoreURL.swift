import ForloebCore
import Foundation

/// Where the store lives: `sqlite:PATH` (the embedded default) or `postgres://user:pass@host:port/db`.
///
/// The password is kept for connecting but never printed: `description` is the redacted form, so a URL can
/// go into a log line or an error message as it is.
public enum StoreURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// A PostgreSQL server address; `password` is only read when connecting.
    public struct PostgresAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        /// `sslmode` from the query string, as libpq names them: `disable` (the default here), `prefer` and
        /// `require` (encrypted, the server's certificate unchecked), `verify-ca` (signed by a trusted CA) and
        /// `verify-full` (that, and issued to `host`).
        public var sslMode: String
        /// `sslrootcert`: a PEM file of the CAs to trust for `verify-ca` / `verify-full` (else the system's).
        public var sslRootCert: String?

        public static let sslModes = ["disable", "prefer", "require", "verify-ca", "verify-full"]

        public init(
            host: String, port: Int = 5432, user: String, password: String?, database: String,
            sslMode: String = "disable", sslRootCert: String? = nil
        ) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
            self.database = database
            self.sslMode = sslMode
            self.sslRootCert = sslRootCert
        }
    }

    /// Parses `sqlite:PATH`, `sqlite://PATH` or `postgres://` / `postgresql://` URLs.
    public init(parsing text: String) throws(StoreError) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw StoreError(.invalidURL, "sqlite: needs a file path (sqlite:PATH)") }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else {
            throw StoreError(
                .invalidURL,
                "not a store URL: \(Self.redact(text)) (expected sqlite:PATH or postgres://user:pass@host:port/db)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard let user = components.percentEncodedUser.map({ $0.removingPercentEncoding ?? $0 }), !user.isEmpty else {
            throw StoreError(.invalidURL, "\(Self.redact(text)): the URL needs a user name")
        }
        let sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        guard PostgresAddress.sslModes.contains(sslMode) else {
            throw StoreError(
                .invalidURL,
                "\(Self.redact(text)): sslmode must be one of \(PostgresAddress.sslModes.joined(separator: ", "))")
        }
        let sslRootCert = components.queryItems?.first(where: { $0.name == "sslrootcert" })?.value
        self = .postgres(
            PostgresAddress(
                host: host, port: components.port ?? 5432, user: user,
                password: components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 },
                database: database.isEmpty ? user : database, sslMode: sslMode, sslRootCert: sslRootCert))
    }

    /// `FORLOEB_STORE` when set, else the default SQLite file under the user's state directory.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StoreError)
        -> StoreURL
    {
        if let text = environment["FORLOEB_STORE"], !text.isEmpty { return try StoreURL(parsing: text) }
        return .sqlite(path: defaultSQLitePath(environment))
    }

    /// `$XDG_STATE_HOME/forloeb/forloeb.sqlite`, else `~/.local/state/forloeb/forloeb.sqlite`.
    public static func defaultSQLitePath(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/forloeb/forloeb.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/forloeb/forloeb.sqlite"
    }

    /// The URL with its password replaced by `***`: the only form that is ever printed.
    public var redacted: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let a):
            let credentials = a.password == nil ? a.user : "\(a.user):***"
            let host = a.host.contains(":") ? "[\(a.host)]" : a.host
            var parameters = a.sslMode == "disable" ? [] : ["sslmode=\(a.sslMode)"]
            if let root = a.sslRootCert { parameters.append("sslrootcert=\(root)") }
            let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
            return "postgres://\(credentials)@\(host):\(a.port)/\(a.database)\(query)"
        }
    }

    public var description: String { redacted }

    /// Masks whatever sits between `://user:` and `@` in text that did not parse.
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            scheme.upperBound < at.lowerBound
        else { return text }
        let credentials = text[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }
}
