/// The routing algorithm of an exchange.
public enum AMQPExchangeType: String, Sendable, Hashable, Codable {
    case direct
    case fanout
    case topic
    case headers
    /// `rabbitmq_consistent_hash_exchange` (a plugin shipped with rabbitmq-server): spreads messages over its
    /// bound queues by a hash of the routing key, a header (`hash-header`) or a property (`hash-property`).
    case consistentHash = "x-consistent-hash"
}
