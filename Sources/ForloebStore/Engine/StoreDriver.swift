import ForloebCore
import Foundation
import ServiceLifecycle

/// One connection's view inside a read or a transaction: what the engine's statements run on.
package protocol StoreSession: Sendable {
    /// Every row `statement` returns.
    func rows(_ statement: StoreStatement) async throws -> [any StoreRow]
    /// Runs `statement` and returns how many rows it changed.
    @discardableResult
    func execute(_ statement: StoreStatement) async throws -> Int

    /// Every row of each of `statements`, run in order: one call where a back end pays per call (SQLite serves a
    /// session's calls on GRDB's thread, one hop each).
    func rows(_ statements: [StoreStatement]) async throws -> [[any StoreRow]]

    /// Every row of `statement`, each decoded by `decode` (a row type's `init(row:)`) as it is read: SQLite
    /// decodes from the statement itself, with no copy of the row, which was most of a page's cost.
    func rows<Value: Sendable>(
        _ statement: StoreStatement, as decode: @escaping @Sendable (any StoreRow) throws -> Value
    ) async throws -> [Value]
}

extension StoreSession {
    package func rows(_ statements: [StoreStatement]) async throws -> [[any StoreRow]] {
        var out: [[any StoreRow]] = []
        for statement in statements { out.append(try await rows(statement)) }
        return out
    }

    package func rows<Value: Sendable>(
        _ statement: StoreStatement, as decode: @escaping @Sendable (any StoreRow) throws -> Value
    ) async throws -> [Value] {
        try await rows(statement).map(decode)
    }
}

/// What a back end supplies to the one engine (`SQLCaseStore`): its dialect, its read and transaction primitives,
/// and the bulk form of a batch's load and write, where the dialects differ most (SQLite's prepared statements
/// per row, PostgreSQL's `unnest` arrays, key lookups and per-statement checks).
package protocol StoreDriver: Sendable {
    var dialect: StoreDialect { get }

    /// Whether a worker behind its queue should plan its next batch while this back end commits one
    /// (`EventStore.plansAhead`): true where the commit is a database server's work.
    var plansAhead: Bool { get }

    /// `body` in one consistent read (a WAL snapshot; one PostgreSQL connection).
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T) async throws -> T

    /// `body` in one write transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T) async throws -> T

    /// Every row of each of `statements`, run in order in one consistent read of their own. The same as `read`
    /// with a session's `rows(_:)`, in one call: SQLite answers it in one visit to GRDB's thread, where a
    /// session's visits (it waits there for the engine's statements) cost more than the reads of one case.
    func rows(_ statements: [StoreStatement]) async throws -> [[any StoreRow]]

    /// Every row of `statement` in a read of its own, each decoded by `decode` as it is read (see `rows(_:)`).
    func rows<Value: Sendable>(
        _ statement: StoreStatement, as decode: @escaping @Sendable (any StoreRow) throws -> Value
    ) async throws -> [Value]

    /// The processed marks of `messageIds` and the current snapshot and revision of `caseIds` (snapshots from
    /// `cache` where it holds the revision read).
    func loadBatch(messageIds: [String], caseIds: [String], cache: SnapshotCache?) async throws
        -> (marks: [String: ProcessedMark], cases: [String: (snapshot: CitizenCase, revision: Int)])

    /// Writes a planned batch in `session`'s transaction, after checking that none of `caseIds` moved from
    /// `revisions` (else `conflict`).
    func writeBatch(
        _ plan: BatchPlan, caseIds: [String], revisions: [String: Int], now: Instant, faults: StoreFaultHooks,
        in session: any StoreSession
    ) async throws

    /// Writes a planned batch in a transaction of its own (the worker's batches: no dead letter to settle, no
    /// audit entry), in one call (see `rows(_:)`).
    func writeBatch(
        _ plan: BatchPlan, caseIds: [String], revisions: [String: Int], now: Instant, faults: StoreFaultHooks
    ) async throws

    /// Runs one migration step (or the enum checks' rewrite): PostgreSQL serialises concurrent migrators on an
    /// advisory lock and lets it run beyond the call timeout.
    func migrationTransaction<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T)
        async throws -> T

    /// Rewrites the enum CHECKs of `stale` tables (`EnumCheck`) and records their values.
    func rewriteEnumChecks(_ stale: [(table: String, checks: [EnumCheck])]) async throws

    /// Marks outbox rows as sent in a commit that need not wait for durable storage (a lost mark only sends a
    /// notification again under the same message id, which receivers deduplicate).
    func markSent(_ ids: [Int64], at now: Instant) async throws

    /// Releases the driver's connections.
    func close() async throws

    /// The driver's connection pool as a service for the caller's group (`CaseStore.poolService()`), or nil.
    func poolService() -> (any Service)?
}

extension StoreDriver {
    package func rows(_ statements: [StoreStatement]) async throws -> [[any StoreRow]] {
        try await read { session in try await session.rows(statements) }
    }

    package func rows<Value: Sendable>(
        _ statement: StoreStatement, as decode: @escaping @Sendable (any StoreRow) throws -> Value
    ) async throws -> [Value] {
        try await read { session in try await session.rows(statement, as: decode) }
    }

    package func writeBatch(
        _ plan: BatchPlan, caseIds: [String], revisions: [String: Int], now: Instant, faults: StoreFaultHooks
    ) async throws {
        try await transaction { session in
            try await writeBatch(plan, caseIds: caseIds, revisions: revisions, now: now, faults: faults, in: session)
        }
    }

    /// No pool (SQLite): the driver's connections live as long as it does.
    package func poolService() -> (any Service)? { nil }
}
