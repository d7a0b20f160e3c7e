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

    /// Parses `text` with Foundation's `URLComponents`, as `StoreURL` is, one node at a time (it takes one host);
    /// TLS file paths and a password file may come from `environment`
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
        // `URLComponents` takes one host, so a cluster's node list is split here and the URL parsed once per node:
        // the first node's parse gives the user, password, vhost and query, which all nodes share.
        let afterScheme = text[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        let tail = afterScheme[authorityEnd...]
        let at = authority.lastIndex(of: "@")
        let userInfo = at.map { authority[..<$0] }
        let hostList = (at.map { authority[authority.index(after: $0)...] } ?? authority)
            .split(separator: ",", omittingEmptySubsequences: false)
        // `URLComponents` would percent-encode a stray `%` rather than refuse it: the parts it decodes are checked
        // here first.
        if let userInfo {
            if let colon = userInfo.firstIndex(of: ":") {
                guard userInfo[..<colon].removingPercentEncoding != nil,
                    userInfo[userInfo.index(after: colon)...].removingPercentEncoding != nil
                else { throw invalid("bad percent-encoding in the user info") }
            } else if userInfo.removingPercentEncoding == nil {
                throw invalid("bad percent-encoding in the user")
            }
        }
        let defaultPort = scheme == .amqps ? 5671 : 5672
        var nodes: [AMQPNode] = []
        var first: URLComponents?
        for item in hostList {
            if item.isEmpty && hostList.count > 1 { throw invalid("empty host in the node list") }
            let node = nodes.isEmpty ? "\(userInfo.map { $0 + "@" } ?? "")\(item)\(tail)" : String(item)
            guard let components = URLComponents(string: "\(scheme.rawValue)://\(node)") else {
                throw invalid(Self.refusal(item))
            }
            if let port = components.port, !(1...65535).contains(port) { throw invalid("bad port") }
            // An IPv6 host comes back in its brackets; a node keeps it bare (`AMQPNode.description` adds them).
            var host = components.host ?? ""
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            nodes.append(AMQPNode(host: host.isEmpty ? "localhost" : host, port: components.port ?? defaultPort))
            if first == nil { first = components }
        }
        guard let components = first else { throw invalid("no host") }
        guard tail.prefix(while: { $0 != "?" && $0 != "#" }).removingPercentEncoding != nil else {
            throw invalid("bad percent-encoding in the vhost")
        }
        let user = components.user
        let password = components.password
        // The path is the vhost: empty or a lone `/` is the default `/`, and `%2F` decodes to `/` (`/%2Fprod`: `/prod`).
        let path = components.path.dropFirst()
        let query = components.queryItems ?? []
        self.init(
            scheme: scheme,
            host: nodes[0].host,
            port: nodes[0].port,
            user: user ?? "guest",
            password: password ?? "guest",
            vhost: path.isEmpty ? "/" : String(path)
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
        for item in query {
            let (key, value) = (item.name, item.value ?? "")
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

    /// Why `URLComponents` refused a node (`host`, `host:port`, `[v6]:port`), in the words the hand-written parser
    /// used before it.
    private static func refusal(_ node: Substring) -> String {
        var portText: Substring?
        if node.hasPrefix("[") {
            guard let close = node.firstIndex(of: "]") else { return "unclosed IPv6 bracket" }
            let after = node[node.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                return "junk after host"
            }
        } else if let colon = node.lastIndex(of: ":") {
            portText = node[node.index(after: colon)...]
        }
        if let portText, Int(portText).map({ (1...65535).contains($0) }) != true { return "bad port" }
        return "a host a URL cannot hold"
    }

    private static func applyTLSQuery(_ query: [URLQueryItem], to tls: inout AMQPTLSOptions) {
        for item in query {
            let value = item.value ?? ""
            switch item.name {
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

    /// RFC 3986's unreserved characters: what `redacted` leaves unencoded in the user and the vhost.
    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
