/// A queue to declare, with the arguments forloeb uses spelled as properties.
public struct AMQPQueue: Sendable, Hashable {
    /// RabbitMQ's queue types (`x-queue-type`).
    public enum Kind: String, Sendable, Hashable, Codable {
        /// One node's queue: fast, not replicated. Supports per-queue TTL everywhere.
        case classic
        /// Raft-replicated, durable: what production should use for the event queues.
        case quorum
    }

    public var name: String
    public var kind: Kind
    public var durable: Bool
    public var exclusive: Bool
    public var autoDelete: Bool
    /// Extra arguments beyond those set by the properties below.
    public var extraArguments: AMQPTable
    /// `x-dead-letter-exchange`: where rejected (requeue: false) or expired messages go.
    public var deadLetterExchange: String?
    /// `x-dead-letter-routing-key`: replaces the routing key when dead-lettering.
    public var deadLetterRoutingKey: String?
    /// `x-message-ttl` in milliseconds: messages older than this expire (and are dead-lettered if configured).
    public var messageTTLMilliseconds: Int?
    /// `x-single-active-consumer`: only one consumer receives at a time; the others take over when it goes.
    public var singleActiveConsumer: Bool
    /// `x-delivery-limit` (quorum queues only): a message returned to the queue more often than this (a
    /// consumer's channel or connection died with it unacknowledged, or it was nacked with requeue) is
    /// dead-lettered (or dropped without a dead-letter exchange) instead of being delivered again: with a
    /// limit of 2 it is delivered 3 times at most.
    public var deliveryLimit: Int?

    public init(
        _ name: String,
        kind: Kind = .classic,
        durable: Bool = true,
        exclusive: Bool = false,
        autoDelete: Bool = false,
        deadLetterExchange: String? = nil,
        deadLetterRoutingKey: String? = nil,
        messageTTLMilliseconds: Int? = nil,
        singleActiveConsumer: Bool = false,
        deliveryLimit: Int? = nil,
        extraArguments: AMQPTable = [:]
    ) {
        self.name = name
        self.kind = kind
        self.durable = durable
        self.exclusive = exclusive
        self.autoDelete = autoDelete
        self.deadLetterExchange = deadLetterExchange
        self.deadLetterRoutingKey = deadLetterRoutingKey
        self.messageTTLMilliseconds = messageTTLMilliseconds
        self.singleActiveConsumer = singleActiveConsumer
        self.deliveryLimit = deliveryLimit
        self.extraArguments = extraArguments
    }

    /// The declaration arguments as sent to the broker.
    public var arguments: AMQPTable {
        var arguments = extraArguments
        arguments["x-queue-type"] = .string(kind.rawValue)
        if let deadLetterExchange { arguments["x-dead-letter-exchange"] = .string(deadLetterExchange) }
        if let deadLetterRoutingKey { arguments["x-dead-letter-routing-key"] = .string(deadLetterRoutingKey) }
        if let messageTTLMilliseconds { arguments["x-message-ttl"] = .int(Int64(messageTTLMilliseconds)) }
        if singleActiveConsumer { arguments["x-single-active-consumer"] = .bool(true) }
        if let deliveryLimit, kind == .quorum { arguments["x-delivery-limit"] = .int(Int64(deliveryLimit)) }
        return arguments
    }
}

/// What the broker reports about a declared queue.
public struct AMQPQueueStatus: Sendable, Hashable {
    public var name: String
    /// Messages ready for delivery (not counting unacknowledged ones).
    public var messageCount: UInt32
    public var consumerCount: UInt32
}
