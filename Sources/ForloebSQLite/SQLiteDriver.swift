import ForloebCore
import ForloebStore
import Foundation
import GRDB

/// SQLite's dialect for the engine: GRDB's pool, its reads in a WAL snapshot and its writes in `BEGIN IMMEDIATE`
/// transactions on the one writer connection (`SQLiteSession` serves the engine's statements there).
///
/// A read-only store (the operator's read verbs, the console) is one connection, a `DatabaseQueue`, instead of a
/// pool: its reads come one after another, and on the million-case store a read on a pool's reader connection
/// took about 0.6 ms more than the same read on a single connection (BENCHMARKS.md, operator verbs).
struct SQLiteDriver: StoreDriver {
    let database: any DatabaseWriter
    let durability: SQLiteDurability

    var dialect: StoreDialect { .sqlite }
    /// The commit is this process's own work, on the same cores as the planning.
    var plansAhead: Bool { false }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T) async throws -> T {
        let database = self.database
        return try await SQLiteSession.with({ session in try await database.read { db in _ = session.serve(db) } }, body)
    }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T) async throws -> T {
        let database = self.database
        return try await SQLiteSession.with(
            { session in
                try await database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) { session.serve(db) ? .commit : .rollback }
                }
            }, body)
    }

    func rows(_ statements: [StoreStatement]) async throws -> [[any StoreRow]] {
        let bound = try statements.map(SQLiteSession.bind)
        do {
            return try await database.read { db in
                try bound.map { sql, arguments in try SQLiteRow.fetchAll(db, sql, arguments) }
            }
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
    }

    func rows<Value: Sendable>(
        _ statement: StoreStatement, as decode: @escaping @Sendable (any StoreRow) throws -> Value
    ) async throws -> [Value] {
        let (sql, arguments) = try SQLiteSession.bind(statement)
        do {
            return try await database.read { db in try SQLiteRow.decodeAll(db, sql, arguments, decode) }
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
    }

    func migrationTransaction<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) async throws -> T)
        async throws -> T
    {
        try await transaction(body)
    }

    /// Rebuilds each stale table with its new constraints in one transaction (SQLite cannot alter a constraint):
    /// a copy with the new constraints takes the rows, indexes and triggers of the old, and every row is checked
    /// as it is copied. Foreign keys are off meanwhile, as SQLite's procedure for altering a table asks, and
    /// checked before the commit.
    func rewriteEnumChecks(_ stale: [(table: String, checks: [EnumCheck])]) async throws {
        let tables = stale.map(\.table)
        do {
            try await database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                try db.inTransaction(.immediate) {
                    for table in tables { try Self.rebuildWithChecks(db, table: table) }
                    let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                    guard violations.isEmpty else {
                        throw StoreError(
                            .schema, "rebuilding with the enum checks broke \(violations.count) foreign keys")
                    }
                    for check in EnumCheck.all {
                        try db.execute(
                            sql: """
                                INSERT INTO forloeb_enum_checks (name, allowed) VALUES (?, ?)
                                ON CONFLICT (name) DO UPDATE SET allowed = excluded.allowed
                                """, arguments: [check.name, check.allowed])
                    }
                    return .commit
                }
            }
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
    }

    static func rebuildWithChecks(_ db: Database, table: String) throws {
        let name = "forloeb_new_\(table)"
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", arguments: [table]),
            let create = EnumCheck.sqliteCreateTable(sql, renamedTo: name, table: table)
        else { throw StoreError(.schema, "table \(table) is missing") }
        let companions = try String.fetchAll(
            db,
            sql:
                "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
            arguments: [table])
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
        try db.execute(sql: create)
        try db.execute(sql: "INSERT INTO \(name) SELECT * FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(name) RENAME TO \(table)")
        for statement in companions { try db.execute(sql: statement) }
        if let sequence {
            try db.execute(
                sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [sequence, table])
        }
    }

    /// Marks published notifications as sent, in a commit that skips the fsync under `.full` durability.
    ///
    /// Why that is safe: a mark only stops the relay from publishing the row again. A power loss that rolls
    /// the mark back re-sends those notifications with the same `messageId`s, which consumers already
    /// dedupe (at-least-once, as after a crash between confirm and mark). The next full commit fsyncs the WAL
    /// and with it this transaction, so nothing after it can be durable while it is not. The fsync saved is one
    /// per relay batch on the writer connection that the consumer's commits queue behind.
    func markSent(_ ids: [Int64], at now: Instant) async throws {
        let relaxed = durability == .full
        do {
            try await database.writeWithoutTransaction { db in
                if relaxed { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
                let marked = Result {
                    try db.inTransaction(.immediate) {
                        for chunk in ids.chunked(500) {
                            try db.execute(
                                sql:
                                    "UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND id IN \(Self.placeholders(chunk.count))",
                                arguments: StatementArguments([now.secondsSinceEpoch] + Array(chunk)))
                        }
                        return .commit
                    }
                }
                // Back to full durability before the connection commits anything else.
                if relaxed { try db.execute(sql: "PRAGMA synchronous = FULL") }
                try marked.get()
            }
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
    }

    func close() async throws {
        do { try database.close() } catch { throw SQLiteCaseStore.map(error) }
    }
}
