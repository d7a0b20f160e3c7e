import ForloebStore
import Foundation
import NIOCore
import PostgresNIO

/// A postgres-nio row read by column name, for the store's row types (`StoreRow`): a name is found in the
/// result's `ResultColumns`, shared by its rows (`PostgresResultReader`), and the value read at that position.
///
/// Why not `PostgresRandomAccessRow`: it copies every cell into an array for each row and hashes the name on every
/// read, twice with the check that the column is there; reading the batch's locked cases and their deadlines,
/// a couple of thousand rows, spent more on that than on decoding the values.
struct PostgresStoreRow: StoreRow {
    let row: PostgresRow
    let columns: ResultColumns

    private func cell(_ column: String) throws -> PostgresCell {
        guard let index = columns.index(of: column) else { throw MissingColumn(column) }
        return row[row.index(row.startIndex, offsetBy: index)]
    }

    func text(_ column: String) throws -> String? { try cell(column).decode(String?.self, context: .default) }
    func integer(_ column: String) throws -> Int64? { try cell(column).decode(Int64?.self, context: .default) }
    func boolean(_ column: String) throws -> Bool? { try cell(column).decode(Bool?.self, context: .default) }
    func bytes(_ column: String) throws -> Data? {
        try cell(column).decode(ByteBuffer?.self, context: .default).map { Data($0.readableBytesView) }
    }
}

/// Reads the rows of one result as `PostgresStoreRow`s: the column names are learnt from its first row and
/// shared by the rest.
struct PostgresResultReader {
    private var columns: ResultColumns?

    mutating func callAsFunction(_ row: PostgresRow) -> PostgresStoreRow {
        let columns = self.columns ?? ResultColumns(names: row.map(\.columnName))
        self.columns = columns
        return PostgresStoreRow(row: row, columns: columns)
    }
}
