/// Where the console listens and who may look: loopback needs nothing, any other address TLS and one way of
/// authenticating the people who look.
///
/// The console shows citizens' cases; on loopback only someone already on the machine reaches it. Anywhere else
/// it must not be readable on the wire, nor by whoever can reach the port: so TLS, and either client
/// certificates signed by a CA the deployment names, or a reverse proxy that authenticated the user and says who
/// in a header, believed only from the proxy's own address.
public struct ConsoleConfiguration: Sendable, Equatable {
    public struct TLSFiles: Sendable, Equatable {
        public var certificate: String
        public var key: String
        /// When set, every connection must present a client certificate signed by this CA.
        public var clientCA: String?

        public init(certificate: String, key: String, clientCA: String?) {
            self.certificate = certificate
            self.key = key
            self.clientCA = clientCA
        }
    }

    public struct TrustedProxy: Sendable, Equatable {
        /// The proxy's IP address: the only peer whose user header is believed.
        public var address: String
        /// The header in which the proxy names the authenticated user, e.g. X-Remote-User.
        public var userHeader: String

        public init(address: String, userHeader: String) {
            self.address = address
            self.userHeader = userHeader
        }
    }

    public var host: String
    public var port: Int
    public var tls: TLSFiles?
    public var proxy: TrustedProxy?

    public static let defaultListen = "127.0.0.1:8080"

    /// Checks the options as `forloeb console` takes them.
    public init(
        listen: String = defaultListen, tlsCertificate: String? = nil, tlsKey: String? = nil, clientCA: String? = nil,
        trustedProxy: String? = nil, userHeader: String? = nil
    ) throws(ConsoleConfigurationError) {
        (host, port) = try Self.parse(listen)
        switch (tlsCertificate, tlsKey) {
        case (let certificate?, let key?): tls = TLSFiles(certificate: certificate, key: key, clientCA: clientCA)
        case (nil, nil):
            tls = nil
            if clientCA != nil {
                throw ConsoleConfigurationError(.incompleteTLS, "--client-ca needs --tls-cert and --tls-key")
            }
        default: throw ConsoleConfigurationError(.incompleteTLS, "--tls-cert and --tls-key go together")
        }
        switch (trustedProxy, userHeader) {
        case (let address?, let header?):
            guard !header.isEmpty, header.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw ConsoleConfigurationError(
                    .incompleteProxy, "--user-header must be a header name, e.g. X-Remote-User")
            }
            proxy = TrustedProxy(address: address, userHeader: header)
        case (nil, nil): proxy = nil
        default:
            throw ConsoleConfigurationError(.incompleteProxy, "--trusted-proxy and --user-header go together")
        }
        if clientCA != nil && proxy != nil {
            throw ConsoleConfigurationError(
                .conflictingAuthentication, "choose client certificates (--client-ca) or a trusted proxy, not both")
        }
        if !isLoopback && (tls == nil || (clientCA == nil && proxy == nil)) {
            throw ConsoleConfigurationError(
                .unprotectedAddress,
                "the console binds to loopback (\(Self.defaultListen)) unless it is protected: listening on \(host) "
                    + "needs --tls-cert and --tls-key, and either --client-ca or --trusted-proxy with --user-header")
        }
    }

    /// Whether the console listens on this machine only.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The address to open in a browser.
    public var url: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "\(tls == nil ? "http" : "https")://\(shown):\(port)/"
    }

    /// `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (loopback).
    static func parse(_ listen: String) throws(ConsoleConfigurationError) -> (String, Int) {
        let bad = ConsoleConfigurationError(
            .badListenAddress, "--listen takes HOST:PORT, e.g. \(defaultListen), not \(listen)")
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw bad }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = "127.0.0.1" }
        guard !host.contains(where: { $0 == " " || $0 == "/" }) else { throw bad }
        return (host, port)
    }
}
