import ForloebCore
import Foundation

/// One row as a back end read it, its columns found by name (as GRDB's `FetchableRecord` decodes them), so that a
/// query's column order is never a contract kept by a comment.
///
/// Each accessor returns `nil` for SQL NULL and throws for a column the row does not have or a value of another
/// type; `RowReader` turns those into `StoreError.corrupt` with the table, key and column.
package protocol StoreRow: Sendable {
    func text(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64?
    func boolean(_ column: String) throws -> Bool?
    func bytes(_ column: String) throws -> Data?
}

/// Reads one row of `table` into the store's value types: every value it does not know (an unknown state, kind,
/// code or rule set, a NULL where one is required) is a `corrupt` error naming the table, the row's key, the
/// column and the value, never a default.
package struct RowReader {
    package let row: any StoreRow
    package let table: String
    /// The columns that identify the row, for the error (`case_id`, `id`, …): at most two, held without an array,
    /// since a reader is made for every row read and the key is wanted only when a value does not read.
    private let firstKey: String
    private let secondKey: String?

    package var keyColumns: [String] { [firstKey] + (secondKey.map { [$0] } ?? []) }

    package init(_ row: any StoreRow, table: String, key: String, _ second: String? = nil) {
        self.row = row
        self.table = table
        self.firstKey = key
        self.secondKey = second
    }

    /// The row's key as text, as far as it reads.
    package var key: String {
        keyColumns.map { column in
            if let text = try? row.text(column) { return text }
            if let number = try? row.integer(column) { return String(number) }
            return "?"
        }.joined(separator: "/")
    }

    package func corrupt(_ column: String, _ value: String?, cause: (any Error)? = nil) -> StoreError {
        .corrupt(table: table, key: key, column: column, value: value, cause: cause)
    }

    private func read<T>(_ column: String, _ body: () throws -> T?) throws(StoreError) -> T? {
        do {
            return try body()
        } catch {
            throw corrupt(column, nil, cause: error)
        }
    }

    package func optionalString(_ column: String) throws(StoreError) -> String? {
        try read(column) { try row.text(column) }
    }

    package func string(_ column: String) throws(StoreError) -> String {
        guard let value = try optionalString(column) else { throw corrupt(column, nil) }
        return value
    }

    package func optionalInt64(_ column: String) throws(StoreError) -> Int64? {
        try read(column) { try row.integer(column) }
    }

    package func int64(_ column: String) throws(StoreError) -> Int64 {
        guard let value = try optionalInt64(column) else { throw corrupt(column, nil) }
        return value
    }

    package func int(_ column: String) throws(StoreError) -> Int { Int(try int64(column)) }

    package func bool(_ column: String) throws(StoreError) -> Bool {
        guard let value = try read(column, { try row.boolean(column) }) else { throw corrupt(column, nil) }
        return value
    }

    package func data(_ column: String) throws(StoreError) -> Data {
        guard let value = try read(column, { try row.bytes(column) }) else { throw corrupt(column, nil) }
        return value
    }

    package func instant(_ column: String) throws(StoreError) -> Instant {
        Instant(secondsSinceEpoch: try int64(column))
    }

    package func optionalInstant(_ column: String) throws(StoreError) -> Instant? {
        try optionalInt64(column).map { Instant(secondsSinceEpoch: $0) }
    }

    /// A value of `type`, which must be one this program knows.
    package func value<Value: RawRepresentable<String>>(_ type: Value.Type, _ column: String) throws(StoreError)
        -> Value
    {
        let raw = try string(column)
        guard let value = Value(rawValue: raw) else { throw corrupt(column, raw) }
        return value
    }

    /// A value of `type` or NULL; a value this program does not know is corrupt, not `nil`.
    package func optionalValue<Value: RawRepresentable<String>>(_ type: Value.Type, _ column: String)
        throws(StoreError) -> Value?
    {
        guard let raw = try optionalString(column) else { return nil }
        guard let value = Value(rawValue: raw) else { throw corrupt(column, raw) }
        return value
    }

    /// An ISO date (`YYYY-MM-DD`) or NULL.
    package func optionalDate(_ column: String) throws(StoreError) -> CivilDate? {
        guard let raw = try optionalString(column) else { return nil }
        guard let date = CivilDate(iso: raw) else { throw corrupt(column, raw) }
        return date
    }
}

/// A row without a column its reader needs (a query and its reader out of step), the cause of a `corrupt` error.
package struct MissingColumn: Error, CustomStringConvertible {
    package var column: String
    package init(_ column: String) { self.column = column }
    package var description: String { "the row has no column \(column)" }
}
