import ForloebCore

extension ProcessedMark {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns = "message_id, outcome, attempts"

    /// A `processed_messages` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "processed_messages", key: "message_id")
        self.init(outcome: try r.value(Outcome.self, "outcome"), attempts: try r.int("attempts"))
    }
}
