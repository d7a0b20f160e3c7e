import ForloebAMQP
import ForloebCore
import ForloebPostgres
import ForloebSQLite
import ForloebStore
import ForloebTestSupport
import ForloebWorker
import Foundation
import InMemoryLogging
import Logging
import MetricsTestKit
import ServiceLifecycle
import Synchronization
import Testing

/// The store goes away under a busy worker (issue 17): PostgreSQL restarted with `-m fast` and `-m immediate`
/// mid-stream, PostgreSQL stopped under a `forloeb worker` that is then sent SIGTERM, and transient failures
/// injected into SQLite. Every event is applied exactly once and in order (the outcome equals the in-memory
/// reference's, with no `unknown_case` or `invalid_transition` a valid stream would not give), the worker keeps
/// running and says so in its log and metrics, and it always stops when told to.
///
/// The restarts are of a PostgreSQL cluster of the test's own (`PostgresNode`), never of the shared one.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"), .serialized)
struct StoreOutageTests {
    /// About 20,000 events over 1,000 cases (the size), each case's events spread over the stream.
    static let lines = CaseStreamGenerator(seed: 17).stream(cases: 1_000).map { $0.wireJSON() }
    static let reference = WorkerTests.reference(lines)

    /// A worker like the harness's (small batches, so that the stream takes a while), logging and counting into
    /// `log` and `metrics` for the test to read.
    func worker(
        _ harness: WorkerHarness, store: any CaseStore, lanes: Int = 1, log: InMemoryLogHandler,
        metrics: TestMetrics
    ) -> Worker {
        var logger = Logger(label: "test.worker", factory: { _ in log })
        logger.logLevel = .info
        return Worker(
            configuration: Worker.Configuration(
                amqp: harness.amqp, prefix: harness.prefix, queueKind: .classic, prefetch: 100, batchSize: 50,
                schedulerInterval: .seconds(3600)),
            store: store, lanes: lanes, journey: WorkerHarness.journey, clock: { WorkerHarness.now }, logger: logger,
            metrics: WorkerMetrics(factory: metrics))
    }

    /// The store's counts once `count` messages are processed (and, when `drained`, the outbox is empty), asked on
    /// and on through an outage (a failed read is asked again); the last counts seen if that takes longer than
    /// `timeout`.
    func waitUntilProcessed(_ count: Int, on store: any CaseStore, drained: Bool = true, timeout: Duration) async
        -> StoreCounts?
    {
        let deadline = ContinuousClock.now + timeout
        var last: StoreCounts?
        while ContinuousClock.now < deadline {
            if let counts = try? await store.counts() {
                last = counts
                if counts.processed >= count && (!drained || counts.outboxPending == 0) { return counts }
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    /// The store holds exactly what the reference says: every event once, in each case's order, and no rejection
    /// the reference does not have.
    func expectMatchesReference(_ store: any CaseStore, _ counts: StoreCounts?) async throws {
        let expectedRejections =
            Self.reference.rejections.values.map(\.count).reduce(0, +) + Self.reference.unattached.count
        #expect(counts?.processed == Self.lines.count)
        #expect(counts?.events == Self.lines.count - expectedRejections)
        #expect(counts?.rejections == expectedRejections, "rejections a valid stream does not give")
        var mismatched: [String] = []
        for (caseId, expected) in Self.reference.cases {
            let record = try await store.caseRecord(caseId)
            if record?.snapshot != expected
                || record?.history.map(\.messageId) != (Self.reference.history[caseId] ?? []).map(\.messageId)
            {
                mismatched.append(caseId)
            }
        }
        #expect(mismatched.isEmpty, "cases that differ from the reference: \(mismatched.prefix(10))")
    }

    /// Transient failures (as a restarting database gives) hold the batch and retry it in place: nothing goes
    /// to the retry queues, no case's events are reordered, the outage is logged once and `forloeb_store_up`
    /// drops to 0 and comes back to 1.
    @Test func transientFailuresHoldTheBatchInOrder() async throws {
        let transactions = Mutex(0)
        let faults = StoreFaultHooks(inTransaction: { step in
            guard step == .eventsWritten else { return }
            let number = transactions.withLock { count in
                count += 1
                return count
            }
            // Every third transaction of the first eighteen fails.
            if number <= 18 && number % 3 == 0 {
                throw StoreError(.unavailable, "injected: the database system is shutting down")
            }
        })
        let id = UUID().uuidString.prefix(8).lowercased()
        let path = NSTemporaryDirectory() + "forloeb-worker-outage-\(id).sqlite"
        let harness = try WorkerHarness(
            "outage", store: try SQLiteCaseStore(path: path, durability: .normal, faults: faults))
        try await harness.tearingDown(sqlite: path) {
            let lines = Array(Self.lines.prefix(1_500))
            let reference = WorkerTests.reference(lines)
            let channel = try await harness.prepare()
            try await harness.publish(lines, on: channel)
            let log = InMemoryLogHandler()
            let metrics = TestMetrics()
            try await harness.running([worker(harness, store: harness.store, log: log, metrics: metrics)]) {
                _ = try await harness.waitUntilProcessed(lines.count, timeout: .seconds(120))
            }
            #expect(transactions.withLock { $0 } >= 18, "the injected failures must have happened")
            let counts = try await harness.store.counts()
            #expect(counts.processed == lines.count)
            #expect(counts.events == lines.count)
            #expect(counts.rejections == 0)
            for (caseId, expected) in reference.cases {
                #expect(try await harness.store.caseRecord(caseId)?.snapshot == expected, "\(caseId)")
            }
            #expect(try metrics.expectCounter("forloeb_events_retried_total").totalValue == 0)
            #expect(try metrics.expectCounter("forloeb_store_reconnects_total").totalValue >= 6)
            let up = try metrics.expectGauge("forloeb_store_up").values
            #expect(up.contains(0) && up.last == 1, "\(up)")
            #expect(try metrics.expectGauge("forloeb_consumers_paused").lastValue == 0)
            #expect(try metrics.expectGauge("forloeb_consumers_draining").lastValue == 1, "drained at the end")
            let warnings = log.entries.filter { $0.message.description.hasPrefix("store unavailable") }
            #expect(!warnings.isEmpty && warnings.count < 6, "one warning per outage, not per failure: \(warnings.count)")
            #expect(warnings.allSatisfy { $0.level == .warning })
            #expect(log.entries.contains { $0.message.description.hasPrefix("store available again") })
            #expect(!log.entries.contains { $0.message.description.contains("retry queues") })
        }
    }

    /// PostgreSQL restarted under a busy worker (lanes too, for `fast`): the worker notices, says so, holds its
    /// batch, resumes by itself in the same service group, applies every event once and in order, and then
    /// stops within a bound when told to.
    ///
    /// The restart comes while one of the worker's transactions is open (`TransactionHold`): a restart between
    /// two calls is one the pool hides (it connects again before any call waits long), which the worker need not
    /// notice, and on a loaded machine one run in a few fell there.
    @Test(
        .enabled(if: PostgresNode.available, "needs PostgreSQL tests and scripts/postgres.sh"),
        .timeLimit(.minutes(5)), arguments: [("fast", 2), ("immediate", 1)])
    func postgresRestartMidStream(mode: String, lanes: Int) async throws {
        let node = try await PostgresNode.start()
        let hold = TransactionHold()
        let store = PostgresCaseStore(node.address, faults: StoreFaultHooks(inTransaction: { hold.at($0) }))
        // The test's own reads go through a connection of their own, not the worker's.
        let observer = PostgresCaseStore(node.address)
        let harness = try WorkerHarness("pg-\(mode)", store: store, lanes: lanes)
        let log = InMemoryLogHandler()
        let metrics = TestMetrics()
        do {
            let channel = try await harness.prepare()
            // A backlog first, so that the worker is in the middle of its batches when the database goes.
            let half = Self.lines.count / 2
            try await harness.publish(Array(Self.lines[..<half]), on: channel)
            let group = try await worker(harness, store: store, lanes: lanes, log: log, metrics: metrics)
                .serviceGroup(signals: [])
            let ended = Mutex(false)
            let running = Task {
                defer { ended.withLock { $0 = true } }
                try await group.run()
            }
            let publishing = Task { try await harness.publish(Array(Self.lines[half...]), on: channel) }
            let before = await waitUntilProcessed(300, on: observer, drained: false, timeout: .seconds(60))
            #expect((before?.processed ?? 0) < Self.lines.count, "the restart must come mid-stream")
            #expect(await hold.holdNext(within: .seconds(30)), "no transaction of the worker's to restart under")
            try await node.restart(mode)
            hold.release()
            try await publishing.value
            let counts = await waitUntilProcessed(Self.lines.count, on: observer, timeout: .seconds(180))
            #expect(!ended.withLock { $0 }, "the worker must keep running through the restart")
            // Liveness, not timing: a graceful shutdown after the outage ends the worker.
            await group.triggerGracefulShutdown()
            #expect(await Liveness.ends(running, within: .seconds(30)), "the worker did not stop within 30 s")

            try await expectMatchesReference(observer, counts)
            let up = try metrics.expectGauge("forloeb_store_up").values
            #expect(up.contains(0) && up.last == 1, "forloeb_store_up: \(up)")
            #expect(try metrics.expectCounter("forloeb_store_reconnects_total").totalValue > 0)
            #expect(try metrics.expectCounter("forloeb_events_retried_total").totalValue == 0)
            let messages = log.entries.map { "\($0.message) \($0.metadata)" }
            #expect(messages.contains { $0.hasPrefix("store unavailable") }, "the outage must be logged")
            #expect(messages.contains { $0.hasPrefix("store available again") }, "the recovery must be logged")
            #expect(messages.allSatisfy { !$0.contains(node.address.password ?? "no password") }, "no password in logs")
        } catch {
            hold.release()
            await Self.cleanUp(harness, node, [store, observer])
            throw error
        }
        await Self.cleanUp(harness, node, [store, observer])
    }

    /// `forloeb worker` on a PostgreSQL that stops under it: SIGTERM ends it promptly while the database is down
    /// (its held batch left to the broker), and a worker started once the database is back applies every event
    /// once and in order.
    @Test(
        .enabled(if: PostgresNode.available, "needs PostgreSQL tests and scripts/postgres.sh"),
        .timeLimit(.minutes(5)))
    func sigtermStopsTheWorkerWhilePostgresIsDown() async throws {
        let node = try await PostgresNode.start()
        let observer = PostgresCaseStore(node.address)
        let harness = try WorkerHarness("pg-down", store: observer)
        let logPath = node.directory + ".worker.log"
        do {
            let channel = try await harness.prepare()
            try await harness.publish(Self.lines, on: channel)
            let first = try workerProcess(harness, node, log: logPath)
            defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
            let before = await waitUntilProcessed(200, on: observer, drained: false, timeout: .seconds(60))
            #expect((before?.processed ?? 0) < Self.lines.count, "the database must stop mid-stream")
            await node.stop()
            #expect(await Self.waitForLog(logPath, containing: "store unavailable", within: .seconds(30)))
            kill(first.processIdentifier, SIGTERM)
            #expect(await Liveness.exits(first, within: .seconds(30)), "SIGTERM did not stop the worker within 30 s")
            #expect(first.terminationStatus == 0)
            let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            #expect(output.contains("consumer stopped while the store is unavailable"), "\(output.suffix(2_000))")

            try await node.start()
            let second = try workerProcess(harness, node, log: logPath, extra: ["--exit-when-idle", "2"])
            defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
            #expect(await Liveness.exits(second, within: .seconds(180)), "the second worker did not finish")
            #expect(second.terminationStatus == 0)
            let counts = await waitUntilProcessed(Self.lines.count, on: observer, timeout: .seconds(10))
            try await expectMatchesReference(observer, counts)
        } catch {
            await Self.cleanUp(harness, node, [observer])
            throw error
        }
        await Self.cleanUp(harness, node, [observer])
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// `forloeb worker` on the node's database, its standard error appended to `log`.
    func workerProcess(_ harness: WorkerHarness, _ node: PostgresNode, log: String, extra: [String] = []) throws
        -> Process
    {
        let process = Process()
        process.executableURL = ForloebExecutable.executable
        process.arguments =
            ["worker", "--prefix", harness.prefix, "--classic-queues", "--batch-size", "20", "--prefetch", "40"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["FORLOEB_AMQP_URL"] = WorkerHarness.amqpText
        environment["FORLOEB_STORE"] = "postgres://forloeb@127.0.0.1:\(node.port)/forloeb"
        environment["FORLOEB_STORE_PASSWORD"] = node.address.password
        environment["FORLOEB_NOW"] = WorkerHarness.now.description
        environment["FORLOEB_WORKFLOWS"] = ForloebExecutable.repositoryRoot.appendingPathComponent("Workflows").path
        environment["FORLOEB_LOG_LEVEL"] = "info"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if !FileManager.default.fileExists(atPath: log) {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        process.standardError = handle
        try process.run()
        return process
    }

    static func waitForLog(_ path: String, containing text: String, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let output = try? String(contentsOfFile: path, encoding: .utf8), output.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    static func cleanUp(_ harness: WorkerHarness, _ node: PostgresNode, _ stores: [any CaseStore]) async {
        await harness.tearDown()
        for store in stores { try? await store.close() }
        await node.remove()
    }
}

/// Holds the next write transaction that reaches its `loaded` step (its cases locked, its connection in the
/// middle of the transaction) until the test releases it, so that something happens to the database while a
/// call is in flight. The hold blocks the worker's thread (the hook is synchronous), for a bounded time.
final class TransactionHold: Sendable {
    private let state = Mutex((armed: false, holding: false))
    private let released = DispatchSemaphore(value: 0)

    /// The store's `inTransaction` hook.
    func at(_ step: StoreStep) {
        let holds = state.withLock { state in
            guard step == .loaded, state.armed else { return false }
            state = (false, true)
            return true
        }
        if holds { _ = released.wait(timeout: .now() + 60) }
    }

    /// Arms the hold and waits until a transaction is held; false if none came within `limit`.
    func holdNext(within limit: Duration) async -> Bool {
        state.withLock { $0.armed = true }
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if state.withLock({ $0.holding }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    func release() {
        released.signal()
    }
}

/// Waits for something that must end, without hanging the test when it does not.
enum Liveness {
    /// Whether `task` ended within `limit` (its value, or its error).
    static func ends(_ task: Task<Void, any Error>, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        let done = Mutex(false)
        Task {
            _ = try? await task.value
            done.withLock { $0 = true }
        }
        while ContinuousClock.now < deadline {
            if done.withLock({ $0 }) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return done.withLock { $0 }
    }

    /// Whether `process` exited within `limit`.
    static func exits(_ process: Process, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return !process.isRunning
    }
}
