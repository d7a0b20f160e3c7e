import ForloebAMQP
import ForloebCore
import ForloebPostgres
import ForloebStore
import ForloebTestSupport
import ForloebWorker
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// `forloeb worker`'s way with its store (`Worker.runsStorePool`): the PostgreSQL pool runs as the first service of
/// the worker's group, so it starts with the group and ends last, after the consumers acknowledged and the relay
/// published what they committed; the store is closed when the group ends.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"))
struct StorePoolServiceTests {
    @Test(.enabled(if: WorkerHarness.postgresEnabled, "needs FORLOEB_TEST_POSTGRES_URL (scripts/postgres.sh)"))
    func theWorkersGroupRunsThePoolAndEndsItAfterTheDrain() async throws {
        let harness = try await WorkerHarness.postgres("pool", lanes: 2)
        let address = try #require(harness.postgres)
        // The worker's own store, unused before its group runs (the harness's store observes).
        let store = PostgresCaseStore(address)
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let generated = CaseStreamGenerator(seed: 11).stream(cases: 40).map { $0.wireJSON() }
            let reference = WorkerTests.reference(generated)
            try await harness.publish(generated, on: channel)
            var logger = Logger(label: "test.worker")
            logger.logLevel = .warning
            let worker = Worker(
                configuration: Worker.Configuration(
                    amqp: harness.amqp, prefix: harness.prefix, queueKind: .classic, prefetch: 200, batchSize: 100,
                    schedulerInterval: .seconds(3600)),
                store: store, lanes: 2, runsStorePool: true, journey: WorkerHarness.journey,
                clock: { WorkerHarness.now }, logger: logger)
            let group = try await worker.serviceGroup(signals: [])
            #expect(store.poolService() == nil, "the group's service has the pool: no second one")
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Every event applied; the outbox may still hold what the relay has yet to publish.
                _ = try await harness.waitUntilProcessed(generated.count, allowPending: true)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let counts = try await harness.store.counts()
            #expect(counts.events == generated.count)
            #expect(counts.outboxPending == 0, "the relay published everything before the pool ended")
            for (caseId, expected) in reference.cases {
                #expect(try await harness.store.caseRecord(caseId)?.snapshot == expected)
            }
            // The pool ended with the group: the worker's store refuses calls now.
            let error = await #expect(throws: StoreError.self) { try await store.counts() }
            #expect(error?.code == .unreachable)
        }
        try? await store.close()
    }
}
