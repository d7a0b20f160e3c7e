import ForloebCore

/// A failure of the durable store: a code a caller can act on and a human message without secrets.
///
/// `conflict` is the one a caller must handle: a concurrent writer changed a case (or took a message) after
/// this batch read it; nothing of the batch was written and the whole batch is to be applied again.
/// `isTransient` tells the other kind a caller acts on: the database is away for a while (restarting, out of
/// reach), which says nothing about the messages, so the same work is to be tried again later, unchanged.
/// Errors keep their cause: the database driver's own error (GRDB's `DatabaseError`, postgres-nio's `PSQLError`)
/// stays in `cause` for logs and for callers that inspect it, instead of being flattened into the message.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; a struct over a private enum so that codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case conflict, unreachable, unavailable, timeout, invalidURL = "invalid_url", schema, corrupt, injected,
                io, notFound = "not_found", unstorable, notPermitted = "not_permitted"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A concurrent writer won: retry the batch.
        public static let conflict = Code(.conflict)
        /// The database cannot be opened or reached, or the connection to it was lost.
        public static let unreachable = Code(.unreachable)
        /// The database answers but takes no work for now: it is shutting down or starting up, read-only (a
        /// standby during a failover), out of connections or resources, or a lock or statement timeout ran out.
        public static let unavailable = Code(.unavailable)
        /// A store call had no answer within its bound; its connection was dropped.
        public static let timeout = Code(.timeout)
        /// `FORLOEB_STORE` or `--store` does not parse.
        public static let invalidURL = Code(.invalidURL)
        /// The schema is missing, newer than this program, or a migration failed.
        public static let schema = Code(.schema)
        /// Stored data does not decode (a snapshot, an audit chain link).
        public static let corrupt = Code(.corrupt)
        /// A failure injected by a test between two steps of a transaction.
        public static let injected = Code(.injected)
        /// The row an operator named does not exist or was already settled.
        public static let notFound = Code(.notFound)
        /// A value the store cannot keep byte for byte (text with NUL, `StorableText`): nothing was written.
        public static let unstorable = Code(.unstorable)
        /// The identity acting may not do this (PostgreSQL SQLSTATE 42501, a missing role; an approval of one's
        /// own pending action): nothing was written.
        public static let notPermitted = Code(.notPermitted)
        /// Any other database error.
        public static let io = Code(.io)

        public var description: String { value.rawValue }
    }

    /// Where a stored value did not decode: the table, the row's key, the column and the value found.
    public struct Corruption: Sendable, Equatable {
        public var table: String
        public var key: String
        public var column: String
        /// The stored value as text (`nil`: SQL NULL where a value is required, or a column that is missing).
        public var value: String?

        public init(table: String, key: String, column: String, value: String?) {
            self.table = table
            self.key = key
            self.column = column
            self.value = value
        }
    }

    public var code: Code
    public var message: String
    /// The error this one stands for (a driver's error, a decoding error), when there is one.
    public var cause: (any Error)?
    /// For `corrupt`: which stored value did not decode.
    public var corruption: Corruption?

    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// A stored value this program does not know (an unknown state, kind or code, a NULL where a value is
    /// required): a wrong answer is never made up from it.
    public static func corrupt(
        table: String, key: String, column: String, value: String?, cause: (any Error)? = nil
    ) -> StoreError {
        let found = value.map { "'\($0)'" } ?? "NULL"
        var error = StoreError(
            .corrupt, "\(table) row \(key): column \(column) holds \(found), which this forloeb does not know",
            cause: cause)
        error.corruption = Corruption(table: table, key: key, column: column, value: value)
        return error
    }

    /// Equal when code, message and corruption are (a cause is context, not identity).
    public static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.corruption == rhs.corruption
    }

    public var description: String { "\(code): \(message)" }

    /// A failure of the database rather than of the work: unreachable, unavailable or timed out. The same call
    /// may succeed unchanged once the database is back (a worker holds its batch and retries it in place), and
    /// nothing of a failed write was committed, or all of it was (an idempotent retry finds it done).
    public var isTransient: Bool { code == .unreachable || code == .unavailable || code == .timeout }

    /// `error` as a `StoreError`: as it is when it is one, else `classify`'s verdict with `error` kept as its cause.
    package static func mapping(_ error: any Error, _ classify: (any Error) -> StoreError) -> StoreError {
        if let error = error as? StoreError { return error }
        var mapped = classify(error)
        mapped.cause = error
        return mapped
    }

    /// Whether `error` is a transient `StoreError` (see `isTransient`).
    public static func isTransient(_ error: any Error) -> Bool {
        (error as? StoreError)?.isTransient == true
    }
}
