/// Where each column of a result is, by name: found once per result and shared by its rows, so that a row read
/// by column name costs a short search, not a hash of the name per value read. A name matches the leftmost
/// column of that name, in any case, as GRDB looks it up.
///
/// A list searched in order, not a dictionary: a result has a handful of columns, and comparing two short names
/// is cheaper than hashing one.
package final class ResultColumns: Sendable {
    private let names: [String]

    package var count: Int { names.count }

    package init(names: [String]) {
        self.names = names.map { $0.lowercased() }
    }

    package func index(of column: String) -> Int? {
        names.firstIndex(of: column) ?? names.firstIndex(of: column.lowercased())
    }
}
