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
            throw StoreError(.unreachable, "cannot open \(url.redacted): \(Self.describe(error))")
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
                        try db.execute(sql: SQLiteSchema.sql(for: migration))
                        try db.execute(
                            sql: "INSERT INTO forloeb_migrations (name, position, applied_at) VALUES (?, ?, ?)",
                            arguments: [migration.rawValue, index + 1, Int64(Date().timeIntervalSince1970)])
                        applied.append(migration.rawValue)
                    }
                    return .commit
                }
            }
            return MigrationReport(applied: applied, alreadyApplied: already)
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await read { db in
            guard try db.tableExists("forloeb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT name FROM forloeb_migrations ORDER BY position")
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

    static func map(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
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
