import ForloebCore
import Foundation

extension TextTable {
    /// An instant as a cell: RFC 3339 with a space for the `T`, so that a narrow column breaks it between the date
    /// and the time rather than anywhere.
    static func instant(_ instant: Instant) -> String {
        instant.description.replacingOccurrences(of: "T", with: " ")
    }

    /// A case's course as a cell: its number and fixed end, or `-` before the first course.
    static func course(_ number: Int, ending end: CivilDate?) -> String {
        number == 0 ? "-" : end.map { "\(number) until \($0)" } ?? String(number)
    }

    /// A sentence or paragraph wrapped to the terminal like the tables' notes (as is when there is no width).
    static func paragraph(_ text: String, width: Int? = TerminalWidth.current) -> String {
        width.map { wrap(text, to: $0).joined(separator: "\n") } ?? text
    }
}
