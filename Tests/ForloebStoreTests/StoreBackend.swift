import ForloebPostgres
import ForloebSQLite
import ForloebStore
import ForloebTestSupport
import Foundation
import GRDB
import Logging
import PostgresNIO
import Synchronization
import Testing

/// The back ends the shared suite runs against. PostgreSQL needs `FORLOEB_TEST_POSTGRES_URL` (a server
/// started by scripts/postgres.sh); without it that half is skipped, unless `FORLOEB_REQUIRE_POSTGRES=1`,
/// in which case it fails.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var postgresURL: String? {
        environment["FORLOEB_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The back ends to run: SQLite always; PostgreSQL when configured or required.
    static var available: [StoreBackend] {
        postgresURL != nil || environment["FORLOEB_REQUIRE_POSTGRES"] == "1" ? [.sqlite, .postgres] : [.sqlite]
    }

    /// A fresh, migrated, empty store of this kind, and its database dropped afterwards.
    func withStore<T>(
        faults: StoreFaultHooks = .none, _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let database = try await TestDatabase.create(self)
        do {
            let result = try await body(database)
            try await database.destroy()
            return result
        } catch {
            try? await database.destroy()
            throw error
        }
    }
}

/// One empty database of a back end, from which a test opens as many stores (writers) as it needs.
final class TestDatabase: Sendable {
    let backend: StoreBackend
    let url: StoreURL
    private let stores = Mutex<[any CaseStore]>([])

    private init(backend: StoreBackend, url: StoreURL) {
        self.backend = backend
        self.url = url
    }

    static func create(_ backend: StoreBackend) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-store-tests")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return TestDatabase(
                backend: backend, url: .sqlite(path: folder.appendingPathComponent("\(UUID()).sqlite").path))
        case .postgres:
            guard let text = StoreBackend.postgresURL else {
                throw StoreError(
                    .unreachable,
                    "FORLOEB_REQUIRE_POSTGRES=1 but FORLOEB_TEST_POSTGRES_URL is unset (start one: scripts/postgres.sh start)"
                )
            }
            guard case .postgres(var address) = try StoreURL(parsing: text) else {
                throw StoreError(.invalidURL, "FORLOEB_TEST_POSTGRES_URL is not a postgres:// URL")
            }
            let name = "forloeb_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await PostgresAdmin.run(address, "CREATE DATABASE \(name)")
            address.database = name
            return TestDatabase(backend: backend, url: .postgres(address))
        }
    }

    /// A store on this database (migrated on first open), closed when the test ends.
    func open(faults: StoreFaultHooks = .none, migrate: Bool = true) async throws -> any CaseStore {
        let store: any CaseStore
        switch url {
        case .sqlite(let path):
            store = try SQLiteCaseStore(path: path, durability: .normal, faults: faults)
        case .postgres(let address):
            store = PostgresCaseStore(address, faults: faults)
        }
        if migrate { _ = try await store.migrate() }
        stores.withLock { $0.append(store) }
        return store
    }

    /// Runs `sql` on the database behind the stores, beside them: how a test damages a row on purpose.
    func execute(_ sql: String) async throws {
        switch url {
        case .sqlite(let path):
            try await DatabaseQueue(path: path).write { try $0.execute(sql: sql) }
        case .postgres(let address):
            try await PostgresAdmin.run(address, sql, in: address.database)
        }
    }

    func destroy() async throws {
        for store in stores.withLock({ $0 }) { try? await store.close() }
        switch url {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let address):
            let name = address.database
            try await PostgresAdmin.run(address, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }
}
