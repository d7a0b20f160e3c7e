import ForloebCore

extension AuditRecord {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns = "sequence, operator, identity, at, action, case_id, reason, detail, prev_hash, hash"

    /// An `audit_log` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "audit_log", key: "sequence")
        self.init(
            sequence: try r.int64("sequence"),
            entry: AuditEntry(
                operatorId: try r.string("operator"), at: try r.instant("at"), action: try r.string("action"),
                caseId: try r.optionalString("case_id"), reason: try r.string("reason"), detail: try r.string("detail"),
                identity: try r.optionalString("identity")),
            prevHash: try r.string("prev_hash"), hash: try r.string("hash"))
    }
}
