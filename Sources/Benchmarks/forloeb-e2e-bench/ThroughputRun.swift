import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation

/// One end-to-end throughput run: a case-system process publishes every event of `feed` (confirmed batches) while
/// `workers` in-process workers consume, apply, commit, ack and relay the notifications; the clock stops when the
/// store has processed every event and its outbox is empty (every notification published with confirms and marked
/// sent).
struct ThroughputRun {
    struct Result {
        var events: Int
        var elapsed: Double
        /// First publish → every event processed (committed; acked right after).
        var processedAfter: Double
        var publishedAfter: Double
        /// CPU seconds of the case-system publisher process (0 for a pre-filled queue: it ran before the clock).
        var publisherCPU: Double
        var notifications: Int
        /// CPU seconds used during the run by the worker process, the broker and PostgreSQL.
        var cpu: CPUMeter.Sample
        /// Mean messages per consumer batch (per store transaction).
        var meanBatch: Double
        var rate: Double { Double(events) / elapsed }
    }

    var amqp: AMQPURL
    var journey: Journey
    var options: BenchOptions

    /// `preloaded`: publish everything first, then start the workers and time the drain (the worker's own capacity,
    /// without a publisher competing for the CPU); otherwise publish while the workers run (the end-to-end figure).
    func run(workers: Int, feed: EventFeed, store: FreshStore, label: String, preloaded: Bool) async throws -> Result {
        try await store.create()
        let prefix = "bench.e2e.\(label)"
        let topology = ForloebTopology(
            prefix: prefix, layout: workers > 1 ? .partitioned(count: workers) : .single, queueKind: options.queueKind)
        BenchMetrics.shared.reset()
        let broker = try await BenchBroker.prepare(amqp: amqp, topology: topology)
        let monitor = try await store.open()
        let meter = CPUMeter(brokerPID: options.brokerPID, postgresPID: options.postgresPID)
        let clock = ContinuousClock()
        let fleet: WorkerFleet
        let cpuBefore: CPUMeter.Sample
        let start: ContinuousClock.Instant
        let publisher: Task<(elapsed: Duration, cpu: Double), any Error>
        let caseSystem = try CaseSystemPublisher.prepare(
            feed, exchange: topology.eventsExchange, confirmEvery: options.confirmEvery)
        defer { caseSystem.remove() }
        if preloaded {
            let fillStart = meter.sample()
            let fill = try await caseSystem.run()
            cpuBefore = meter.sample()
            emit(
                "pre-fill by the case system alone: \(String(format: "%.2f", seconds(fill.elapsed))) s; CPU s: publisher "
                    + "\(String(format: "%.2f", fill.cpu)), broker \(String(format: "%.2f", (cpuBefore - fillStart).broker))")
            start = clock.now
            publisher = Task { (.zero, 0) }
            fleet = try await WorkerFleet.start(
                count: workers, amqp: amqp, prefix: prefix, store: store, journey: journey, options: options)
        } else {
            fleet = try await WorkerFleet.start(
                count: workers, amqp: amqp, prefix: prefix, store: store, journey: journey, options: options)
            // Let the consumers attach before the clock starts (their start-up is not part of the rate).
            try await Task.sleep(for: .milliseconds(500))
            cpuBefore = meter.sample()
            start = clock.now
            publisher = Task { try await caseSystem.run() }
        }
        // Watch the workers' own counters until every event is committed, then the store (briefly) until the
        // outbox is empty: polling `counts()` all along would load the database being measured.
        let deadline = start + .seconds(600)
        while BenchMetrics.shared.eventsDone < feed.count {
            if clock.now > deadline { fail("timed out: \(BenchMetrics.shared.eventsDone) of \(feed.count) processed") }
            try await Task.sleep(for: .milliseconds(5))
        }
        let processedAt = start.duration(to: clock.now)
        var counts = try await monitor.counts()
        while counts.processed < feed.count || counts.outboxPending > 0 {
            if clock.now > deadline { fail("timed out: \(counts.outboxPending) notifications pending") }
            try await Task.sleep(for: .milliseconds(10))
            counts = try await monitor.counts()
        }
        let meanBatch = BenchMetrics.shared.meanBatch
        let elapsed = start.duration(to: clock.now)
        let cpu = meter.sample() - cpuBefore
        let published = try await publisher.value
        try await fleet.stop()
        try await monitor.close()
        await broker.tearDown()
        try await store.discard()
        guard counts.rejections == 0 else { fail("\(counts.rejections) generated events were rejected") }
        return Result(
            events: feed.count, elapsed: seconds(elapsed), processedAfter: seconds(processedAt),
            publishedAfter: seconds(published.elapsed), publisherCPU: published.cpu, notifications: counts.outboxSent, cpu: cpu, meanBatch: meanBatch)
    }
}
