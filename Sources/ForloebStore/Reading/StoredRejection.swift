import ForloebCore

/// A rejection as recorded: the rejected event and which attempt it was (a replay is attempt 2, 3, …).
public struct StoredRejection: Sendable, Equatable {
    public var event: RejectedEvent
    public var attempt: Int
    /// Whether the case existed when the event was rejected (else the rejection is unattached).
    public var attached: Bool
    public var recordedAt: Instant

    public init(event: RejectedEvent, attempt: Int, attached: Bool, recordedAt: Instant) {
        self.event = event
        self.attempt = attempt
        self.attached = attached
        self.recordedAt = recordedAt
    }

    public var messageId: String { event.messageId }
    public var code: RejectionCode { event.rejection.code }
}
