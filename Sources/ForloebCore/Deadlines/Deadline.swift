/// One open deadline of a case: what is due and on which date.
///
/// A deadline falls due at the first instant (UTC) of its date; it is overdue from then on until the case
/// moves past it. Reminders go out `leadDays` (policy) before.
public struct Deadline: Hashable, Sendable, Codable, Comparable {
    public var kind: DeadlineKind
    public var dueOn: CivilDate

    public init(kind: DeadlineKind, dueOn: CivilDate) {
        self.kind = kind
        self.dueOn = dueOn
    }

    public var dueAt: Instant { dueOn.startInstant }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        (lhs.dueOn, lhs.kind) < (rhs.dueOn, rhs.kind)
    }
}
