import ForloebStore
import Foundation
import NIOCore
import PostgresNIO

/// A postgres-nio row read by column name, for the store's row types (`StoreRow`).
struct PostgresStoreRow: StoreRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = PostgresRandomAccessRow(row) }

    private func cell(_ column: String) throws -> PostgresCell {
        guard row.contains(column) else { throw MissingColumn(column) }
        return row[column]
    }

    func text(_ column: String) throws -> String? { try cell(column).decode(String?.self, context: .default) }
    func integer(_ column: String) throws -> Int64? { try cell(column).decode(Int64?.self, context: .default) }
    func boolean(_ column: String) throws -> Bool? { try cell(column).decode(Bool?.self, context: .default) }
    func bytes(_ column: String) throws -> Data? {
        try cell(column).decode(ByteBuffer?.self, context: .default).map { Data($0.readableBytesView) }
    }
}

extension PostgresRow {
    /// This row as the store's row types read it.
    var stored: PostgresStoreRow { PostgresStoreRow(self) }
}

extension PostgresDriver {
    /// Decodes every row of `rows` with `decode` (a row type's `init(row:)`), by column name.
    static func collect<Value>(_ rows: PostgresRowSequence, _ decode: (any StoreRow) throws -> Value) async throws
        -> [Value]
    {
        var out: [Value] = []
        for try await row in rows {
            out.append(try decode(row.stored))
        }
        return out
    }
}
