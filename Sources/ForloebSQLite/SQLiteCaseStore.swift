import ForloebCore
import ForloebStore
import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode, through GRDB; the engine (`SQLCaseStore`) with SQLite's
/// dialect (`SQLiteDriver`).
///
/// Readers never block the writer (WAL); writers are serialised by SQLite (`BEGIN IMMEDIATE`, waiting up to
/// `busyTimeout` for another process's write). A batch reads its snapshots first, outside the write
/// transaction, and checks their versions inside it: a change in between is a `conflict`, as on PostgreSQL.
public final class SQLiteCaseStore: SQLCaseStore, @unchecked Sendable {
    public let durability: SQLiteDurability

    /// Opens (creating the file and its folder if needed) the database at `path`.
    public convenience init(path: String, durability: SQLiteDurability = .full, busyTimeout: Double = 30)
        throws(StoreError)
    {
        try self.init(path: path, durability: durability, busyTimeout: busyTimeout, faults: .none)
    }

    /// Opens the existing database at `path` read-only (the read verbs): a reader whose file permissions allow
    /// only reading can use it, and nothing can be written through it. The file must exist and be in WAL mode,
    /// with its `-wal` and `-shm` files present or creatable (README, "Who may mend"). One connection, not a
    /// pool: a read verb's reads come one after another (`SQLiteDriver`).
    public convenience init(readOnlyPath path: String, busyTimeout: Double = 30) throws(StoreError) {
        try self.init(path: path, durability: .full, busyTimeout: busyTimeout, faults: .none, readOnly: true)
    }

    /// The same with failures injected between a transaction's steps: for the package's tests only.
    package init(
        path: String, durability: SQLiteDurability = .full, busyTimeout: Double = 30, faults: StoreFaultHooks,
        readOnly: Bool = false
    ) throws(StoreError) {
        let url = StoreURL.sqlite(path: path)
        self.durability = durability
        let folder = (path as NSString).deletingLastPathComponent
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "forloeb"
        config.readonly = readOnly
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
        }
        let database: any DatabaseWriter
        do {
            if !folder.isEmpty && !readOnly {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            // Read-only: one connection (`SQLiteDriver`).
            database =
                readOnly
                ? try DatabaseQueue(path: path, configuration: config)
                : try DatabasePool(path: path, configuration: config)
        } catch {
            throw StoreError(.unreachable, "cannot open \(url.redacted): \(Self.describe(error))", cause: error)
        }
        super.init(url: url, driver: SQLiteDriver(database: database, durability: durability), faults: faults)
    }

    // MARK: Errors

    /// `map`, except that a cancelled task's error (GRDB interrupts the statement) stays a `CancellationError`,
    /// as a caller that cancels (a worker shutting down) expects.
    static func mapKeepingCancellation(_ error: any Error) -> any Error {
        if error is CancellationError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_INTERRUPT { return CancellationError() }
        return map(error)
    }

    /// A GRDB error as a `StoreError`; the driver's error stays the result's `cause`.
    static func map(_ error: any Error) -> StoreError { StoreError.mapping(error, classify) }

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
            // A write to a file this user may only read: the same refusal as PostgreSQL's missing privilege.
            case .SQLITE_READONLY:
                return StoreError(.notPermitted, describe(error))
            case .SQLITE_CANTOPEN, .SQLITE_NOTADB, .SQLITE_PERM:
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
