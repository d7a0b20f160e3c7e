/// An aligned table for the human output of read verbs, fitted to the terminal.
///
/// Short values go in columns; long text (why a case is stuck, a rejection's detail) goes in notes on their own
/// lines under the row, so that one long sentence never widens every row. Given a width (`TerminalWidth`), the
/// widest columns are narrowed first and their cells wrap onto more lines, and the notes wrap with a hanging
/// indent: nothing is cut off. Without one (piped, no `COLUMNS`), each row and note stays on one line, for
/// `grep` and scripts.
struct TextTable {
    struct Row {
        var cells: [String]
        var notes: [String]
        var style: TerminalStyle?
    }

    var header: [String]
    var rows: [Row] = []

    /// How far notes are indented under their row, and their continuation lines under the note.
    static let noteIndent = 2
    static let continuationIndent = 4

    init(_ header: String...) {
        self.header = header
    }

    /// Adds a row; `notes` are printed under it, each on its own lines; `style` colours the row and its notes
    /// (after padding, so that escape codes never break the alignment).
    mutating func add(_ row: [String], notes: [String] = [], style: TerminalStyle? = nil) {
        rows.append(Row(cells: row, notes: notes, style: style))
    }

    func render(width: Int? = TerminalWidth.current) -> String {
        render(width: width, widths: columnWidths(fittingIn: width), withHeader: true)
    }

    /// The rows in columns of `widths` (another page's, for `StreamedTable`): a cell wider than its column wraps
    /// when there is a terminal width, and stays whole on its line when there is none.
    func render(width: Int?, widths: [Int], withHeader: Bool) -> String {
        func lines(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { index, cell in
                width == nil && cell.count > widths[index] ? [cell] : Self.wrap(cell, to: widths[index])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                wrapped.enumerated().map { index, cellLines in
                    let text = line < cellLines.count ? cellLines[line] : ""
                    return index == cells.count - 1
                        ? text : text + String(repeating: " ", count: max(0, widths[index] - text.count))
                }.joined(separator: "  ").trailingSpacesRemoved
            }
        }
        var out = withHeader ? lines(header).map(TerminalStyle.bold.apply) : []
        for row in rows {
            var rowLines = lines(row.cells + Array(repeating: "", count: max(0, header.count - row.cells.count)))
            for note in row.notes {
                rowLines += Self.hanging(note, width: width)
            }
            out += rowLines.map { line in row.style.map { $0.apply(line) } ?? line }
        }
        return out.joined(separator: "\n")
    }

    /// Each column's width: its widest cell, or, when the total would pass `width`, narrower. The widest columns
    /// give way first (one cap for all of them, the narrow columns keep theirs), down to each column's longest
    /// piece that cannot be broken (`pieces`), so that names and ids stay whole; only a table that cannot fit so
    /// has its pieces cut.
    func columnWidths(fittingIn width: Int?) -> [Int] {
        let all = [header] + rows.map(\.cells)
        var natural = header.map { _ in 0 }
        var unbreakable = natural
        for cells in all {
            for (index, cell) in cells.enumerated() where index < natural.count {
                natural[index] = max(natural[index], cell.count)
                unbreakable[index] = max(unbreakable[index], Self.longestPiece(cell))
            }
        }
        guard let width else { return natural }
        let available = width - 2 * (natural.count - 1)
        guard natural.reduce(0, +) > available else { return natural }
        let floor = unbreakable.reduce(0, +) <= available ? unbreakable : natural.map { min($0, 4) }
        func widths(cap: Int) -> [Int] { natural.indices.map { max(floor[$0], min(natural[$0], cap)) } }
        var cap = natural.max() ?? 0
        while cap > 0 && widths(cap: cap).reduce(0, +) > available { cap -= 1 }
        var fitted = widths(cap: cap)
        // Twice: give what is left to the columns nearest to fitting whole, then take back what wrapping leaves
        // unused (a date and time broken at its space needs only the date's width).
        for _ in 0..<2 {
            var spare = available - fitted.reduce(0, +)
            for index in fitted.indices.sorted(by: { natural[$0] - fitted[$0] < natural[$1] - fitted[$1] })
            where spare > 0 && natural[index] > fitted[index] {
                let more = min(spare, natural[index] - fitted[index])
                fitted[index] += more
                spare -= more
            }
            for index in fitted.indices {
                fitted[index] =
                    all.map { cells in
                        index < cells.count ? Self.wrap(cells[index], to: fitted[index]).map(\.count).max() ?? 0 : 0
                    }.max() ?? fitted[index]
            }
        }
        return fitted
    }

    /// `note` indented under its row, wrapped to `width` with a hanging indent (one line when there is no width).
    static func hanging(_ note: String, width: Int?) -> [String] {
        let first = String(repeating: " ", count: noteIndent)
        guard let width else { return [first + note] }
        let rest = String(repeating: " ", count: continuationIndent)
        let head = wrap(note, to: max(8, width - noteIndent))
        guard head.count > 1 else { return head.map { first + $0 } }
        let tail = wrap(
            head.dropFirst().joined(separator: " "), to: max(8, width - continuationIndent))
        return [first + head[0]] + tail.map { rest + $0 }
    }

    /// `text` in lines of at most `width` characters: broken at spaces, else after `_`, `.`, `,` or `/` inside a
    /// word (`awaiting_` / `decision`), else, for a piece longer than a line, anywhere.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0, text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        func emit() {
            lines.append(line)
            line = ""
        }
        for word in text.split(separator: " ") {
            let space = line.isEmpty ? "" : " "
            if line.count + space.count + word.count <= width {
                line += space + word
                continue
            }
            if !line.isEmpty { emit() }
            if word.count <= width {
                line = String(word)
                continue
            }
            for piece in pieces(word) {
                if line.count + piece.count <= width {
                    line += piece
                    continue
                }
                if !line.isEmpty { emit() }
                var rest = Substring(piece)
                while rest.count > width {
                    lines.append(String(rest.prefix(width)))
                    rest = rest.dropFirst(width)
                }
                line = String(rest)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Where a word may be broken: after each `_`, `.`, `,` and `/`.
    static func pieces(_ word: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = word.startIndex
        for index in word.indices where "_.,/".contains(word[index]) {
            let end = word.index(after: index)
            pieces.append(word[start..<end])
            start = end
        }
        if start < word.endIndex { pieces.append(word[start...]) }
        return pieces
    }

    /// The longest part of `text` that `wrap` keeps on one line.
    static func longestPiece(_ text: String) -> Int {
        text.split(separator: " ").flatMap(pieces).map(\.count).max() ?? 0
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
