import PostgresNIO

/// A multi-row `VALUES` list with numbered, typed placeholders and its bindings: one round trip for many
/// rows, values always bound (never spliced into the SQL text).
struct BulkValues {
    let types: [String]
    private(set) var bindings = PostgresBindings()
    private(set) var rows: [String] = []

    init(types: [String]) {
        self.types = types
    }

    var isEmpty: Bool { rows.isEmpty }

    /// Adds one row; `append` must add exactly `types.count` values to the bindings.
    mutating func row(_ append: (inout PostgresBindings) -> Void) {
        let first = bindings.count + 1
        append(&bindings)
        precondition(bindings.count == first - 1 + types.count, "a row must bind one value per column")
        rows.append(
            "(" + types.enumerated().map { "$\(first + $0.offset)::\($0.element)" }.joined(separator: ",") + ")")
    }

    /// The statement `prefix VALUES (…), (…) suffix`.
    func query(_ prefix: String, _ suffix: String = "") -> PostgresQuery {
        PostgresQuery(unsafeSQL: prefix + " VALUES " + rows.joined(separator: ",") + " " + suffix, binds: bindings)
    }

    /// The list alone, for `FROM (VALUES …) AS v(…)`.
    var list: String { "VALUES " + rows.joined(separator: ",") }
}
