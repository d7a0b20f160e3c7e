/// The body of a `deadline.reminder` (with `leadDays`) or `deadline.overdue` notification.
public struct DeadlineNotice: Sendable, Equatable, Codable {
    public var caseId: String
    public var kind: DeadlineKind
    public var dueAt: Instant
    /// Days before `dueAt` the reminder was due; absent on overdue notices.
    public var leadDays: Int?

    public init(caseId: String, kind: DeadlineKind, dueAt: Instant, leadDays: Int? = nil) {
        self.caseId = caseId
        self.kind = kind
        self.dueAt = dueAt
        self.leadDays = leadDays
    }
}
