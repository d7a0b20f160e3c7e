import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// PostgreSQL's dialect for the engine (`SQLCaseStore`), through postgres-nio.
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
actor PostgresDriver: StoreDriver {
    nonisolated let url: StoreURL
    let address: StoreURL.PostgresAddress
    nonisolated let logger: Logger
    /// The longest a call may wait for the database (`nil`: no limit).
    let callTimeout: Duration?
    private var connection: WatchedConnection?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextConnectionId = 0

    /// `callTimeout`: a minute is far above any call of the worker's (a batch commits in well under a second)
    /// and of the operators' verbs on a municipality's store. Only a silent network (no reset, no close) runs
    /// into it: a restarted or stopped server closes the connection, and that ends a call within seconds.
    init(_ address: StoreURL.PostgresAddress, logger: Logger, callTimeout: Duration?) {
        self.address = address
        self.url = .postgres(address)
        self.callTimeout = callTimeout
        self.logger = logger
    }

    nonisolated var dialect: StoreDialect { .postgres }

    /// Connects now, so that an unreachable server is reported at once (exit 3) rather than at first use.
    func connect() async throws {
        try await withConnection { _ in }
    }

    func close() async throws {
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
    func transactionOnConnection<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws
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

    // MARK: The engine's primitives

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await withConnection { connection in try await body(PostgresSession(connection, logger)) }
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await transactionOnConnection { connection in try await body(PostgresSession(connection, logger)) }
    }

    /// One migration step, not bounded by `callTimeout` (it may wait for another worker's migration, or rebuild an
    /// index); the advisory lock serialises concurrent `migrate` calls from several workers starting at once.
    func migrationTransaction<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T)
        async throws -> T
    {
        let logger = self.logger
        return try await withConnection(bounded: false) { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(7243000)", logger: logger)
                let value = try await body(PostgresSession(connection, logger))
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Rewrites the stale enum CHECKs in place: each new constraint checks its table's rows once. The tables are
    /// taken in the order a batch takes them; behind a long transaction the lock gives up after 10 s (run
    /// `forloeb migrate` again) rather than stall every reader queued behind it.
    func rewriteEnumChecks(_ stale: [(table: String, checks: [EnumCheck])]) async throws {
        let statements = dialect.enumCheckStatements(stale)
        try await migrationTransaction { session in
            try await session.execute(StoreStatement("SET LOCAL lock_timeout = '10s'"))
            for statement in statements { try await session.execute(statement) }
        }
    }

    /// Marks published notifications as sent, committed without waiting for the WAL flush
    /// (`synchronous_commit = off` for this transaction only).
    ///
    /// Why that is safe: a mark only stops the relay from publishing the row again. A crash of the server that
    /// loses the mark re-sends those notifications with the same `messageId`s, which consumers already dedupe
    /// (at-least-once, as after a crash between confirm and mark). The WAL is sequential, so the next synchronous
    /// commit flushes this one with it. The consumer's commits stop queueing behind these flushes.
    func markSent(_ ids: [Int64], at now: Instant) async throws {
        let logger = self.logger
        let list = ids.map { Int($0) }
        let t = Int(now.secondsSinceEpoch)
        try await transactionOnConnection { connection in
            try await connection.query("SET LOCAL synchronous_commit = off", logger: logger)
            try await connection.query(
                "UPDATE outbox SET sent_at = \(t) WHERE sent_at IS NULL AND id = ANY(\(list))", logger: logger)
        }
    }
}
