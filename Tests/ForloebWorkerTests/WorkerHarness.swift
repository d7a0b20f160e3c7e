import ForloebAMQP
import ForloebCore
import ForloebPostgres
import ForloebSQLite
import ForloebStore
import ForloebTestSupport
import ForloebWorker
import ForloebWorkflows
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// A worker running in-process against the real broker (`FORLOEB_TEST_AMQP_URL`) and a fresh store (SQLite, or
/// a fresh PostgreSQL database on `FORLOEB_TEST_POSTGRES_URL`), under its own topology prefix so tests never see
/// each other's messages.
final class WorkerHarness: Sendable {
    static let environment = ProcessInfo.processInfo.environment
    static let amqpText = environment["FORLOEB_TEST_AMQP_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// Broker tests run when a URL is set, or when one is required (then they fail without it).
    static let enabled = amqpText != nil || environment["FORLOEB_REQUIRE_AMQP"] == "1"
    static let journey = try! WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey
    static let now = Instant(rfc3339: "2026-11-23T12:00:00Z")!

    let prefix: String
    let amqp: AMQPURL
    let directory: String
    let store: any CaseStore
    /// The PostgreSQL database of a `postgres` harness, dropped by `tearDown`.
    let postgres: StoreURL.PostgresAddress?
    /// The transactions each batch is applied in at once (PostgreSQL): the consumer's lanes.
    let lanes: Int
    /// The retry ladder, when a test needs it shorter than production's 1 s, 10 s, 60 s.
    let retrySteps: [ForloebTopology.RetryStep]?

    static let postgresURL = environment["FORLOEB_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// PostgreSQL tests run when a URL is set, or when one is required (then they fail without it).
    static let postgresEnabled = postgresURL != nil || environment["FORLOEB_REQUIRE_POSTGRES"] == "1"

    /// A harness on a fresh PostgreSQL database whose consumer applies each batch in `lanes` parts at once, on a
    /// store that fails as `faults` says.
    static func postgres(_ name: String, lanes: Int = 1, faults: StoreFaultHooks = .none) async throws
        -> WorkerHarness
    {
        guard let text = postgresURL, case .postgres(var address) = try StoreURL(parsing: text) else {
            throw StoreError(.unreachable, "FORLOEB_REQUIRE_POSTGRES=1 but FORLOEB_TEST_POSTGRES_URL is unset")
        }
        let database = "forloeb_w_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdmin.run(address, "CREATE DATABASE \(database)")
        address.database = database
        let store = PostgresCaseStore(address, faults: faults)
        do {
            _ = try await store.migrate()
            return try WorkerHarness(name, store: store, postgres: address, lanes: lanes)
        } catch {
            try? await store.close()
            try? await PostgresAdmin.run(address, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
            throw error
        }
    }

    init(
        _ name: String, amqp url: AMQPURL? = nil, store: (any CaseStore)? = nil,
        postgres: StoreURL.PostgresAddress? = nil, lanes: Int = 1,
        retrySteps: [ForloebTopology.RetryStep]? = nil
    ) throws {
        if let url {
            amqp = url
        } else {
            guard let text = Self.amqpText else {
                throw AMQPError(.invalidURL, "FORLOEB_REQUIRE_AMQP=1 but FORLOEB_TEST_AMQP_URL is unset")
            }
            amqp = try AMQPURL(text)
        }
        let id = UUID().uuidString.prefix(8).lowercased()
        prefix = "test.worker.\(name).\(id)"
        directory = NSTemporaryDirectory() + "forloeb-worker-\(id)"
        self.store = try store ?? SQLiteCaseStore(path: directory + "/forloeb.sqlite", durability: .normal)
        self.postgres = postgres
        self.lanes = lanes
        self.retrySteps = retrySteps
    }

    func topology(workers: Int = 1) -> ForloebTopology {
        ForloebTopology(
            prefix: prefix, layout: workers > 1 ? .partitioned(count: workers) : .single, queueKind: .classic,
            retrySteps: retrySteps)
    }

    func worker(index: Int = 0, of workers: Int = 1, schedulerInterval: Duration = .seconds(3600)) -> Worker {
        var logger = Logger(label: "test.worker")
        logger.logLevel = .warning
        return Worker(
            configuration: Worker.Configuration(
                amqp: amqp, prefix: prefix, workers: workers, index: index, queueKind: .classic, prefetch: 200,
                batchSize: 100, schedulerInterval: schedulerInterval, retrySteps: retrySteps),
            store: store, lanes: lanes, journey: Self.journey, clock: { WorkerHarness.now }, logger: logger)
    }

    /// Declares the topology and a tap queue on the notifications exchange, before any worker runs.
    func prepare(workers: Int = 1) async throws -> AMQPChannel {
        _ = try await store.migrate()
        let connection = try await AMQPConnection.connect(to: amqp)
        let channel = try await connection.openChannel(confirms: true)
        try await topology(workers: workers).declare(on: channel)
        try await channel.declare(AMQPQueue(tapQueue, kind: .classic))
        try await channel.bind(
            AMQPBinding(from: topology().notificationsExchange, to: .queue(tapQueue), routingKey: "#"))
        return channel
    }

    var tapQueue: String { prefix + ".tap" }

    /// Publishes wire lines as a case system does: routing key = type, persistent, messageId, caseId header.
    func publish(_ lines: [Data], on channel: AMQPChannel, workers: Int = 1) async throws {
        let exchange = topology(workers: workers).eventsExchange
        let messages = lines.map { line -> AMQPMessage in
            let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
            var headers: AMQPTable = [:]
            if let caseId = object?["caseId"] as? String { headers[ForloebTopology.caseIDHeader] = .string(caseId) }
            return AMQPMessage(
                exchange: exchange, routingKey: (object?["type"] as? String) ?? "unknown", body: [UInt8](line),
                properties: AMQPProperties(
                    contentType: "application/json", headers: headers, deliveryMode: .persistent,
                    messageID: object?["messageId"] as? String))
        }
        for start in stride(from: 0, to: messages.count, by: 200) {
            try await channel.publish(Array(messages[start..<min(start + 200, messages.count)]))
        }
    }

    /// Waits until the store has processed `count` messages and published its whole outbox.
    func waitUntilProcessed(_ count: Int, timeout: Duration = .seconds(60), allowPending: Bool = false) async throws
        -> StoreCounts
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            let counts = try await store.counts()
            if counts.processed >= count && (allowPending || counts.outboxPending == 0) { return counts }
            if ContinuousClock.now > deadline {
                Issue.record(
                    "timed out waiting: \(counts.processed) of \(count) processed, \(counts.outboxPending) pending")
                return counts
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Runs `body` while the given workers run, then shuts them down gracefully and waits for them, whether `body`
    /// returned or threw: the groups run as child tasks, so none outlives the call.
    func running<T: Sendable>(_ workers: [Worker], _ body: () async throws -> T) async throws -> T {
        var groups: [ServiceGroup] = []
        for worker in workers { groups.append(try await worker.serviceGroup(signals: [])) }
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            for group in groups { tasks.addTask { try await group.run() } }
            let result: Result<T, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            for group in groups { await group.triggerGracefulShutdown() }
            if case .failure = result {
                // The body's error is the one to report; the workers' ends are awaited, their errors dropped.
                while true {
                    do {
                        guard try await tasks.next() != nil else { break }
                    } catch {}
                }
            } else {
                try await tasks.waitForAll()
            }
            return try result.get()
        }
    }

    /// Deletes the test's exchanges and queues and its store.
    /// Runs `body`, then tears the harness down whether it returned or threw: structured, where a `defer` could
    /// only leave the teardown to a task nobody waits for. `sqlite`: a store file the test made outside the
    /// harness's directory, removed with its `-wal` and `-shm`.
    func tearingDown(workers: Int = 1, sqlite: String? = nil, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            await tearDown(workers: workers, sqlite: sqlite)
            throw error
        }
        await tearDown(workers: workers, sqlite: sqlite)
    }

    func tearDown(workers: Int = 1, sqlite: String? = nil) async {
        if let connection = try? await AMQPConnection.connect(to: amqp),
            let channel = try? await connection.openChannel()
        {
            let topology = topology(workers: workers).topology
            for queue in topology.queues { _ = try? await channel.delete(queue: queue.name) }
            _ = try? await channel.delete(queue: tapQueue)
            for exchange in topology.exchanges { try? await channel.delete(exchange: exchange.name) }
            await connection.close()
        }
        try? await store.close()
        try? FileManager.default.removeItem(atPath: directory)
        if let sqlite {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlite + suffix) }
        }
        if let postgres {
            try? await PostgresAdmin.run(postgres, "DROP DATABASE IF EXISTS \(postgres.database) WITH (FORCE)")
        }
    }
}
