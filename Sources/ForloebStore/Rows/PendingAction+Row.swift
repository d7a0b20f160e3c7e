import ForloebCore

extension PendingAction {
    /// The columns `init(row:)` reads, for a `SELECT`.
    package static let columns = """
        id, verb, arguments, requested_by, requested_name, reason, created_at, status, approved_by, approved_name, \
        approval_reason, approved_at
        """

    /// A `pending_actions` row, by column name.
    package init(row: any StoreRow) throws(StoreError) {
        let r = RowReader(row, table: "pending_actions", key: "id")
        self.init(
            id: try r.int64("id"), verb: try r.value(Verb.self, "verb"), arguments: try r.string("arguments"),
            requestedBy: try r.string("requested_by"), requestedName: try r.string("requested_name"),
            reason: try r.string("reason"), createdAt: try r.instant("created_at"),
            status: try r.value(Status.self, "status"), approvedBy: try r.optionalString("approved_by"),
            approvedName: try r.optionalString("approved_name"),
            approvalReason: try r.optionalString("approval_reason"), approvedAt: try r.optionalInstant("approved_at"))
    }
}
