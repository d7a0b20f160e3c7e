import ForloebCore
import ForloebStore
import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode, through GRDB.
///
/// Readers never block the writer (WAL); writers are serialised by SQLite (`BEGIN IMMEDIATE`, waiting up to
/// `busyTimeout` for another process's write). A batch reads its snapshots first, outside the write
/// transaction, and checks their versions inside it: a change in between is a `conflict`, as on PostgreSQL.
public final class SQLiteCaseStore: CaseStore {
    public let url: StoreURL
    public let durability: SQLiteDurability
    let pool: DatabasePool
    let faults: StoreFaultHooks
    let cache = SnapshotCache()

    /// Opens (creating the file and its folder if needed) the database at `path`.
    public init(
        path: String, durability: SQLiteDurability = .full, busyTimeout: Double = 30, faults: StoreFaultHooks = .none
    ) throws(StoreError) {
        self.url = .sqlite(path: path)
        self.durability = durability
        self.faults = faults
        let folder = (path as NSString).deletingLastPathComponent
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "forloeb"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
        }
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            self.pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError(.unreachable, "cannot open \(url.redacted): \(Self.describe(error))", cause: error)
        }
    }

    public func close() async throws {
        do { try pool.close() } catch { throw Self.map(error) }
    }

    // MARK: Migrations

    public func migrate() async throws -> MigrationReport {
        try await perform { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS forloeb_migrations (
                        name TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, applied_at INTEGER NOT NULL)
                    """)
            var applied: [String] = []
            var already: [String] = []
            for (index, migration) in StoreMigration.ordered.enumerated() {
                try db.inTransaction(.immediate) {
                    let present =
                        try Bool.fetchOne(
                            db, sql: "SELECT 1 FROM forloeb_migrations WHERE name = ?", arguments: [migration.rawValue])
                        ?? false
                    if present {
                        already.append(migration.rawValue)
                    } else {
                        for statement in migration.statements(for: .sqlite) { try db.execute(sql: statement) }
                        try db.execute(
                            sql: "INSERT INTO forloeb_migrations (name, position, applied_at) VALUES (?, ?, ?)",
                            arguments: [migration.rawValue, index + 1, Int64(Date().timeIntervalSince1970)])
                        applied.append(migration.rawValue)
                    }
                    return .commit
                }
            }
            let refreshed = try Self.refreshEnumChecks(db)
            return MigrationReport(applied: applied, alreadyApplied: already, refreshedChecks: refreshed)
        }
    }

    /// Writes the enum `CHECK` constraints whose allowed values differ from those recorded (`EnumCheck`), by
    /// rebuilding each such table in one transaction (SQLite cannot alter a constraint): a copy with the new
    /// constraints takes the rows, indexes and triggers of the old. Foreign keys are off meanwhile, as SQLite's
    /// procedure for altering a table asks, and checked before the commit.
    static func refreshEnumChecks(_ db: Database) throws -> [String] {
        let recorded = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, allowed FROM forloeb_enum_checks").map { row in
                let r = RowReader(row.stored, table: "forloeb_enum_checks", key: "name")
                return (try r.string("name"), try r.string("allowed"))
            })
        let stale = EnumCheck.stale(recorded: recorded)
        guard !stale.isEmpty else { return [] }
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        try db.inTransaction(.immediate) {
            for (table, _) in stale { try rebuildWithChecks(db, table: table) }
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            guard violations.isEmpty else {
                throw StoreError(.schema, "rebuilding the tables with their enum checks broke \(violations.count) foreign keys")
            }
            for check in EnumCheck.all {
                try db.execute(
                    sql: "INSERT INTO forloeb_enum_checks (name, allowed) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET allowed = excluded.allowed",
                    arguments: [check.name, check.allowed])
            }
            return .commit
        }
        return stale.flatMap { $0.checks.map(\.name) }
    }

    /// Rebuilds `table` with the current enum checks: every row is checked as it is copied, so a value this
    /// forloeb does not know fails the migration (naming the constraint) instead of staying behind.
    static func rebuildWithChecks(_ db: Database, table: String) throws {
        let name = "forloeb_new_\(table)"
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", arguments: [table]),
            let create = EnumCheck.sqliteCreateTable(sql, renamedTo: name, table: table)
        else { throw StoreError(.schema, "table \(table) is missing") }
        let companions = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
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

    public func appliedMigrations() async throws -> [String] {
        try await read { db in
            guard try db.tableExists("forloeb_migrations") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT name FROM forloeb_migrations ORDER BY position").map {
                try RowReader($0.stored, table: "forloeb_migrations", key: "name").string("name")
            }
        }
    }

    // MARK: Plumbing

    /// A read in its own WAL snapshot, errors mapped to `StoreError` (a cancellation stays one).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw Self.mapKeepingCancellation(error) }
    }

    /// Work on the writer connection without an implicit transaction (the body opens its own).
    func perform<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.writeWithoutTransaction(body) } catch { throw Self.mapKeepingCancellation(error) }
    }

    /// `map`, except that a cancelled task's error (GRDB interrupts the statement) stays a `CancellationError`,
    /// as a caller that cancels (a worker shutting down) expects.
    static func mapKeepingCancellation(_ error: any Error) -> any Error {
        if error is CancellationError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_INTERRUPT { return CancellationError() }
        return map(error)
    }

    /// One `BEGIN IMMEDIATE` transaction on the writer connection.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await perform { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// A GRDB error as a `StoreError`; the driver's error stays the result's `cause`.
    static func map(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        var mapped = classify(error)
        mapped.cause = error
        return mapped
    }

    private static func classify(_ error: any Error) -> StoreError {
        if let error = error as? DatabaseError {
            switch error.extendedResultCode {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
                return StoreError(
                    .conflict, "a concurrent writer got there first (\(error.message ?? "unique constraint"))")
            case .SQLITE_BUSY_SNAPSHOT:
                return StoreError(.conflict, "the database changed since this transaction read it")
            default:
                break
            }
            switch error.resultCode {
            case .SQLITE_CANTOPEN, .SQLITE_NOTADB, .SQLITE_PERM, .SQLITE_READONLY:
                return StoreError(.unreachable, describe(error))
            // Another process held the database longer than the busy timeout, or the disk failed or filled up:
            // nothing about the messages, so a worker holds its batch and retries it (`StoreError.isTransient`).
            case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR:
                return StoreError(.unavailable, describe(error))
            case .SQLITE_CORRUPT:
                return StoreError(.corrupt, describe(error))
            default:
                return StoreError(.io, describe(error))
            }
        }
        return StoreError(.io, describe(error))
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "\(error.resultCode)")"
        }
        return "\(error)"
    }
}
