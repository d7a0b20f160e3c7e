import ForloebCore

/// One accepted event as the case's log keeps it.
public struct HistoryEntry: Sendable, Equatable {
    /// 1-based; equals the case's `version` right after the event.
    public var position: Int
    public var messageId: String
    public var type: EventType
    /// `nil` for the event that opened the case.
    public var from: CaseState?
    public var to: CaseState
    public var occurredAt: Instant
    public var actor: String
    public var ruleSet: RuleSetID
    /// When the store recorded it (the processing clock, not the case system's).
    public var recordedAt: Instant

    public init(
        position: Int, messageId: String, type: EventType, from: CaseState?, to: CaseState, occurredAt: Instant,
        actor: String, ruleSet: RuleSetID, recordedAt: Instant
    ) {
        self.position = position
        self.messageId = messageId
        self.type = type
        self.from = from
        self.to = to
        self.occurredAt = occurredAt
        self.actor = actor
        self.ruleSet = ruleSet
        self.recordedAt = recordedAt
    }
}
