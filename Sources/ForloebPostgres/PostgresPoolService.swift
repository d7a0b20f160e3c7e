import ServiceLifecycle

/// The PostgreSQL store's connection pool as a swift-service-lifecycle `Service` (`CaseStore.poolService()`):
/// the worker runs it first in its `ServiceGroup`, so that the pool lives exactly as long as the group and its
/// graceful shutdown ends the pool last, once the consumers, the relay and the scheduler have drained.
struct PostgresPoolService: Service {
    let driver: PostgresDriver

    func run() async throws {
        try await driver.runPool()
    }
}
