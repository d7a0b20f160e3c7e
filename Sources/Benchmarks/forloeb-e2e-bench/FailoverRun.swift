import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation
import Synchronization

/// Failover time on a RabbitMQ cluster: one worker drains a pre-filled quorum queue through a node list while the
/// node it is connected to, which also leads the queue, is killed with SIGKILL; the time from the kill to the
/// worker applying new events again is the figure.
///
/// The queue is declared through the first node of `FORLOEB_AMQP_URL` (so it leads the queue); the worker gets the
/// node list `FORLOEB_BENCH_WORKER_AMQP_URL` starting with that node; `FORLOEB_BENCH_KILL_PID_FILE` is that node's
/// pid file (its Erlang VM's PID, `scripts/rabbitmq-cluster.sh` keeps it in `DIR/node1/rabbitmq.pid`). Start the
/// node again after each run (`scripts/rabbitmq-cluster.sh start-node 1 DIR`).
struct FailoverRun {
    struct Result {
        var events: Int
        /// SIGKILL → the worker's first new event applied after it noticed the loss and reconnected.
        var failover: Double
        /// SIGKILL → the consumer logged that it lost the broker.
        var noticed: Double
        var appliedAtKill: Int
        /// First event applied → every event processed, failover included.
        var elapsed: Double
        var duplicates: Int
        var reconnects: Int
        var rate: Double { Double(events) / elapsed }
    }

    var amqp: AMQPURL
    var workerAMQP: AMQPURL
    var pidFile: String
    var journey: Journey
    var options: BenchOptions

    func run(feed: EventFeed, store: FreshStore, label: String) async throws -> Result {
        try await store.create()
        let prefix = "bench.failover.\(label)"
        let topology = ForloebTopology(prefix: prefix, layout: .single, queueKind: .quorum)
        BenchMetrics.shared.reset()
        let broker = try await BenchBroker.prepare(amqp: amqp, topology: topology)
        let caseSystem = try CaseSystemPublisher.prepare(
            feed, exchange: topology.eventsExchange, confirmEvery: options.confirmEvery)
        defer { caseSystem.remove() }
        _ = try await caseSystem.run()
        await broker.connection.close()
        let monitor = try await store.open()
        var quorumOptions = options
        quorumOptions.queueKind = .quorum
        let clock = ContinuousClock()
        let fleet = try await WorkerFleet.start(
            count: 1, amqp: workerAMQP, prefix: prefix, store: store, journey: journey, options: quorumOptions)
        let applied = BenchMetrics.shared.cell("forloeb_events_applied_total")
        let reconnects = BenchMetrics.shared.cell("forloeb_reconnects_total")
        func load(_ cell: BenchMetrics.Cell) -> Int { Int(cell.total.load(ordering: .relaxed)) }

        let deadline = clock.now + .seconds(600)
        while load(applied) == 0 {
            if clock.now > deadline { fail("timed out before the first event") }
            try await Task.sleep(for: .milliseconds(1))
        }
        let firstApplied = clock.now
        while load(applied) < feed.count / 4 { try await Task.sleep(for: .milliseconds(1)) }
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { fail("cannot read the node's PID from \(pidFile)") }
        ConsumerLossWatch.noticed.withLock { $0 = nil }
        let killedAt = clock.now
        kill(pid, SIGKILL)
        let appliedAtKill = load(applied)
        // The worker may still commit the batch it held (the store needs no broker): progress counts only after the
        // consumer has said it lost the broker (its old connection commits nothing after that), and applies again.
        var noticedAt: ContinuousClock.Instant?
        var appliedAtNotice = 0
        var resumedAt: ContinuousClock.Instant?
        while resumedAt == nil {
            if clock.now > deadline { fail("timed out: no progress after the kill") }
            if noticedAt == nil, let noticed = ConsumerLossWatch.noticed.withLock({ $0 }) {
                noticedAt = noticed
                appliedAtNotice = load(applied)
            } else if noticedAt != nil, load(applied) > appliedAtNotice {
                resumedAt = clock.now
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        var counts = try await monitor.counts()
        while counts.processed < feed.count || counts.outboxPending > 0 {
            if clock.now > deadline { fail("timed out: \(counts.processed) of \(feed.count) processed") }
            try await Task.sleep(for: .milliseconds(20))
            counts = try await monitor.counts()
        }
        let elapsed = firstApplied.duration(to: clock.now)
        let duplicates = Int(BenchMetrics.shared.cell("forloeb_events_duplicate_total").total.load(ordering: .relaxed))
        try await fleet.stop()
        try await monitor.close()
        let cleanup = try await BenchBroker.prepare(amqp: workerAMQP, topology: topology)
        await cleanup.tearDown()
        try await store.discard()
        guard counts.rejections == 0, counts.events == feed.count else {
            fail("\(counts.rejections) rejected, \(counts.events) of \(feed.count) applied: lost or out of order")
        }
        return Result(
            events: feed.count, failover: seconds(killedAt.duration(to: resumedAt!)),
            noticed: seconds(killedAt.duration(to: noticedAt!)), appliedAtKill: appliedAtKill,
            elapsed: seconds(elapsed), duplicates: duplicates, reconnects: load(reconnects))
    }
}
