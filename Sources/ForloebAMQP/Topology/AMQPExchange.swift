/// An exchange to declare: declaring the same exchange again is a no-op, declaring it with other settings
/// fails with `.channelClosed` / 406 (RabbitMQ does not change an existing exchange).
public struct AMQPExchange: Sendable, Hashable {
    public var name: String
    public var type: AMQPExchangeType
    public var durable: Bool
    public var autoDelete: Bool
    /// Internal exchanges take messages only from other exchanges, never from publishers.
    public var `internal`: Bool
    public var arguments: AMQPTable

    public init(
        _ name: String,
        type: AMQPExchangeType,
        durable: Bool = true,
        autoDelete: Bool = false,
        internal: Bool = false,
        arguments: AMQPTable = [:]
    ) {
        self.name = name
        self.type = type
        self.durable = durable
        self.autoDelete = autoDelete
        self.internal = `internal`
        self.arguments = arguments
    }
}
