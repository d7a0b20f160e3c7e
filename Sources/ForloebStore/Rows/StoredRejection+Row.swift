import ForloebCore

extension StoredRejection {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns =
        "id, message_id, attempt, case_id, attached, type, code, rule, detail, occurred_at, recorded_at"

    /// A `rejections` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "rejections", key: "id")
        let rejection = Rejection(
            try r.value(RejectionCode.self, "code"), rule: try r.optionalValue(RuleID.self, "rule"),
            try r.string("detail"))
        self.init(
            event: RejectedEvent(
                messageId: try r.string("message_id"), caseId: try r.optionalString("case_id"),
                type: try r.string("type"), occurredAt: try r.optionalInstant("occurred_at"), rejection: rejection),
            attempt: try r.int("attempt"), attached: try r.bool("attached"), recordedAt: try r.instant("recorded_at"))
    }
}
