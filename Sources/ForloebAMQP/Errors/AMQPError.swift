/// A failure of the broker connection, a channel or a publish, as a typed value with a code and a human message.
///
/// Why a struct over a private enum: callers switch on the codes they handle (`.unreachable` → exit 3,
/// `.channelClosed` with `replyCode` 406 → topology conflict) while new codes can be added without breaking them.
/// The message never contains a password: URLs in it are redacted.
public struct AMQPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable, switchable value.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidURL = "invalid_url"
            case unreachable
            case authenticationFailed = "authentication_failed"
            case tls
            case connectionClosed = "connection_closed"
            case channelClosed = "channel_closed"
            case timeout
            case publishNacked = "publish_nacked"
            case unroutable
            case consumerCancelled = "consumer_cancelled"
            case invalidArgument = "invalid_argument"
            case library
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The URL cannot be parsed or names an unsupported scheme.
        public static let invalidURL = Code(.invalidURL)
        /// The broker cannot be reached (DNS, TCP connect, socket error).
        public static let unreachable = Code(.unreachable)
        /// The broker refused the credentials or the virtual host.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// The TLS set-up or handshake failed (certificate files, verification).
        public static let tls = Code(.tls)
        /// The connection is closed: by us, by the broker (`replyCode`), or by a missed heartbeat.
        public static let connectionClosed = Code(.connectionClosed)
        /// The broker closed the channel (`replyCode`: 404 not found, 406 precondition failed, …).
        public static let channelClosed = Code(.channelClosed)
        /// A blocking operation did not finish in time.
        public static let timeout = Code(.timeout)
        /// The broker answered a publish with basic.nack: it did not take responsibility for the message.
        public static let publishNacked = Code(.publishNacked)
        /// A mandatory message matched no queue and was returned (basic.return).
        public static let unroutable = Code(.unroutable)
        /// The broker cancelled a consumer (its queue was deleted or failed over).
        public static let consumerCancelled = Code(.consumerCancelled)
        /// The caller passed a value AMQP cannot carry (a name over 255 bytes, a channel of another connection).
        public static let invalidArgument = Code(.invalidArgument)
        /// Any other librabbitmq status.
        public static let library = Code(.library)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// What happened, for a human: the operation, the broker's reply text or librabbitmq's status text.
    public var message: String
    /// The AMQP reply code when the broker closed the channel or connection (404, 406, 320, …).
    public var replyCode: Int?
    /// The librabbitmq status (negative `amqp_status_enum` value) when the library reported the failure.
    public var status: Int?

    public init(_ code: Code, _ message: String, replyCode: Int? = nil, status: Int? = nil) {
        self.code = code
        self.message = message
        self.replyCode = replyCode
        self.status = status
    }

    public var description: String {
        var text = "AMQP \(code): \(message)"
        if let replyCode { text += " (reply \(replyCode))" }
        return text
    }
}
