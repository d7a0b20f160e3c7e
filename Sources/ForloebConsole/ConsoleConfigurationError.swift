/// Why the console refuses to start with the options given: a usage error (exit 2), with a message that says
/// what to add.
public struct ConsoleConfigurationError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: String {
            case badListenAddress = "bad_listen_address"
            case incompleteTLS = "incomplete_tls"
            case unprotectedAddress = "unprotected_address"
            case incompleteProxy = "incomplete_proxy"
            case conflictingAuthentication = "conflicting_authentication"
            case unreadableFile = "unreadable_file"
            case cannotListen = "cannot_listen"
        }

        let value: Value
        public var description: String { value.rawValue }

        /// `--listen` is not HOST:PORT.
        public static let badListenAddress = Code(value: .badListenAddress)
        /// Only one of `--tls-cert` and `--tls-key`, or `--client-ca` without them.
        public static let incompleteTLS = Code(value: .incompleteTLS)
        /// An address other than loopback without TLS and authentication.
        public static let unprotectedAddress = Code(value: .unprotectedAddress)
        /// Only one of `--trusted-proxy` and `--user-header`.
        public static let incompleteProxy = Code(value: .incompleteProxy)
        /// Both client certificates and a trusted proxy.
        public static let conflictingAuthentication = Code(value: .conflictingAuthentication)
        /// A certificate, key or CA file that cannot be read or parsed.
        public static let unreadableFile = Code(value: .unreadableFile)
        /// The address cannot be bound: in use, or not this machine's.
        public static let cannotListen = Code(value: .cannotListen)
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
