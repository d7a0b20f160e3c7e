import ForloebAMQP
import ForloebCore
import ForloebStore
import ForloebWorker
import Logging
import ServiceLifecycle

/// N in-process `Worker`s, each with its own store (a pool on PostgreSQL) as separate processes would have,
/// running until `stop()` drains them gracefully.
struct WorkerFleet {
    let groups: [ServiceGroup]
    let tasks: [Task<Void, any Error>]
    let stores: [any CaseStore]

    static func start(
        count: Int, amqp: AMQPURL, prefix: String, store: FreshStore, journey: Journey, options: BenchOptions
    ) async throws -> WorkerFleet {
        var logger = Logger(label: "forloeb.e2e-bench")
        logger.logLevel = .warning
        // Events are from 2022–2025 and the scheduler would otherwise queue every one of their deadlines as
        // overdue; a fixed clock and an hour's interval keep the run to consume → apply → ack → notify.
        let now = Instant(rfc3339: "2026-11-23T12:00:00Z")!
        var groups: [ServiceGroup] = []
        var stores: [any CaseStore] = []
        for index in 0..<count {
            // As `forloeb worker` does: one store, whose pool gives each lane, the next batch's plan, the relay
            // and the scheduler a connection (`--store-connections`' default, lanes + 3).
            let connection = try await store.open(connections: max(1, options.lanes) + 3)
            stores.append(connection)
            let worker = Worker(
                configuration: Worker.Configuration(
                    amqp: amqp, prefix: prefix, workers: count, index: index, queueKind: options.queueKind,
                    prefetch: options.prefetch, batchSize: options.batchSize,
                    batchWindow: .milliseconds(options.batchWindowMilliseconds), schedulerInterval: .seconds(3600)),
                store: connection, lanes: store.isSQLite ? 1 : max(1, options.lanes), journey: journey, clock: { now },
                logger: logger)
            groups.append(try await worker.serviceGroup(signals: []))
        }
        let tasks = groups.map { group in Task { try await group.run() } }
        return WorkerFleet(groups: groups, tasks: tasks, stores: stores)
    }

    func stop() async throws {
        for group in groups { await group.triggerGracefulShutdown() }
        for task in tasks { try await task.value }
        for store in stores { try await store.close() }
    }
}
