import ForloebCore
import Foundation

/// A value bound to a statement's `?`.
package enum StoreValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case bytes(Data)
    case bool(Bool)
    /// A list, for `StoreStatement.isIn`: expanded to `(?, ?, …)` on SQLite, one array for `= ANY(?)` on PostgreSQL.
    case texts([String])
    case integers([Int64])

    package static func int(_ value: Int) -> StoreValue { .integer(Int64(value)) }
    package static func instant(_ value: Instant) -> StoreValue { .integer(value.secondsSinceEpoch) }
    package static func optional(_ value: String?) -> StoreValue { value.map(StoreValue.text) ?? .null }
}

/// The conditions of a `WHERE` clause and their arguments, gathered one by one.
package struct StoreConditions {
    package private(set) var clauses: [String] = []
    package private(set) var arguments: [StoreValue] = []

    package init() {}

    package mutating func add(_ clause: String, _ arguments: [StoreValue]) {
        clauses.append(clause)
        self.arguments += arguments
    }

    /// `WHERE a AND b …`, or nothing.
    package var sql: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }
}

/// One SQL statement with `?` placeholders, written once for both dialects; a back end binds the arguments its
/// way (PostgreSQL numbers the placeholders `$1 …`).
package struct StoreStatement: Sendable {
    package var sql: String
    package var arguments: [StoreValue]

    package init(_ sql: String, _ arguments: [StoreValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

extension StoreDialect {
    /// `column` is one of `values`: `column IN (?, …)` on SQLite, `column = ANY(?)` (one array) on PostgreSQL.
    package func isIn(_ column: String, _ values: [String]) -> (sql: String, arguments: [StoreValue]) {
        isIn(column, values.map(StoreValue.text), array: .texts(values))
    }

    /// The same for integer ids.
    package func isIn(_ column: String, _ values: [Int64]) -> (sql: String, arguments: [StoreValue]) {
        isIn(column, values.map(StoreValue.integer), array: .integers(values))
    }

    private func isIn(_ column: String, _ each: [StoreValue], array: StoreValue) -> (
        sql: String, arguments: [StoreValue]
    ) {
        switch self {
        case .sqlite:
            guard !each.isEmpty else { return ("0", []) }
            return ("\(column) IN (" + Array(repeating: "?", count: each.count).joined(separator: ", ") + ")", each)
        case .postgres:
            return ("\(column) = ANY(?)", [array])
        }
    }

    /// How many values an `isIn` list takes per statement (SQLite's variable limit; PostgreSQL binds one array).
    package var listChunk: Int { self == .sqlite ? 500 : 5000 }
}
