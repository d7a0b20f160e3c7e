import ForloebStore
import Foundation
import GRDB

/// A row copied out of a statement, read by column name, for the store's row types (`StoreRow`): the reads that
/// keep their rows past the statement (a session's `rows(_:)`, the batch's loads).
///
/// The values are copied as GRDB's `DatabaseValue`s, straight from the stepped statement, and matched here: a GRDB
/// `Row` read through GRDB's generic decoding, unspecialised across the module boundary, instantiated type
/// metadata on every value, which made decoding a page of rows several times the cost of fetching it.
struct SQLiteRow: StoreRow {
    let values: [DatabaseValue]
    /// The result's columns, shared by its rows.
    let columns: ResultColumns

    private func value(_ column: String) throws -> DatabaseValue {
        guard let index = columns.index(of: column) else { throw MissingColumn(column) }
        return values[index]
    }

    func text(_ column: String) throws -> String? {
        let value = try value(column)
        if case .string(let text) = value.storage { return text }
        return try value.converted(column)
    }

    func integer(_ column: String) throws -> Int64? {
        let value = try value(column)
        if case .int64(let number) = value.storage { return number }
        return try value.converted(column)
    }

    func boolean(_ column: String) throws -> Bool? {
        let value = try value(column)
        if case .int64(let number) = value.storage { return number != 0 }
        return try value.converted(column)
    }

    func bytes(_ column: String) throws -> Data? {
        let value = try value(column)
        if case .blob(let data) = value.storage { return data }
        return try value.converted(column)
    }

    /// Every row of `sql`, copied.
    static func fetchAll(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [any StoreRow] {
        try decodeAll(db, sql, arguments) { row in
            SQLiteRow(
                values: (0..<CInt(row.columns.count)).map { DatabaseValue(sqliteStatement: row.statement, index: $0) },
                columns: row.columns)
        }
    }

    /// Every row of `sql`, each decoded by `decode` while the statement stands on it.
    static func decodeAll<Value>(
        _ db: Database, _ sql: String, _ arguments: StatementArguments, _ decode: (SQLiteCursorRow) throws -> Value
    ) throws -> [Value] {
        let prepared = try db.makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(prepared, arguments: arguments)
        let row = SQLiteCursorRow(
            statement: prepared.sqliteStatement, columns: ResultColumns(names: prepared.columnNames))
        var values: [Value] = []
        while try cursor.next() != nil {
            values.append(try decode(row))
        }
        return values
    }
}

extension DatabaseValue {
    /// This value of another storage class than the reader asked for, converted as GRDB converts it (text from
    /// a blob, an integer from a whole real), else a mismatch.
    func converted<Value: DatabaseValueConvertible>(_ column: String) throws -> Value? {
        if isNull { return nil }
        guard let converted = Value.fromDatabaseValue(self) else {
            throw ColumnTypeMismatch(column: column, value: description, expected: "\(Value.self)")
        }
        return converted
    }
}

/// A column whose stored value is not of the type its reader asked for, the cause of a `corrupt` error.
struct ColumnTypeMismatch: Error, CustomStringConvertible {
    var column: String
    var value: String
    var expected: String
    var description: String { "column \(column) holds \(value), not a \(expected)" }
}
