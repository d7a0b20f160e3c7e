/// One inbound message: the contract's envelope around a typed event.
public struct EventEnvelope: Sendable, Equatable {
    /// Unique per message; the same id twice has the effect of once.
    public var messageId: String
    public var caseId: String
    /// When it happened in the case system; every deadline counts from these dates.
    public var occurredAt: Instant
    /// The caseworker's or system's id (never a CPR number).
    public var actor: String
    public var event: CaseEvent

    public init(messageId: String, caseId: String, occurredAt: Instant, actor: String, event: CaseEvent) {
        self.messageId = messageId
        self.caseId = caseId
        self.occurredAt = occurredAt
        self.actor = actor
        self.event = event
    }

    public var type: EventType { event.type }
}
