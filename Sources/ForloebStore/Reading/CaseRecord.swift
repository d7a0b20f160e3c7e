import ForloebCore

/// Everything the store holds about one case: what `forloeb show` prints.
public struct CaseRecord: Sendable, Equatable {
    public var snapshot: CitizenCase
    /// Accepted events in order (position 1 is `case.opened`).
    public var history: [HistoryEntry]
    /// Rejections recorded on the case, oldest first.
    public var rejections: [StoredRejection]
    /// Open deadlines, earliest first.
    public var deadlines: [Deadline]
    /// Notifications about the case not yet confirmed by the broker.
    public var pendingOutbox: [OutboxMessage]

    public init(
        snapshot: CitizenCase, history: [HistoryEntry], rejections: [StoredRejection], deadlines: [Deadline],
        pendingOutbox: [OutboxMessage]
    ) {
        self.snapshot = snapshot
        self.history = history
        self.rejections = rejections
        self.deadlines = deadlines
        self.pendingOutbox = pendingOutbox
    }
}
