import Foundation

/// Where and how to connect: an `amqp://user:pass@host:port/vhost` or `amqps://…` URL, parsed.
///
/// Follows RabbitMQ's URI spec: user, password and vhost are percent-decoded (`%2F` is `/`); the port
/// defaults to 5672 (`amqp`) or 5671 (`amqps`); user and password default to `guest`. An empty path or
/// a lone `/` means the default vhost `/`. Query keys: `heartbeat` (seconds), `connection_timeout`
/// (milliseconds), `cacertfile`, `certfile`, `keyfile`, `verify` (`verify_peer` | `verify_none`),
/// `auth_mechanism` (`plain` | `external`).
///
/// **Several nodes of one cluster**: a comma-separated list of hosts, each with its own port,
/// `amqp://user:pass@rabbit1:5672,rabbit2:5672,[fd00::3]:5672/%2F`. User, password, vhost and query are shared
/// by all nodes (they are one cluster). `AMQPConnection.connect` tries the nodes in turn, starting with the one
/// that last worked (`AMQPNodeRotation`); `host` and `port` are the first node's. The one-node form is unchanged.
///
/// Why `description` is redacted: URLs end up in logs and error messages, and the password must not
/// (PROJECT.md: nothing sensitive in logs). Use `redacted` to print one explicitly.
public struct AMQPURL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Scheme: String, Sendable, Hashable {
        case amqp
        case amqps
    }

    /// How the client authenticates.
    public enum Authentication: String, Sendable, Hashable {
        /// User and password (SASL PLAIN).
        case plain
        /// The TLS client certificate's identity (SASL EXTERNAL; needs `amqps` and a client certificate).
        case external
    }

    public var scheme: Scheme
    /// The broker nodes, in the order given; never empty.
    public var nodes: [AMQPNode] {
        didSet { precondition(!nodes.isEmpty, "an AMQP URL needs at least one node") }
    }
    /// The first node's host.
    public var host: String {
        get { nodes[0].host }
        set { nodes[0].host = newValue }
    }
    /// The first node's port.
    public var port: Int {
        get { nodes[0].port }
        set { nodes[0].port = newValue }
    }
    public var user: String
    /// Kept internal so that no public API hands it out by accident; the connection reads it.
    var password: String
    public var vhost: String
    /// Set for `amqps`, nil for `amqp`.
    public var tls: AMQPTLSOptions?
    /// Heartbeat asked for in the query, in seconds (0 turns heartbeats off).
    public var heartbeat: Int?
    /// Connect timeout asked for in the query, in milliseconds.
    public var connectionTimeoutMilliseconds: Int?
    public var authentication: Authentication

    public init(
        scheme: Scheme = .amqp,
        host: String = "localhost",
        port: Int? = nil,
        user: String = "guest",
        password: String = "guest",
        vhost: String = "/",
        tls: AMQPTLSOptions? = nil,
        heartbeat: Int? = nil,
        authentication: Authentication = .plain
    ) {
        self.scheme = scheme
        self.nodes = [AMQPNode(host: host, port: port ?? (scheme == .amqps ? 5671 : 5672))]
        self.user = user
        self.password = password
        self.vhost = vhost
        self.tls = scheme == .amqps ? (tls ?? AMQPTLSOptions()) : nil
        self.heartbeat = heartbeat
        self.connectionTimeoutMilliseconds = nil
        self.authentication = authentication
    }

    /// Parses `text`; TLS file paths and a password file may come from `environment`
    /// (`FORLOEB_AMQP_CA_FILE`, `FORLOEB_AMQP_CERT_FILE`, `FORLOEB_AMQP_KEY_FILE`,
    /// `FORLOEB_AMQP_PASSWORD_FILE`, read only when the URL carries no password).
    public init(_ text: String, environment: [String: String] = [:]) throws {
        func invalid(_ why: String) -> AMQPError {
            // The text may hold a password: name only the scheme and the reason.
            AMQPError(.invalidURL, "not an AMQP URL (\(why)); expected amqp://user:pass@host:port/vhost")
        }
        guard let schemeEnd = text.range(of: "://") else { throw invalid("no scheme") }
        guard let scheme = Scheme(rawValue: text[..<schemeEnd.lowerBound].lowercased()) else {
            throw invalid("scheme must be amqp or amqps")
        }
        var rest = text[schemeEnd.upperBound...]
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        var path: Substring?
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user = "guest"
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                guard let decodedUser = Self.percentDecoded(userInfo[..<colon]),
                    let decodedPassword = Self.percentDecoded(userInfo[userInfo.index(after: colon)...])
                else { throw invalid("bad percent-encoding in the user info") }
                user = decodedUser
                password = decodedPassword
            } else {
                guard let decodedUser = Self.percentDecoded(userInfo) else {
                    throw invalid("bad percent-encoding in the user")
                }
                user = decodedUser
            }
        }
        // One node, or several separated by commas: `h1:5672,h2:5672,[::1]:5673`.
        let defaultPort = scheme == .amqps ? 5671 : 5672
        var nodes: [AMQPNode] = []
        let hostList = rest.split(separator: ",", omittingEmptySubsequences: false)
        for item in hostList {
            if item.isEmpty && hostList.count > 1 { throw invalid("empty host in the node list") }
            let (host, port) = try Self.parseNode(item, invalid: invalid)
            nodes.append(AMQPNode(host: host.isEmpty ? "localhost" : String(host), port: port ?? defaultPort))
        }
        var vhost = "/"
        if let path, !path.isEmpty {
            guard let decoded = Self.percentDecoded(path) else { throw invalid("bad percent-encoding in the vhost") }
            vhost = decoded
        }
        self.init(
            scheme: scheme,
            host: nodes[0].host,
            port: nodes[0].port,
            user: user,
            password: password ?? "guest",
            vhost: vhost
        )
        self.nodes = nodes
        if password == nil, let file = environment["FORLOEB_AMQP_PASSWORD_FILE"], !file.isEmpty {
            self.password = try Self.readSecret(file)
        }
        if scheme == .amqps {
            var tls = AMQPTLSOptions(
                caFile: environment["FORLOEB_AMQP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 },
                certificateFile: environment["FORLOEB_AMQP_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 },
                keyFile: environment["FORLOEB_AMQP_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            )
            Self.applyTLSQuery(query, to: &tls)
            self.tls = tls
        }
        for (key, value) in Self.queryItems(query) {
            switch key {
            case "heartbeat":
                guard let seconds = Int(value), seconds >= 0 else { throw invalid("bad heartbeat") }
                heartbeat = seconds
            case "connection_timeout":
                guard let millis = Int(value), millis > 0 else { throw invalid("bad connection_timeout") }
                connectionTimeoutMilliseconds = millis
            case "auth_mechanism":
                guard let mechanism = Authentication(rawValue: value.lowercased()) else {
                    throw invalid("auth_mechanism must be plain or external")
                }
                authentication = mechanism
            case "verify":
                guard value == "verify_peer" || value == "verify_none" else {
                    throw invalid("verify must be verify_peer or verify_none")
                }
            default:
                break
            }
        }
        if authentication == .external && scheme != .amqps {
            throw invalid("auth_mechanism=external needs amqps")
        }
    }

    /// The URL with the password replaced by `***`: safe for logs, errors and `--help`.
    public var redacted: String {
        var text = "\(scheme.rawValue)://\(Self.percentEncoded(user)):***@"
        text += nodes.map(\.description).joined(separator: ",")
        text += "/\(Self.percentEncoded(vhost))"
        return text
    }

    /// This URL with node `index` alone: what one connection attempt uses.
    public func pinned(to index: Int) -> AMQPURL {
        var url = self
        url.nodes = [nodes[index]]
        return url
    }

    public var description: String { redacted }
    public var debugDescription: String { "AMQPURL(\(redacted))" }
    public var customMirror: Mirror { Mirror(self, children: ["url": redacted]) }

    // MARK: - Parsing helpers

    /// One `host[:port]` or `[v6]:port` of the node list.
    private static func parseNode(
        _ text: Substring, invalid: (String) -> AMQPError
    ) throws -> (host: Substring, port: Int?) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw invalid("unclosed IPv6 bracket") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw invalid("junk after host")
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
        }
        guard let portText else { return (host, nil) }
        guard let number = Int(portText), (1...65535).contains(number) else { throw invalid("bad port") }
        return (host, number)
    }

    private static func queryItems(_ query: Substring) -> [(String, String)] {
        query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let key = parts.first.flatMap({ percentDecoded($0) }) else { return nil }
            let value = parts.count > 1 ? (percentDecoded(parts[1]) ?? "") : ""
            return (key, value)
        }
    }

    private static func applyTLSQuery(_ query: Substring, to tls: inout AMQPTLSOptions) {
        for (key, value) in queryItems(query) {
            switch key {
            case "cacertfile": tls.caFile = value
            case "certfile": tls.certificateFile = value
            case "keyfile": tls.keyFile = value
            case "verify":
                tls.verifyPeer = value != "verify_none"
                tls.verifyHostname = value != "verify_none"
            case "server_name_indication" where value == "disable":
                tls.verifyHostname = false
            default: break
            }
        }
    }

    private static func readSecret(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AMQPError(.invalidURL, "cannot read FORLOEB_AMQP_PASSWORD_FILE \(path)")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }

    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
