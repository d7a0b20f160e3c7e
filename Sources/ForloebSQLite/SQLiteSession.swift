import ForloebStore
import Foundation
import GRDB

/// The engine's statements on one GRDB connection, whose use GRDB confines to its own queue: the queue's thread
/// serves the statements of the engine's async body one at a time (`serve`) until the body is done (`finish`).
final class SQLiteSession: StoreSession, @unchecked Sendable {
    private let condition = NSCondition()
    private var work: [(run: (Database) -> Void, fail: (any Error) -> Void)] = []
    /// Set when the body is done, to whether it succeeded (commit) or not (roll back).
    private var finished: Bool?
    private var closed = false
    private var served = false

    /// Runs `body` on the connection, on GRDB's thread, and returns its result.
    func run<T: Sendable>(_ body: @escaping (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            condition.lock()
            defer { condition.unlock() }
            guard !closed else {
                continuation.resume(throwing: StoreError(.io, "the SQLite connection stopped serving this call"))
                return
            }
            work.append(
                (
                    run: { db in
                        do {
                            continuation.resume(returning: try body(db))
                        } catch {
                            continuation.resume(throwing: SQLiteCaseStore.mapKeepingCancellation(error))
                        }
                    },
                    fail: { continuation.resume(throwing: $0) }
                ))
            condition.signal()
        }
    }

    /// On GRDB's thread: runs submitted work until `finish`; returns whether to commit.
    func serve(_ db: Database) -> Bool {
        condition.lock()
        served = true
        condition.unlock()
        while true {
            condition.lock()
            while work.isEmpty && finished == nil { condition.wait() }
            if work.isEmpty, let commit = finished {
                closed = true
                condition.unlock()
                return commit
            }
            let next = work.removeFirst()
            condition.unlock()
            next.run(db)
        }
    }

    /// The body is done: `serve` returns once the work submitted before is done.
    func finish(commit: Bool) {
        condition.lock()
        finished = commit
        condition.signal()
        condition.unlock()
    }

    /// The connection will not serve (GRDB refused or cancelled the access): fails what waits, and what comes.
    func close() {
        condition.lock()
        closed = true
        let pending = work
        work = []
        condition.unlock()
        for item in pending { item.fail(StoreError(.io, "the SQLite connection stopped serving this call")) }
    }

    /// Whether a connection ever served this session.
    var wasServed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return served
    }

    /// Runs `body` with a session served by `access` (a GRDB read or write that calls `serve`).
    static func with<T: Sendable>(
        _ access: @escaping @Sendable (SQLiteSession) async throws -> Void,
        _ body: @escaping @Sendable (any StoreSession) async throws -> T
    ) async throws -> T {
        let session = SQLiteSession()
        async let served: Void = {
            defer { session.close() }
            try await access(session)
        }()
        let value: T
        do {
            value = try await body(session)
        } catch {
            session.finish(commit: false)
            // When GRDB never served the session (it could not open, or was cancelled), its error is the cause.
            var accessFailure: (any Error)?
            do { try await served } catch { accessFailure = error }
            if let accessFailure, !session.wasServed { throw SQLiteCaseStore.mapKeepingCancellation(accessFailure) }
            throw error
        }
        session.finish(commit: true)
        do {
            try await served
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
        return value
    }

    // MARK: StoreSession

    func rows(_ statement: StoreStatement) async throws -> [any StoreRow] {
        let (sql, arguments) = try Self.bind(statement)
        return try await run { db in try SQLiteRow.fetchAll(db, sql, arguments) }
    }

    func rows(_ statements: [StoreStatement]) async throws -> [[any StoreRow]] {
        let bound = try statements.map(Self.bind)
        return try await run { db in try bound.map { sql, arguments in try SQLiteRow.fetchAll(db, sql, arguments) } }
    }

    func rows<Value: Sendable>(
        _ statement: StoreStatement, as decode: @escaping @Sendable (any StoreRow) throws -> Value
    ) async throws -> [Value] {
        let (sql, arguments) = try Self.bind(statement)
        return try await run { db in try SQLiteRow.decodeAll(db, sql, arguments, decode) }
    }

    func execute(_ statement: StoreStatement) async throws -> Int {
        let (sql, arguments) = try Self.bind(statement)
        return try await run { db in
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }

    static func bind(_ statement: StoreStatement) throws -> (String, StatementArguments) {
        var values: [(any DatabaseValueConvertible)?] = []
        for argument in statement.arguments {
            switch argument {
            case .null: values.append(nil)
            case .integer(let value): values.append(value)
            case .text(let value): values.append(value)
            case .bytes(let value): values.append(value)
            case .bool(let value): values.append(value)
            case .texts, .integers:
                throw StoreError(.io, "a list argument reached SQLite unexpanded: \(statement.sql)")
            }
        }
        return (statement.sql, StatementArguments(values))
    }
}
