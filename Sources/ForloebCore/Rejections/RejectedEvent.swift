/// A rejection together with what is known of the message it rejects.
///
/// For a malformed message the case id, type and even the message id may be unreadable; an unreadable
/// message id is replaced by a stable one derived from the bytes, so the same bad message is recognised
/// as a duplicate.
public struct RejectedEvent: Error, Sendable, Equatable, Codable {
    public var messageId: String
    public var caseId: String?
    /// The wire `type` as sent (may be unknown or missing).
    public var type: String
    public var occurredAt: Instant?
    public var rejection: Rejection

    public init(messageId: String, caseId: String?, type: String, occurredAt: Instant?, rejection: Rejection) {
        self.messageId = messageId
        self.caseId = caseId
        self.type = type
        self.occurredAt = occurredAt
        self.rejection = rejection
    }
}
