/// The result of applying one accepted event: the new case and what must happen because of it.
///
/// The store persists `after`, the log entry (`from`, `to`, `ruleSet`), the `deadlines` and the
/// `notifications` in one transaction; nothing here has happened yet.
public struct Transition: Sendable, Equatable {
    public var messageId: String
    public var type: EventType
    public var occurredAt: Instant
    /// `nil` when the event opened the case.
    public var from: CaseState?
    public var to: CaseState
    /// The rule set in force on the event's date, which judged it.
    public var ruleSet: RuleSetID
    public var after: CitizenCase
    /// Every deadline open after the event (replacing the ones before it).
    public var deadlines: [Deadline]
    public var notifications: [CaseNotification]
}
