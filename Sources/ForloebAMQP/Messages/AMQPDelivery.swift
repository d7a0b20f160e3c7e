/// A message the broker delivered to a consumer (or handed out by basic.get), copied out of librabbitmq.
///
/// Acknowledge it on the channel it came from with `deliveryTag`.
public struct AMQPDelivery: Sendable, Hashable {
    /// The channel's delivery tag: the argument of `ack`, `nack` and `reject`.
    public var deliveryTag: UInt64
    /// True when the broker delivered this message before and it was not acknowledged (a consumer died).
    public var redelivered: Bool
    public var exchange: String
    public var routingKey: String
    /// Empty for basic.get.
    public var consumerTag: String
    public var body: [UInt8]
    public var properties: AMQPProperties
    /// The channel number the delivery arrived on.
    public var channel: UInt16

    public init(
        deliveryTag: UInt64,
        redelivered: Bool,
        exchange: String,
        routingKey: String,
        consumerTag: String,
        body: [UInt8],
        properties: AMQPProperties,
        channel: UInt16
    ) {
        self.deliveryTag = deliveryTag
        self.redelivered = redelivered
        self.exchange = exchange
        self.routingKey = routingKey
        self.consumerTag = consumerTag
        self.body = body
        self.properties = properties
        self.channel = channel
    }

    public var messageID: String? { properties.messageID }
    public var headers: AMQPTable { properties.headers }
}
