import ForloebCore

/// An open deadline that has fallen due (or will within a reminder's lead time), with its case.
public struct DueDeadline: Sendable, Equatable, Hashable {
    public var caseId: String
    public var deadline: Deadline

    public init(caseId: String, deadline: Deadline) {
        self.caseId = caseId
        self.deadline = deadline
    }
}

extension DueDeadline {
    /// How far from a deadline row's `due_at` a recorded notice still counts as that deadline's (seconds).
    ///
    /// Why: stores written before deadlines fell due at Danish midnight (CONTRACT.md §6.6) hold 00:00 UTC, one
    /// or two hours after the Danish midnight of the same date. A row rewritten since (by `forloeb rebuild`, or
    /// by the worker when its case moves) must not have its reminder and overdue notice sent again, and a row
    /// not yet rewritten must not stay a candidate after its notice was recorded at the new instant (a page of
    /// those would starve the scheduler). Two deadlines of one kind on different dates are at least 22 hours
    /// apart, so the window never joins two deadlines.
    public static let sameDeadlineSeconds = 7_200
}
