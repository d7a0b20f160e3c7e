/// A `TextTable` printed a page at a time, for lists that can run to millions of rows (`stuck`, `overdue`): the
/// first page sets the columns' widths and later pages keep them, so memory holds one page, and the first rows
/// appear while the store is still reading.
struct StreamedTable {
    private var page: TextTable
    private var widths: [Int]?
    private let width = TerminalWidth.current
    /// Rows per page.
    static let pageSize = 1000

    init(_ table: TextTable) {
        page = table
    }

    mutating func add(_ row: [String], notes: [String] = [], style: TerminalStyle? = nil) {
        page.add(row, notes: notes, style: style)
        if page.rows.count >= Self.pageSize { flush() }
    }

    /// Prints the rows added since the last page (with the header, on the first).
    mutating func flush() {
        guard !page.rows.isEmpty else { return }
        let widths = self.widths ?? page.columnWidths(fittingIn: width)
        print(page.render(width: width, widths: widths, withHeader: self.widths == nil))
        self.widths = widths
        page.rows.removeAll(keepingCapacity: true)
    }
}
