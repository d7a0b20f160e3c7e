import ForloebPostgres
import ForloebStore
import Logging
import ServiceLifecycle
import Testing

/// `CaseStore.poolService()`: who runs a store's connection pool. SQLite has none; PostgreSQL's runs in the
/// service once one is asked for (the worker's group), or in a task of the driver's own when the store was used
/// first, and either way the group's graceful shutdown ends it and closes the store.
@Suite struct PoolServiceTests {
    static let logger = Logger(label: "forloeb.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func sqliteHasNoPoolToRun() async throws {
        try await StoreBackend.sqlite.withStore { db in
            let store = try await db.open()
            #expect(store.poolService() == nil)
        }
    }

    /// Runs `body` while a group runs `service`, then shuts the group down and waits for it.
    static func running(_ service: any Service, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(services: [service], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The pool ended with the group: a call fails `unreachable`.
    static func expectClosed(_ store: any CaseStore) async throws {
        do {
            _ = try await store.appliedMigrations()
            Issue.record("the store answered after its pool ended")
        } catch let error as StoreError {
            #expect(error.code == .unreachable, "\(error)")
        }
    }

    @Test(.enabled(if: StoreBackend.available.contains(.postgres), "needs FORLOEB_TEST_POSTGRES_URL"))
    func aPoolHandedToAServiceRunsThereAndEndsWithTheGroup() async throws {
        try await StoreBackend.postgres.withStore { db in
            _ = try await db.open()  // migrated through a store of its own
            guard case .postgres(let address) = db.url else { return }
            let store = PostgresCaseStore(address)
            let service = try #require(store.poolService())
            #expect(store.poolService() == nil, "one service per store")
            try await Self.running(service) {
                let applied = try await store.appliedMigrations()
                #expect(applied.count == StoreMigration.ordered.count)
            }
            try await Self.expectClosed(store)
        }
    }

    @Test(.enabled(if: StoreBackend.available.contains(.postgres), "needs FORLOEB_TEST_POSTGRES_URL"))
    func aPoolAlreadyRunningIsEndedByTheGroupsShutdown() async throws {
        try await StoreBackend.postgres.withStore { db in
            let store = try await db.open()  // used, so its pool already runs in the driver's own task
            let service = try #require(store.poolService())
            try await Self.running(service) {
                let applied = try await store.appliedMigrations()
                #expect(applied.count == StoreMigration.ordered.count)
            }
            try await Self.expectClosed(store)
        }
    }
}
