/// A plain aligned table for the human output of read verbs.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// A colour per row index, applied after padding so that escape codes never break the alignment.
    var styles: [Int: TerminalStyle] = [:]

    init(_ header: String...) {
        self.header = header
    }

    mutating func add(_ row: [String], style: TerminalStyle? = nil) {
        if let style { styles[rows.count] = style }
        rows.append(row)
    }

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        let body = rows.enumerated().map { index, row in styles[index].map { $0.apply(line(row)) } ?? line(row) }
        return ([TerminalStyle.bold.apply(line(header))] + body).joined(separator: "\n")
    }
}
