import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation

/// One end-to-end throughput run: publish every event of `feed` (confirmed batches) while `workers` in-process
/// workers consume, apply, commit, ack and relay the notifications; the clock stops when the store has processed
/// every event and its outbox is empty (every notification published with confirms and marked sent).
struct ThroughputRun {
    struct Result {
        var events: Int
        var elapsed: Double
        /// First publish → every event processed (committed; acked right after).
        var processedAfter: Double
        var publishedAfter: Double
        var notifications: Int
        var rate: Double { Double(events) / elapsed }
    }

    var amqp: AMQPURL
    var journey: Journey
    var options: BenchOptions

    func run(workers: Int, feed: EventFeed, store: FreshStore, label: String) async throws -> Result {
        try await store.create()
        let prefix = "bench.e2e.\(label)"
        let topology = ForloebTopology(
            prefix: prefix, layout: workers > 1 ? .partitioned(count: workers) : .single, queueKind: options.queueKind)
        let broker = try await BenchBroker.prepare(amqp: amqp, topology: topology)
        let fleet = try await WorkerFleet.start(
            count: workers, amqp: amqp, prefix: prefix, store: store, journey: journey, options: options)
        let monitor = try await store.open()
        // Let the consumers attach before the clock starts (their start-up is not part of the rate).
        try await Task.sleep(for: .milliseconds(500))

        let clock = ContinuousClock()
        let start = clock.now
        let publisher = Task {
            try await broker.publish(feed, 0..<feed.count, confirmEvery: options.confirmEvery)
            return start.duration(to: clock.now)
        }
        var processedAt: Duration?
        var counts = try await monitor.counts()
        let deadline = start + .seconds(600)
        while true {
            counts = try await monitor.counts()
            if processedAt == nil && counts.processed >= feed.count { processedAt = start.duration(to: clock.now) }
            if counts.processed >= feed.count && counts.outboxPending == 0 { break }
            if clock.now > deadline { fail("timed out: \(counts.processed) of \(feed.count) processed") }
            try await Task.sleep(for: .milliseconds(20))
        }
        let elapsed = start.duration(to: clock.now)
        let published = try await publisher.value
        try await fleet.stop()
        try await monitor.close()
        await broker.tearDown()
        try await store.discard()
        guard counts.rejections == 0 else { fail("\(counts.rejections) generated events were rejected") }
        return Result(
            events: feed.count, elapsed: seconds(elapsed), processedAfter: seconds(processedAt ?? elapsed),
            publishedAfter: seconds(published), notifications: counts.outboxSent)
    }
}
