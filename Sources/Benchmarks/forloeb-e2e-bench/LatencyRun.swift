import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation
import Synchronization

/// Latency at a steady rate: events published at `rate`/s for `seconds` (each batch stamped with the wall clock in
/// the `x-forloeb-published-at` header at publish), one worker; a consumer bound to the notifications exchange with
/// routing key `state.changed` takes each notification and measures publish → `state.changed` received. The
/// notification's `messageId` is `<cause's messageId>/state.changed`, which ties it to its event's publish time.
/// That span holds the worker's whole path: delivery, the batch window, decode + apply + commit, ack, the outbox
/// relay's confirmed publish, and the broker's hop to the consumer.
struct LatencyRun {
    struct Result {
        var events: Int
        var samples: Int
        var p50: Double
        var p90: Double
        var p99: Double
        var max: Double
        var achievedRate: Double
    }

    /// Publish times by event messageId, and the measured latencies (nanoseconds).
    final class Book: Sendable {
        let published = Mutex<[String: Int64]>([:])
        let latencies = Mutex<[Int64]>([])
        let listening = Mutex(true)
        let received = Mutex(0)
    }

    var amqp: AMQPURL
    var journey: Journey
    var options: BenchOptions

    func run(feed: EventFeed, store: FreshStore, label: String) async throws -> Result {
        try await store.create()
        let prefix = "bench.e2e.\(label)"
        let topology = ForloebTopology(prefix: prefix, layout: .single, queueKind: options.queueKind)
        let broker = try await BenchBroker.prepare(amqp: amqp, topology: topology)
        let tap = prefix + ".tap"
        try await broker.channel.declare(AMQPQueue(tap, kind: .classic))
        try await broker.channel.bind(
            AMQPBinding(from: topology.notificationsExchange, to: .queue(tap), routingKey: "state.changed"))
        let fleet = try await WorkerFleet.start(
            count: 1, amqp: amqp, prefix: prefix, store: store, journey: journey, options: options)
        let monitor = try await store.open()
        let book = Book()

        let listenerConnection = try await AMQPConnection.connect(to: amqp)
        let listenerChannel = try await listenerConnection.openChannel()
        try await listenerChannel.setPrefetch(1000)
        try await listenerChannel.consume(queue: tap)
        let listener = Task {
            while book.listening.withLock({ $0 }) {
                let deliveries = try await listenerChannel.receive(max: 500, timeout: .milliseconds(20))
                let received = wallNanoseconds()
                guard let last = deliveries.last else { continue }
                let suffix = "/state.changed"
                let causes = deliveries.compactMap { delivery -> String? in
                    guard let id = delivery.messageID, id.hasSuffix(suffix) else { return nil }
                    return String(id.dropLast(suffix.count))
                }
                book.received.withLock { $0 += deliveries.count }
                let times = book.published.withLock { published in causes.compactMap { published[$0] } }
                book.latencies.withLock { $0.append(contentsOf: times.map { received - $0 }) }
                try await listenerChannel.ack(last.deliveryTag, multiple: true)
            }
        }
        try await Task.sleep(for: .milliseconds(500))

        // Steady publishing: every few milliseconds, whatever the schedule says is due (catching up if a confirm
        // took longer), stamped just before it is sent.
        let clock = ContinuousClock()
        let start = clock.now
        var sent = 0
        while sent < feed.count {
            let due = min(feed.count, Int(seconds(start.duration(to: clock.now)) * Double(options.latencyRate)))
            if due > sent {
                let stamp = wallNanoseconds()
                book.published.withLock { published in
                    for index in sent..<due { published[feed.envelopes[index].messageId] = stamp }
                }
                try await broker.publish(feed, sent..<due, confirmEvery: 1_000, publishedAt: stamp)
                sent = due
            } else {
                try await Task.sleep(for: .milliseconds(2))
            }
        }
        let publishing = seconds(start.duration(to: clock.now))
        while true {
            let counts = try await monitor.counts()
            if counts.processed >= feed.count && counts.outboxPending == 0 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .seconds(1))
        book.listening.withLock { $0 = false }
        try await listener.value
        await listenerConnection.close()
        try await fleet.stop()
        try await monitor.close()
        await broker.tearDown(extraQueues: [tap])
        try await store.discard()

        let sorted = book.latencies.withLock { $0 }.sorted()
        guard !sorted.isEmpty else {
            fail("no state.changed notification matched (\(book.received.withLock { $0 }) received)")
        }
        func percentile(_ p: Double) -> Double {
            Double(sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]) / 1e6
        }
        return Result(
            events: feed.count, samples: sorted.count, p50: percentile(0.50), p90: percentile(0.90),
            p99: percentile(0.99), max: Double(sorted.last!) / 1e6, achievedRate: Double(feed.count) / publishing)
    }
}
