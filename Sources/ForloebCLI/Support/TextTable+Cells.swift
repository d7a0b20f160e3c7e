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
}
