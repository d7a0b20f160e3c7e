import ForloebCore

/// A failure of the durable store: a code a caller can act on and a human message without secrets.
///
/// `conflict` is the one a caller must handle: a concurrent writer changed a case (or took a message) after
/// this batch read it; nothing of the batch was written and the whole batch is to be applied again.
/// `isTransient` tells the other kind a caller acts on: the database is away for a while (restarting, out of
/// reach), which says nothing about the messages, so the same work is to be tried again later, unchanged.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; a struct over a private enum so that codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case conflict, unreachable, unavailable, timeout, invalidURL = "invalid_url", schema, corrupt, injected,
                io, notFound = "not_found", unstorable
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
        /// Any other database error.
        public static let io = Code(.io)

        public var description: String { value.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// A failure of the database rather than of the work: unreachable, unavailable or timed out. The same call
    /// may succeed unchanged once the database is back (a worker holds its batch and retries it in place), and
    /// nothing of a failed write was committed, or all of it was (an idempotent retry finds it done).
    public var isTransient: Bool { code == .unreachable || code == .unavailable || code == .timeout }

    /// Whether `error` is a transient `StoreError` (see `isTransient`).
    public static func isTransient(_ error: any Error) -> Bool {
        (error as? StoreError)?.isTransient == true
    }
}
