/// One open deadline of a case: what is due and on which date.
///
/// A deadline falls due at the start of its date in Denmark, 00:00 Europe/Copenhagen (CONTRACT.md §6.6): the
/// caseworker's day, not UTC's, which would leave a deadline on 1 April not yet due at 01:00 Danish time. It is
/// overdue from then on until the case moves past it. Reminders go out `leadDays` (policy) before.
public struct Deadline: Hashable, Sendable, Codable, Comparable {
    public var kind: DeadlineKind
    public var dueOn: CivilDate

    public init(kind: DeadlineKind, dueOn: CivilDate) {
        self.kind = kind
        self.dueOn = dueOn
    }

    /// `dueOn`'s Danish midnight in UTC: `2026-03-31T22:00:00Z` for 1 April 2026, `2026-01-14T23:00:00Z` for
    /// 15 January 2026.
    public var dueAt: Instant { dueOn.danishMidnight }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        (lhs.dueOn, lhs.kind) < (rhs.dueOn, rhs.kind)
    }
}
