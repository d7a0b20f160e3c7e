import ForloebStore
import Foundation
import GRDB

/// A GRDB row read by column name, for the store's row types (`StoreRow`). Unchecked: a row fetched into an
/// array is GRDB's own copy.
///
/// The names are looked up in `SQLiteColumns`, made once per result, and the values read by position: GRDB's own
/// lookup by name compares every column case-insensitively on every read, which made decoding a page of rows
/// several times the cost of fetching it.
struct SQLiteRow: StoreRow, @unchecked Sendable {
    let row: Row
    /// The result's columns, shared by its rows.
    let columns: SQLiteColumns

    /// The column's value as stored. Read as a `DatabaseValue` and matched here: GRDB's generic decoding of an
    /// optional, unspecialised across the module boundary, instantiated type metadata on every read and was
    /// most of the cost of reading a row.
    private func value(_ column: String) throws -> DatabaseValue {
        guard let index = columns.index(of: column) else { throw MissingColumn(column) }
        let value: DatabaseValue = row[index]
        return value
    }

    /// A value of another storage class, converted as GRDB converts it (text from a blob, an integer from a
    /// whole real), else a mismatch.
    private func converted<Value: DatabaseValueConvertible>(_ value: DatabaseValue, _ column: String) throws -> Value? {
        if value.isNull { return nil }
        guard let converted = Value.fromDatabaseValue(value) else {
            throw ColumnTypeMismatch(column: column, value: value.description, expected: "\(Value.self)")
        }
        return converted
    }

    func text(_ column: String) throws -> String? {
        let value = try value(column)
        if case .string(let text) = value.storage { return text }
        return try converted(value, column)
    }

    func integer(_ column: String) throws -> Int64? {
        let value = try value(column)
        if case .int64(let number) = value.storage { return number }
        return try converted(value, column)
    }

    func boolean(_ column: String) throws -> Bool? {
        let value = try value(column)
        if case .int64(let number) = value.storage { return number != 0 }
        return try converted(value, column)
    }

    func bytes(_ column: String) throws -> Data? {
        let value = try value(column)
        if case .blob(let data) = value.storage { return data }
        return try converted(value, column)
    }

    /// `rows` as store rows sharing one lookup of their columns (every row of a result has the same).
    static func all(_ rows: [Row]) -> [any StoreRow] {
        guard let first = rows.first else { return [] }
        let columns = SQLiteColumns(first)
        return rows.map { SQLiteRow(row: $0, columns: columns) }
    }
}

/// Where each column of a result is, by name (the leftmost of a name, and in any case, as GRDB looks it up).
///
/// A list searched in order, not a dictionary: a result has a handful of columns, and comparing two short names
/// is cheaper than hashing one.
final class SQLiteColumns: Sendable {
    private let names: [String]

    convenience init(_ row: Row) {
        self.init(names: Array(row.columnNames))
    }

    init(names: [String]) {
        self.names = names.map { $0.lowercased() }
    }

    func index(of column: String) -> Int? {
        names.firstIndex(of: column) ?? names.firstIndex(of: column.lowercased())
    }
}

/// A column whose stored value is not of the type its reader asked for, the cause of a `corrupt` error.
struct ColumnTypeMismatch: Error, CustomStringConvertible {
    var column: String
    var value: String
    var expected: String
    var description: String { "column \(column) holds \(value), not a \(expected)" }
}
