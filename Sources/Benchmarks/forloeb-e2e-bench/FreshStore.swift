import ForloebPostgres
import ForloebSQLite
import ForloebStore
import Foundation
import Logging
import PostgresNIO

/// A fresh, empty, migrated database per run, on the back end `FORLOEB_STORE` names: for SQLite a new file
/// next to the given path, for PostgreSQL a new database on the given server (created and dropped here).
struct FreshStore {
    let base: StoreURL
    let url: StoreURL

    init(base: StoreURL, label: String) {
        self.base = base
        switch base {
        case .sqlite(let path):
            url = .sqlite(path: (path as NSString).deletingPathExtension + "-\(label).sqlite")
        case .postgres(var address):
            address.database = "forloeb_e2e_\(label)"
            url = .postgres(address)
        }
    }

    var backEnd: String {
        switch base {
        case .sqlite: "SQLite (WAL, synchronous=FULL)"
        case .postgres: "PostgreSQL 15 (fsync on, synchronous_commit on)"
        }
    }

    var isSQLite: Bool { if case .sqlite = base { true } else { false } }

    /// Drops whatever a previous run left, creates the database and migrates it.
    func create() async throws {
        try await discard()
        if case .postgres(let address) = url { try await Self.admin(address, "CREATE DATABASE \(address.database)") }
        let store = try await open()
        _ = try await store.migrate()
        try await store.close()
    }

    /// One store (a pool of up to `connections` on PostgreSQL): each worker gets its own, as separate processes
    /// would.
    func open(connections: Int = 2) async throws -> any CaseStore {
        switch url {
        case .sqlite(let path):
            return try SQLiteCaseStore(path: path)
        case .postgres(let address):
            let store = PostgresCaseStore(address, poolSize: connections)
            try await store.connect()
            return store
        }
    }

    func discard() async throws {
        switch url {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let address):
            try await Self.admin(address, "DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)")
        }
    }

    static func admin(_ address: StoreURL.PostgresAddress, _ sql: String) async throws {
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: "postgres", tls: .disable),
            id: 9, logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        try await connection.close()
    }
}
