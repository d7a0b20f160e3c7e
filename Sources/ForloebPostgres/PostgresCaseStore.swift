import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The store for several workers on several machines: PostgreSQL through postgres-nio.
///
/// One connection per store, used by one operation at a time (an async lock, not the actor alone: an actor
/// is re-entrant at every `await`, and two transactions must never interleave on one connection). Lost
/// connections are reopened on the next call. Concurrency between stores is optimistic: a batch locks the
/// case rows it read (`FOR UPDATE`, in case-id order) and checks their versions before writing.
public actor PostgresCaseStore: CaseStore {
    public nonisolated let url: StoreURL
    let address: StoreURL.PostgresAddress
    let faults: StoreFaultHooks
    let cache = SnapshotCache()
    let logger: Logger
    private var connection: PostgresConnection?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextConnectionId = 0

    public init(_ address: StoreURL.PostgresAddress, faults: StoreFaultHooks = .none, logger: Logger? = nil) {
        self.address = address
        self.url = .postgres(address)
        self.faults = faults
        self.logger = logger ?? Logger(label: "forloeb.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Connects now, so that an unreachable server is reported at once (exit 3) rather than at first use.
    public func connect() async throws {
        try await withConnection { _ in }
    }

    public func close() async throws {
        await acquire()
        defer { release() }
        if let connection {
            self.connection = nil
            try? await connection.close()
        }
    }

    // MARK: Connection and transactions

    private func acquire() async {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
    }

    private func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()  // hands the lock over: `busy` stays true
        }
    }

    private func connected() async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try PostgresTLS.mode(for: address, url: url))
        configuration.options.connectTimeout = .seconds(10)
        nextConnectionId += 1
        do {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: nextConnectionId, logger: logger)
            self.connection = connection
            return connection
        } catch {
            throw StoreError(.unreachable, "cannot connect to \(url.redacted): \(Self.describe(error))")
        }
    }

    /// Runs `body` with this store's connection, one operation at a time; errors are mapped to `StoreError`.
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        let connection = try await connected()
        do {
            return try await body(connection)
        } catch {
            if connection.isClosed { self.connection = nil }
            throw Self.map(error)
        }
    }

    /// One transaction: BEGIN, `body`, COMMIT; ROLLBACK (or a dropped connection) on any error.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                do {
                    try await connection.query("ROLLBACK", logger: logger)
                } catch {
                    try? await connection.close()
                }
                throw error
            }
        }
    }

    static func map(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                switch state {
                case "23505":
                    return StoreError(
                        .conflict, "a concurrent writer got there first (\(error.serverInfo?[.message] ?? state))")
                case "40001", "40P01":
                    return StoreError(.conflict, "a concurrent transaction won (\(state))")
                case "42P01", "42703":
                    return StoreError(.schema, "\(error.serverInfo?[.message] ?? state): run `forloeb migrate`")
                default:
                    return StoreError(.io, "PostgreSQL \(state): \(error.serverInfo?[.message] ?? "")")
                }
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown:
                return StoreError(.unreachable, describe(error))
            default:
                return StoreError(.io, describe(error))
            }
        }
        return StoreError(.io, describe(error))
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    // MARK: Migrations

    public func migrate() async throws -> MigrationReport {
        try await withConnection { connection in
            // The advisory lock serialises concurrent `migrate` calls from several workers starting at once.
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(7243000)", logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS forloeb_migrations (
                        name TEXT PRIMARY KEY, position BIGINT NOT NULL, applied_at BIGINT NOT NULL)
                    """, logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            var applied: [String] = []
            var already: [String] = []
            for (index, migration) in StoreMigration.ordered.enumerated() {
                try await connection.query("BEGIN", logger: logger)
                do {
                    try await connection.query("SELECT pg_advisory_xact_lock(7243000)", logger: logger)
                    let name = migration.rawValue
                    let rows = try await connection.query(
                        "SELECT 1 FROM forloeb_migrations WHERE name = \(name)", logger: logger)
                    var present = false
                    for try await _ in rows { present = true }
                    if present {
                        already.append(name)
                    } else {
                        for statement in PostgresSchema.sql(for: migration) {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        let now = Int(Date().timeIntervalSince1970)
                        try await connection.query(
                            "INSERT INTO forloeb_migrations (name, position, applied_at) VALUES (\(name), \(index + 1), \(now))",
                            logger: logger)
                        applied.append(name)
                    }
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw StoreError(.schema, "migration \(migration.rawValue) failed: \(Self.describe(error))")
                }
            }
            return MigrationReport(applied: applied, alreadyApplied: already)
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await withConnection { connection in
            let exists = try await connection.query(
                "SELECT to_regclass('forloeb_migrations') IS NOT NULL", logger: logger)
            var present = false
            for try await row in exists { present = try row.decode(Bool.self) }
            guard present else { return [] }
            var names: [String] = []
            for try await name in try await connection.query(
                "SELECT name FROM forloeb_migrations ORDER BY position", logger: logger
            ).decode(String.self) {
                names.append(name)
            }
            return names
        }
    }
}
