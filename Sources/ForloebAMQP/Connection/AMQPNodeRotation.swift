import Synchronization

/// Which node of a several-node URL to try first: the one that last worked, then the others in the URL's order.
///
/// Why remembered across connections: after a node dies, every reconnect (the consumer's, the relay's, a
/// publisher's) would otherwise try the dead node first and, on a network that drops packets instead of
/// refusing them, wait out its connect timeout each time. A node that fails moves the start to the next node;
/// a node that works stays first until it fails. Kept per node list (in its order), so two workers given the
/// nodes in different orders spread over the cluster.
public final class AMQPNodeRotation: Sendable {
    /// The process's rotation, shared by every connection that does not bring its own.
    public static let shared = AMQPNodeRotation()

    private let preferred = Mutex<[[AMQPNode]: Int]>([:])

    public init() {}

    /// The node indices of `url` in the order to try them.
    public func order(for url: AMQPURL) -> [Int] {
        let count = url.nodes.count
        let start = preferred.withLock { $0[url.nodes] ?? 0 } % max(count, 1)
        return (0..<count).map { (start + $0) % count }
    }

    /// Node `index` of `url` accepted a connection: try it first next time.
    public func succeeded(_ index: Int, of url: AMQPURL) {
        preferred.withLock { $0[url.nodes] = index }
    }

    /// Node `index` of `url` failed: if it was the one tried first, start with the next one next time.
    public func failed(_ index: Int, of url: AMQPURL) {
        preferred.withLock { table in
            if (table[url.nodes] ?? 0) == index { table[url.nodes] = (index + 1) % url.nodes.count }
        }
    }
}
