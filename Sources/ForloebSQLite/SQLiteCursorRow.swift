import ForloebStore
import Foundation
import GRDB
import GRDBSQLite

/// The row a statement stands on while a cursor steps it, read by column name straight from SQLite
/// (`sqlite3_column_*`), for the store's row types (`StoreRow`). Unchecked: it is read only while the cursor stands
/// on the row, on the connection's thread (`SQLiteSession.rows(_:as:)`).
///
/// Why not GRDB's `Row`: reading a value through GRDB's generic decoding, unspecialised across the module
/// boundary, instantiated type metadata on every read; a page of `overdue` spent several times its fetch decoding.
/// A value of another storage class than the reader asks for is converted as GRDB converts it, or is a mismatch.
struct SQLiteCursorRow: StoreRow, @unchecked Sendable {
    let statement: SQLiteStatement
    let columns: ResultColumns

    private func index(_ column: String) throws -> CInt {
        guard let index = columns.index(of: column) else { throw MissingColumn(column) }
        return CInt(index)
    }

    private func converted<Value: DatabaseValueConvertible>(_ index: CInt, _ column: String) throws -> Value? {
        try DatabaseValue(sqliteStatement: statement, index: index).converted(column)
    }

    func text(_ column: String) throws -> String? {
        let index = try index(column)
        guard sqlite3_column_type(statement, index) == SQLITE_TEXT, let text = sqlite3_column_text(statement, index)
        else { return try converted(index, column) }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func integer(_ column: String) throws -> Int64? {
        let index = try index(column)
        guard sqlite3_column_type(statement, index) == SQLITE_INTEGER else { return try converted(index, column) }
        return sqlite3_column_int64(statement, index)
    }

    func boolean(_ column: String) throws -> Bool? {
        let index = try index(column)
        guard sqlite3_column_type(statement, index) == SQLITE_INTEGER else { return try converted(index, column) }
        return sqlite3_column_int64(statement, index) != 0
    }

    func bytes(_ column: String) throws -> Data? {
        let index = try index(column)
        guard sqlite3_column_type(statement, index) == SQLITE_BLOB else { return try converted(index, column) }
        let count = Int(sqlite3_column_bytes(statement, index))
        guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}
