import ForloebCore

extension DeadLetter {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns = "id, message_id, body, code, detail, received_at, resolution, resolved_at"

    /// A `dead_letters` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "dead_letters", key: "id")
        let code = try r.string("code")
        guard DeadLetterCode.known.contains(code) else { throw r.corrupt("code", code) }
        self.init(
            id: try r.int64("id"), messageId: try r.string("message_id"), body: try r.data("body"),
            code: DeadLetterCode(rawValue: code), detail: try r.string("detail"),
            receivedAt: try r.instant("received_at"),
            resolution: try r.optionalValue(DeadLetterResolution.self, "resolution"),
            resolvedAt: try r.optionalInstant("resolved_at"))
    }
}
