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
///
/// Every call ends (`WatchedConnection`): within `callTimeout`, within seconds of its connection closing, or
/// at once when its task is cancelled; only `migrate` may run longer than `callTimeout` (it may wait for
/// another worker's migration, or rebuild an index). A database that went away fails a call with a transient
/// `StoreError` (`unreachable`, `unavailable`, `timeout`: `PostgresCaseStore+Errors.swift`), never a hang.
public actor PostgresCaseStore: CaseStore {
    public nonisolated let url: StoreURL
    let address: StoreURL.PostgresAddress
    let faults: StoreFaultHooks
    let cache = SnapshotCache()
    let logger: Logger
    /// The longest a call may wait for the database (`nil`: no limit).
    let callTimeout: Duration?
    private var connection: WatchedConnection?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextConnectionId = 0

    /// `callTimeout`: a minute is far above any call of the worker's (a batch commits in well under a second)
    /// and of the operators' verbs on a municipality's store. Only a silent network (no reset, no close) runs
    /// into it: a restarted or stopped server closes the connection, and that ends a call within seconds.
    public init(
        _ address: StoreURL.PostgresAddress, faults: StoreFaultHooks = .none, logger: Logger? = nil,
        callTimeout: Duration? = .seconds(60)
    ) {
        self.address = address
        self.url = .postgres(address)
        self.faults = faults
        self.callTimeout = callTimeout
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
            await connection.close()
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

    private func connected() async throws -> WatchedConnection {
        if let connection, !connection.isClosed { return connection }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try PostgresTLS.mode(for: address, url: url))
        configuration.options.connectTimeout = .seconds(10)
        nextConnectionId += 1
        do {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: nextConnectionId, logger: logger)
            let watched = WatchedConnection(connection, label: url.redacted)
            self.connection = watched
            return watched
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StoreError(.unreachable, "cannot connect to \(url.redacted): \(Self.describe(error))")
        }
    }

    /// Runs `body` with this store's connection, one operation at a time, within `callTimeout` unless
    /// `bounded` is false (and always within the connection's life and the task's cancellation). Errors are
    /// mapped to `StoreError`, except a cancellation, which stays one. After a failure of the connection, or
    /// of the database (a transient error), the connection is dropped and the next call opens a new one.
    func withConnection<T: Sendable>(
        bounded: Bool = true, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        await acquire()
        defer { release() }
        let connection = try await connected()
        do {
            return try await connection.run(timeout: bounded ? callTimeout : nil, body)
        } catch is CancellationError {
            drop(connection)
            throw CancellationError()
        } catch {
            let mapped = Self.map(error)
            if connection.isClosed || mapped.isTransient { drop(connection) }
            throw mapped
        }
    }

    /// Forgets `connection` and closes it in the background: a call given up on may still run on it, and
    /// nothing may use it again.
    private func drop(_ connection: WatchedConnection) {
        if self.connection === connection { self.connection = nil }
        Task { await connection.close() }
    }

    /// One transaction: BEGIN, `body`, COMMIT; ROLLBACK (or a dropped connection) on any error.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws
        -> T
    {
        let logger = self.logger
        return try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                // A closed connection took its transaction with it, and a ROLLBACK written to it would never be
                // answered (`WatchedConnection`).
                if connection.isClosed { throw error }
                do {
                    try await connection.query("ROLLBACK", logger: logger)
                } catch {
                    try? await connection.close()
                }
                throw error
            }
        }
    }

    // MARK: Migrations

    public func migrate() async throws -> MigrationReport {
        let logger = self.logger
        // Not bounded by `callTimeout`: it may wait for another worker's migration, or rebuild an index.
        return try await withConnection(bounded: false) { connection in
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
                        for statement in migration.statements(for: .postgres) {
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
                    throw StoreError(
                        .schema, "migration \(migration.rawValue) failed: \(Self.describe(error))", cause: error)
                }
            }
            let refreshed = try await Self.refreshEnumChecks(connection, logger)
            return MigrationReport(applied: applied, alreadyApplied: already, refreshedChecks: refreshed)
        }
    }

    /// Rewrites, in one transaction, the enum `CHECK` constraints whose allowed values differ from those recorded
    /// (`EnumCheck`): each new constraint checks the table's rows once, so a value this forloeb does not know fails
    /// the migration, naming the constraint.
    static func refreshEnumChecks(_ connection: PostgresConnection, _ logger: Logger) async throws -> [String] {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(7243000)", logger: logger)
            var recorded: [String: String] = [:]
            for try await row in try await connection.query(
                "SELECT name, allowed FROM forloeb_enum_checks", logger: logger)
            {
                let r = RowReader(row.stored, table: "forloeb_enum_checks", key: "name")
                recorded[try r.string("name")] = try r.string("allowed")
            }
            let stale = EnumCheck.stale(recorded: recorded)
            if !stale.isEmpty {
                try await connection.query("SET LOCAL lock_timeout = '10s'", logger: logger)
                for (table, checks) in stale {
                    try await connection.query(
                        PostgresQuery(unsafeSQL: EnumCheck.postgresStatements(table: table, checks: checks)),
                        logger: logger)
                }
                for check in EnumCheck.all {
                    try await connection.query(
                        """
                        INSERT INTO forloeb_enum_checks (name, allowed) VALUES (\(check.name), \(check.allowed))
                        ON CONFLICT (name) DO UPDATE SET allowed = excluded.allowed
                        """, logger: logger)
                }
            }
            try await connection.query("COMMIT", logger: logger)
            return stale.flatMap { $0.checks.map(\.name) }
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw StoreError(.schema, "writing the enum checks failed: \(Self.describe(error))", cause: error)
        }
    }

    public func appliedMigrations() async throws -> [String] {
        let logger = self.logger
        return try await withConnection { connection in
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
