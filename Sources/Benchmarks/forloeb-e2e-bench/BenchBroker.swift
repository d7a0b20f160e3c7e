import ForloebAMQP
import Foundation

/// The run's topology on the broker (unique prefix), its publisher channel, and clean-up afterwards.
struct BenchBroker {
    let amqp: AMQPURL
    let topology: ForloebTopology
    let connection: AMQPConnection
    let channel: AMQPChannel

    /// Declares the topology before any worker runs, so that nothing published is dropped.
    static func prepare(amqp: AMQPURL, topology: ForloebTopology) async throws -> BenchBroker {
        let connection = try await AMQPConnection.connect(to: amqp)
        let channel = try await connection.openChannel(confirms: true)
        try await topology.declare(on: channel)
        return BenchBroker(amqp: amqp, topology: topology, connection: connection, channel: channel)
    }

    /// Publishes `feed[range]` to the events exchange in confirmed batches of `confirmEvery`.
    func publish(_ feed: EventFeed, _ range: Range<Int>, confirmEvery: Int, publishedAt: Int64? = nil) async throws {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + confirmEvery, range.upperBound)
            try await channel.publish(
                (start..<end).map { feed.message($0, exchange: topology.eventsExchange, publishedAt: publishedAt) })
            start = end
        }
    }

    /// Deletes the run's queues and exchanges (and any extra queues), so that the broker is left as found.
    func tearDown(extraQueues: [String] = []) async {
        let description = topology.topology
        for queue in description.queues.map(\.name) + extraQueues { _ = try? await channel.delete(queue: queue) }
        for exchange in description.exchanges { try? await channel.delete(exchange: exchange.name) }
        await connection.close()
    }
}
