/// A message to publish: where it goes, its body and its properties.
public struct AMQPMessage: Sendable, Hashable {
    public var exchange: String
    public var routingKey: String
    public var body: [UInt8]
    public var properties: AMQPProperties
    /// When set, a message that matches no queue is returned by the broker and the publish fails with
    /// `.unroutable` instead of the message being dropped silently.
    public var mandatory: Bool

    public init(
        exchange: String,
        routingKey: String,
        body: [UInt8],
        properties: AMQPProperties = AMQPProperties(),
        mandatory: Bool = false
    ) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.properties = properties
        self.mandatory = mandatory
    }
}
