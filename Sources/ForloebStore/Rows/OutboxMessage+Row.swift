import ForloebCore
import Foundation

extension OutboxMessage {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns = "id, message_id, routing_key, case_id, body, created_at, sent_at"

    /// An `outbox` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "outbox", key: "id")
        self.init(
            id: try r.int64("id"), messageId: try r.string("message_id"), routingKey: try r.string("routing_key"),
            caseId: try r.optionalString("case_id"), body: Data(try r.string("body").utf8),
            createdAt: try r.instant("created_at"), sentAt: try r.optionalInstant("sent_at"))
    }
}
