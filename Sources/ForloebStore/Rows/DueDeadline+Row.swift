import ForloebCore

extension DueDeadline {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns = "case_id, kind, due_at"

    /// A `deadlines` row, by column name. Its date is the Danish date of `due_at`, which reads both the Danish
    /// midnight written now and the 00:00 UTC of stores written before (`forloeb rebuild` rewrites those).
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "deadlines", key: "case_id", "kind")
        self.init(
            caseId: try r.string("case_id"),
            deadline: Deadline(
                kind: try r.value(DeadlineKind.self, "kind"), dueOn: try r.instant("due_at").danishDate))
    }
}

extension DeadlineChanges.Row {
    /// A `deadlines` row as stored (its kind checked, its due time as written), by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "deadlines", key: "case_id", "kind")
        self.init(
            caseId: try r.string("case_id"), kind: try r.value(DeadlineKind.self, "kind").rawValue,
            dueAt: try r.int("due_at"))
    }
}
