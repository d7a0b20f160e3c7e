/// Exchanges, queues and bindings as data: declared by a service at start and exported as RabbitMQ definitions.
///
/// Why data: the same value is declared idempotently by every worker, written to
/// `Deploy/rabbitmq/definitions.json` for operators who pre-provision, and compared in tests.
public struct AMQPTopology: Sendable, Hashable {
    public var exchanges: [AMQPExchange]
    public var queues: [AMQPQueue]
    public var bindings: [AMQPBinding]

    public init(exchanges: [AMQPExchange] = [], queues: [AMQPQueue] = [], bindings: [AMQPBinding] = []) {
        self.exchanges = exchanges
        self.queues = queues
        self.bindings = bindings
    }

    /// Both topologies, without duplicates (first occurrence wins).
    public func merging(_ other: AMQPTopology) -> AMQPTopology {
        func unique<T: Hashable>(_ items: [T], by key: (T) -> String) -> [T] {
            var seen = Set<String>()
            return items.filter { seen.insert(key($0)).inserted }
        }
        return AMQPTopology(
            exchanges: unique(exchanges + other.exchanges) { $0.name },
            queues: unique(queues + other.queues) { $0.name },
            bindings: unique(bindings + other.bindings) { "\($0.source)>\($0.destination)>\($0.routingKey)" }
        )
    }
}
