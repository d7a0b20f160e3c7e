import ForloebCore

extension HistoryEntry {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns =
        "case_id, position, message_id, type, from_state, to_state, occurred_at, actor, rule_set, recorded_at"

    /// An `events` row (without its body), by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "events", key: "case_id", "position")
        self.init(
            position: try r.int("position"), messageId: try r.string("message_id"),
            type: try r.value(EventType.self, "type"), from: try r.optionalValue(CaseState.self, "from_state"),
            to: try r.value(CaseState.self, "to_state"), occurredAt: try r.instant("occurred_at"),
            actor: try r.string("actor"), ruleSet: try r.value(RuleSetID.self, "rule_set"),
            recordedAt: try r.instant("recorded_at"))
    }
}
