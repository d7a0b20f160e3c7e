import ForloebCore

extension CaseSummary {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns =
        "case_id, state, municipality, caseworker, course_number, course_end, version, last_event_at"

    /// A `cases` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "cases", key: "case_id")
        self.init(
            caseId: try r.string("case_id"), state: try r.value(CaseState.self, "state"),
            municipality: try r.string("municipality"), caseworker: try r.optionalString("caseworker"),
            courseNumber: try r.int("course_number"), courseEnd: try r.optionalDate("course_end"),
            version: try r.int("version"), lastEventAt: try r.instant("last_event_at"))
    }
}
