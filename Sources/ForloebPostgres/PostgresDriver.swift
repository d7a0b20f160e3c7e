import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// PostgreSQL's dialect for the engine (`SQLCaseStore`), through postgres-nio's `PostgresClient`: a pool of up to
/// `poolSize` connections, so that the worker's consumers, lanes, relay and scheduler each take a connection of
/// their own from one store, and transactions are the pool's `withTransaction`.
///
/// Who runs the pool (`PostgresClient.run()`): in a process that uses the store for its whole life (the worker),
/// the `Service` from `poolService()`, in that process's `ServiceGroup`, whose graceful shutdown ends it after
/// the services that use the store; elsewhere (one-shot verbs, tests, the benchmarks) a task of the driver's own,
/// started on first use and ended by `close()`, because a verb that reads a page has no group to run it in.
///
/// Concurrency between writers is optimistic: a batch locks the case rows it read (`FOR UPDATE`, in case-id
/// order) and checks their versions before writing.
///
/// Every call ends (`WatchedConnection`): within `callTimeout`, within seconds of its connection closing, or
/// at once when its task is cancelled; only `migrate` may run longer than `callTimeout` (it may wait for
/// another worker's migration, or rebuild an index). A call that gets no connection within `connectTimeout`
/// (the server down or refusing) fails `unreachable`, where the pool would otherwise keep it waiting. A database
/// that went away fails a call with a transient `StoreError` (`unreachable`, `unavailable`, `timeout`:
/// `PostgresDriver+Errors.swift`), never a hang.
final class PostgresDriver: StoreDriver {
    let url: StoreURL
    let address: StoreURL.PostgresAddress
    let logger: Logger
    /// The longest a call may wait for the database (`nil`: no limit).
    let callTimeout: Duration?
    let connectTimeout: Duration
    private let client: PostgresClient?
    private let setupError: StoreError?
    private let state = Mutex(State.idle)
    /// One watch per pooled connection (a connection serves thousands of calls).
    private let watches = Mutex<[ObjectIdentifier: WatchedConnection]>([:])

    private enum State {
        case idle
        /// Run by a task of the driver's own, started by the first call; `handed` once a service was made, which
        /// ends it at its group's shutdown.
        case running(Task<Void, Never>, handed: Bool)
        /// Handed to the service from `poolService()`; `started` once the service runs it. Calls made before
        /// then wait for their lease (within `connectTimeout`) rather than start a pool of the driver's own.
        case service(started: Bool)
        case closed
    }

    init(
        _ address: StoreURL.PostgresAddress, logger: Logger, callTimeout: Duration?, poolSize: Int,
        connectTimeout: Duration = .seconds(10)
    ) {
        self.address = address
        self.url = .postgres(address)
        self.callTimeout = callTimeout
        self.connectTimeout = connectTimeout
        self.logger = logger
        do {
            var configuration = PostgresClient.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: try PostgresTLS.clientMode(for: address, url: .postgres(address)))
            configuration.options.connectTimeout = connectTimeout
            configuration.options.maximumConnections = max(1, poolSize)
            self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            self.setupError = nil
        } catch {
            self.client = nil
            self.setupError = error
        }
    }

    var dialect: StoreDialect { .postgres }
    /// The commit is the server's work; the worker would otherwise wait on it.
    var plansAhead: Bool { true }

    /// Connects once now, outside the pool, so that an unreachable server is reported at once with its reason
    /// (exit 3) rather than at first use.
    func connect() async throws {
        if let setupError { throw setupError }
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try PostgresTLS.mode(for: address, url: url))
        configuration.options.connectTimeout = TimeAmount(connectTimeout)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StoreError(.unreachable, "cannot connect to \(url.redacted): \(Self.describe(error))", cause: error)
        }
    }

    /// Ends the pool: its connections close, and every later call fails `unreachable`. A pool that a service runs
    /// ends with that service (at its group's shutdown); here it only refuses later calls.
    func close() async throws {
        let task: Task<Void, Never>? = state.withLock { state in
            defer { state = .closed }
            if case .running(let task, _) = state { return task }
            return nil
        }
        task?.cancel()
        await task?.value
    }

    /// The running pool (started on first use).
    private func running() throws -> PostgresClient {
        if let setupError { throw setupError }
        guard let client else { throw StoreError(.unreachable, "no client for \(url.redacted)") }
        try state.withLock { state in
            switch state {
            case .idle:
                state = .running(Task.detached { await client.run() }, handed: false)
            case .running, .service:
                break
            case .closed:
                throw StoreError(.unreachable, "the store \(url.redacted) was closed")
            }
        }
        return client
    }

    /// Hands the pool to a service for the caller's group (`CaseStore.poolService()`); nil when a service already
    /// has it, or the driver was closed.
    func poolService() -> (any Service)? {
        let handed: Bool = state.withLock { state in
            switch state {
            case .idle:
                state = .service(started: false)
                return true
            case .running(let task, handed: false):
                state = .running(task, handed: true)
                return true
            case .running(_, handed: true), .service, .closed:
                return false
            }
        }
        return handed ? PostgresPoolService(driver: self) : nil
    }

    /// The service's run: the pool in the calling task until the group's graceful shutdown (postgres-nio's
    /// `run()` ends then) or cancellation, after which the store is closed. A pool that a call had already
    /// started in the driver's own task (the store was used before it was handed over) is left running there,
    /// and is ended at the same point.
    func runPool() async throws {
        if let setupError { throw setupError }
        guard let client else { throw StoreError(.unreachable, "no client for \(url.redacted)") }
        enum Start { case run, adopt, none }
        let start: Start = state.withLock { state in
            switch state {
            case .idle, .service(started: false):
                state = .service(started: true)
                return .run
            case .running:
                return .adopt
            case .service(started: true), .closed:
                return .none
            }
        }
        switch start {
        case .run:
            await client.run()
            state.withLock { $0 = .closed }
        case .adopt:
            try? await gracefulShutdown()
            try await close()
        case .none:
            return
        }
    }

    /// The watch of a pooled connection, made on its first lease and forgotten when it closes.
    private func watched(_ connection: PostgresConnection) -> WatchedConnection {
        let key = ObjectIdentifier(connection)
        return watches.withLock { watches in
            if let watch = watches[key], !watch.isClosed { return watch }
            let watch = WatchedConnection(connection, label: url.redacted)
            watches[key] = watch
            connection.closeFuture.whenComplete { [weak self] _ in
                _ = self?.watches.withLock { $0.removeValue(forKey: key) }
            }
            return watch
        }
    }

    /// Runs `body` on a pooled connection, within `callTimeout` unless `bounded` is false (and always within the
    /// connection's life and the task's cancellation), after waiting at most `connectTimeout` for the connection.
    /// Errors are mapped to `StoreError`, except a cancellation, which stays one. A connection that failed (closed,
    /// timed out) is closed and leaves the pool, which opens another for the next call.
    func withConnection<T: Sendable>(
        bounded: Bool = true, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let client = try running()
        let leased = LeaseFlag()
        let timeout = bounded ? callTimeout : nil
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.set()
                        return try await self.watched(connection).run(timeout: timeout, body)
                    }
                }
                group.addTask { [connectTimeout, url] in
                    // A lease that is not there at once may mean the server is down: the pool would keep the call
                    // waiting while it retries, so a direct connection tells (refused, starting up) with its
                    // reason, at once; one that works means the pool is only busy.
                    try await Task.sleep(for: .milliseconds(200))
                    guard !leased.isSet else { return nil }
                    try await self.connect()
                    try await Task.sleep(for: connectTimeout - .milliseconds(200))
                    guard leased.isSet else {
                        throw StoreError(
                            .unreachable, "cannot connect to \(url.redacted): no connection within \(connectTimeout)")
                    }
                    return nil  // the call has its connection: its own bounds apply from here
                }
                while let result = try await group.next() {
                    if let value = result {
                        group.cancelAll()
                        return value
                    }
                }
                throw CancellationError()
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw Self.map(error)
        }
    }

    /// One transaction, postgres-nio's `withTransaction` (BEGIN, `body`, COMMIT; ROLLBACK on any error) on a
    /// pooled connection.
    func transactionOnConnection<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.unwrapping {
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        }
    }

    /// postgres-nio wraps what failed in a transaction; the store reports the failure itself (a conflict, a
    /// lost connection), which the body's error is when there is one.
    static func unwrapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error
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
            try await Self.unwrapping {
                try await connection.withTransaction(logger: logger) { connection in
                    try await connection.query("SELECT pg_advisory_xact_lock(7243000)", logger: logger)
                    return try await body(PostgresSession(connection, logger))
                }
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

/// Whether a call got its connection from the pool.
private final class LeaseFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
