import ForloebCore
import Foundation

/// A `CHECK` constraint on a column that holds one of the program's enums, its allowed values generated from the
/// enum's `allCases`, so that a value added to an enum (a deadline kind, an event type) reaches the schema with
/// the next `migrate` and a value forloeb does not know is never written.
///
/// `forloeb_enum_checks` records the values each constraint was written with; `migrate` rewrites the ones whose
/// values changed (PostgreSQL: drop and add the constraint; SQLite: rebuild the table, as SQLite cannot alter a
/// constraint). `NULL` passes a `CHECK`; the columns that require a value are `NOT NULL` besides.
package struct EnumCheck: Sendable, Equatable {
    package var table: String
    package var column: String
    package var values: [String]

    package var name: String { "\(table)_\(column)_known" }

    /// The allowed values as one line, as recorded in `forloeb_enum_checks`.
    package var allowed: String { values.joined(separator: ",") }

    /// The constraint's condition in `dialect`.
    ///
    /// SQLite gets a chain of comparisons rather than `IN (…)`: it evaluates an `IN` over more than two constants
    /// by building a temporary index of the list, once per statement execution, and a batch executes its cached
    /// `INSERT` once per row. That cost about 6 µs per checked column per row, four columns per event, where a
    /// chain of 40 comparisons costs about 0.5 µs (`scripts/sqlite-check-cost.py`). PostgreSQL scans an `IN`
    /// list in place.
    package func condition(in dialect: StoreDialect) -> String {
        let literals = values.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }
        switch dialect {
        case .postgres: return "\(column) IN (" + literals.joined(separator: ", ") + ")"
        case .sqlite: return literals.map { "\(column) = \($0)" }.joined(separator: " OR ")
        }
    }

    /// Every enum column, tables in the order a batch takes them (so that a migration running beside a worker
    /// waits for it rather than deadlocking with it).
    package static var all: [EnumCheck] {
        let states = CaseState.allCases.map(\.rawValue)
        let kinds = DeadlineKind.allCases.map(\.rawValue)
        return [
            EnumCheck(table: "cases", column: "state", values: states),
            EnumCheck(table: "events", column: "type", values: EventType.allCases.map(\.rawValue)),
            EnumCheck(table: "events", column: "from_state", values: states),
            EnumCheck(table: "events", column: "to_state", values: states),
            EnumCheck(table: "events", column: "rule_set", values: RuleSetID.allCases.map(\.rawValue)),
            EnumCheck(table: "deadlines", column: "kind", values: kinds),
            EnumCheck(table: "notification_log", column: "kind", values: kinds),
            EnumCheck(table: "case_counts", column: "state", values: states),
            EnumCheck(table: "deadline_counts", column: "kind", values: kinds),
            EnumCheck(table: "rejections", column: "code", values: RejectionCode.allCases.map(\.rawValue)),
            EnumCheck(table: "rejections", column: "rule", values: RuleID.allCases.map(\.rawValue)),
            EnumCheck(table: "rejection_counts", column: "code", values: RejectionCode.allCases.map(\.rawValue)),
            EnumCheck(table: "dead_letters", column: "code", values: DeadLetterCode.known),
        ]
    }

    /// The tables whose checks differ from `recorded` (constraint name → allowed values), in `all`'s order.
    package static func stale(recorded: [String: String]) -> [(table: String, checks: [EnumCheck])] {
        var tables: [(table: String, checks: [EnumCheck])] = []
        for check in all where recorded[check.name] != check.allowed {
            if let index = tables.firstIndex(where: { $0.table == check.table }) {
                tables[index].checks.append(check)
            } else {
                tables.append((check.table, [check]))
            }
        }
        return tables
    }

    /// The table that records each constraint's values (migration `007_enum_checks`).
    package static let registrySQL =
        "CREATE TABLE forloeb_enum_checks (name TEXT PRIMARY KEY NOT NULL, allowed TEXT NOT NULL)"

    /// PostgreSQL: rewrites `checks` of `table` in place (the new constraint checks every row once).
    package static func postgresStatements(table: String, checks: [EnumCheck]) -> String {
        "ALTER TABLE \(table) "
            + checks.map { "DROP CONSTRAINT IF EXISTS \($0.name), ADD CONSTRAINT \($0.name) CHECK (\($0.condition(in: .postgres)))" }
            .joined(separator: ", ")
    }

    /// SQLite: the table's `CREATE TABLE` statement `sql` (as `sqlite_schema` holds it) renamed to `newName`, with
    /// the constraints of `checks` of `table` in place of those a previous forloeb wrote.
    package static func sqliteCreateTable(_ sql: String, renamedTo newName: String, table: String) -> String? {
        guard let open = sql.firstIndex(of: "("), let close = sql.lastIndex(of: ")") else { return nil }
        var body = String(sql[sql.index(after: open)..<close])
        if let marker = body.range(of: sqliteMarker) { body = String(body[..<marker.lowerBound]) }
        while body.last?.isWhitespace == true || body.last == "," { body.removeLast() }
        let constraints = all.filter { $0.table == table }.map { "CONSTRAINT \($0.name) CHECK (\($0.condition(in: .sqlite)))" }
        let suffix = sql[sql.index(after: close)...]
        return "CREATE TABLE \(newName) (" + body + ",\n    " + sqliteMarker + " "
            + constraints.joined(separator: ",\n    ") + "\n)" + suffix
    }

    /// Where a table's generated constraints start in SQLite's stored schema text.
    static let sqliteMarker = "/* forloeb: enum checks */"
}
