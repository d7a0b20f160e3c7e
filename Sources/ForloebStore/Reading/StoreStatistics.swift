import ForloebCore

/// The fleet's health at a glance, for `forloeb stats`: each figure costs what it prints, not what the store
/// holds (counters for cases and deadlines, a bounded count of the outbox; see `SQLCaseStore.statistics`).
public struct StoreStatistics: Sendable, Equatable {
    public var casesByState: [CaseState: Int]
    /// Open deadlines already due at the moment asked about.
    public var overdueByKind: [DeadlineKind: Int]
    /// Rejections recorded in the 24 hours before the moment asked about.
    public var rejectionsLastDay: [RejectionCode: Int]
    /// Rejections recorded in the 7 days before the moment asked about.
    public var rejectionsLastWeek: [RejectionCode: Int]
    /// Notifications not yet confirmed by the broker, counted up to `countLimit`.
    public var outboxPending: Int
    /// Whether more than `countLimit` notifications wait (then `outboxPending` is `countLimit`): past that the
    /// relay is down or far behind, which the oldest one's age says better than an exact count would.
    public var outboxPendingCapped = false

    /// How far `stats` counts the outbox: counting a backlog of millions row by row would take seconds.
    public static let countLimit = 100_000
    /// When the oldest of them was written; `nil` when the outbox is empty.
    public var oldestPendingAt: Instant?
    /// Dead letters not yet replayed or dropped.
    public var openDeadLetters: Int
    /// Appeals waiting for the municipality's reconsideration or for Ankestyrelsen: each has exactly one open
    /// deadline that watches it (`DeadlineKind.watchesAnAppeal`). Those overdue are in `overdueByKind`.
    public var openAppeals: Int

    /// Appeals whose reconsideration is overdue or whose ruling has waited past the policy's threshold.
    public var overdueAppeals: Int {
        overdueByKind.filter { $0.key.watchesAnAppeal }.values.reduce(0, +)
    }

    public init(
        casesByState: [CaseState: Int], overdueByKind: [DeadlineKind: Int], rejectionsLastDay: [RejectionCode: Int],
        rejectionsLastWeek: [RejectionCode: Int], outboxPending: Int, oldestPendingAt: Instant?, openDeadLetters: Int,
        openAppeals: Int = 0
    ) {
        self.openAppeals = openAppeals
        self.casesByState = casesByState
        self.overdueByKind = overdueByKind
        self.rejectionsLastDay = rejectionsLastDay
        self.rejectionsLastWeek = rejectionsLastWeek
        self.outboxPending = outboxPending
        self.oldestPendingAt = oldestPendingAt
        self.openDeadLetters = openDeadLetters
    }
}
