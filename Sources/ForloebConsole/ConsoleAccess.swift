import HTTPTypes

/// Who may read a page, decided per request from the configuration, the peer's address and the headers.
///
/// Client certificates are checked by the TLS handshake (no certificate signed by the CA, no connection), so
/// here they need nothing more. A proxy's user header is believed only from the proxy's own address, and a
/// request from anywhere else is refused: otherwise anyone who reaches the port could name any user.
public struct ConsoleAccess: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        /// Let the request through; `user` is who the proxy authenticated, when one did.
        case allow(user: String?)
        /// Refuse it with 403 and this reason (shown to the visitor; says nothing secret).
        case refuse(String)
    }

    public var proxy: ConsoleConfiguration.TrustedProxy?

    public init(proxy: ConsoleConfiguration.TrustedProxy?) {
        self.proxy = proxy
    }

    /// The decision for a request from `peer` (its IP address, nil when unknown) with `headers`.
    public func decide(peer: String?, headers: HTTPFields) -> Decision {
        guard let proxy else { return .allow(user: nil) }
        guard let peer, Self.sameAddress(peer, proxy.address) else {
            return .refuse("This console is reached through its authenticating proxy only.")
        }
        guard let name = HTTPField.Name(proxy.userHeader), let user = headers[name], !user.isEmpty else {
            return .refuse("The proxy did not say who is signed in.")
        }
        return .allow(user: user)
    }

    /// Whether two textual IP addresses are the same, allowing for IPv4 written as IPv6 (`::ffff:10.0.0.1`).
    static func sameAddress(_ a: String, _ b: String) -> Bool {
        func plain(_ address: String) -> String {
            let lower = address.lowercased()
            return lower.hasPrefix("::ffff:") && lower.contains(".") ? String(lower.dropFirst(7)) : lower
        }
        return plain(a) == plain(b)
    }
}
