import ForloebStore
import Foundation
import GRDB

/// A GRDB row read by column name, for the store's row types (`StoreRow`). Unchecked: a row fetched into an
/// array is GRDB's own copy, and a cursor's row is read only within the callback it is handed to.
struct SQLiteRow: StoreRow, @unchecked Sendable {
    let row: Row

    init(_ row: Row) { self.row = row }

    private func decode<Value: DatabaseValueConvertible>(_ type: Value?.Type, _ column: String) throws -> Value? {
        guard row.hasColumn(column) else { throw MissingColumn(column) }
        return try row.decode(type, forColumn: column)
    }

    func text(_ column: String) throws -> String? { try decode(String?.self, column) }
    func integer(_ column: String) throws -> Int64? { try decode(Int64?.self, column) }
    func boolean(_ column: String) throws -> Bool? { try decode(Bool?.self, column) }
    func bytes(_ column: String) throws -> Data? { try decode(Data?.self, column) }
}

extension Row {
    /// This row as the store's row types read it.
    var stored: SQLiteRow { SQLiteRow(self) }
}
