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

    private func decode<Value: DatabaseValueConvertible>(_ type: Value?.Type, _ column: String) throws -> Value? {
        guard let index = columns.index(of: column) else { throw MissingColumn(column) }
        return try row.decode(type, atIndex: index)
    }

    func text(_ column: String) throws -> String? { try decode(String?.self, column) }
    func integer(_ column: String) throws -> Int64? { try decode(Int64?.self, column) }
    func boolean(_ column: String) throws -> Bool? { try decode(Bool?.self, column) }
    func bytes(_ column: String) throws -> Data? { try decode(Data?.self, column) }

    /// `rows` as store rows sharing one lookup of their columns (every row of a result has the same).
    static func all(_ rows: [Row]) -> [any StoreRow] {
        guard let first = rows.first else { return [] }
        let columns = SQLiteColumns(first)
        return rows.map { SQLiteRow(row: $0, columns: columns) }
    }
}

/// Where each column of a result is, by name (the leftmost of a name, and in any case, as GRDB looks it up).
final class SQLiteColumns: Sendable {
    private let positions: [String: Int]

    init(_ row: Row) {
        var positions: [String: Int] = [:]
        for (index, name) in row.columnNames.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = index
        }
        self.positions = positions
    }

    func index(of column: String) -> Int? { positions[column] ?? positions[column.lowercased()] }
}

