import ForloebCore

/// A failure of the durable store: a code a caller can act on and a human message without secrets.
///
/// `conflict` is the one a caller must handle: a concurrent writer changed a case (or took a message) after
/// this batch read it; nothing of the batch was written and the whole batch is to be applied again.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; a struct over a private enum so that codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case conflict, unreachable, invalidURL = "invalid_url", schema, corrupt, injected, io, notFound =
                "not_found", unstorable
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A concurrent writer won: retry the batch.
        public static let conflict = Code(.conflict)
        /// The database cannot be opened or reached.
        public static let unreachable = Code(.unreachable)
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
}
