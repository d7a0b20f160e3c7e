import ForloebCore
import Foundation

/// A notification written with the change that caused it, waiting to be published to
/// `forloeb.notifications` and marked sent once the broker confirms.
public struct OutboxMessage: Sendable, Equatable {
    /// Increasing in commit order within one writer: publish in `id` order.
    public var id: Int64
    public var messageId: String
    public var routingKey: String
    public var caseId: String?
    public var body: Data
    public var createdAt: Instant
    public var sentAt: Instant?

    public init(
        id: Int64, messageId: String, routingKey: String, caseId: String?, body: Data, createdAt: Instant,
        sentAt: Instant?
    ) {
        self.id = id
        self.messageId = messageId
        self.routingKey = routingKey
        self.caseId = caseId
        self.body = body
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}
