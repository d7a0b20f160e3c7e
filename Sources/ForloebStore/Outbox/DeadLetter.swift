import ForloebCore
import Foundation

/// A message that could not be tied to any case (malformed without a readable `caseId`), or that the store
/// failed to apply on every retry (`retry_exhausted`): kept with its raw bytes so an operator can inspect,
/// correct and replay it, or drop it.
public struct DeadLetter: Sendable, Equatable {
    public var id: Int64
    public var messageId: String
    public var body: Data
    public var code: DeadLetterCode
    public var detail: String
    public var receivedAt: Instant
    public var resolution: DeadLetterResolution?
    public var resolvedAt: Instant?

    public init(
        id: Int64, messageId: String, body: Data, code: DeadLetterCode, detail: String, receivedAt: Instant,
        resolution: DeadLetterResolution?, resolvedAt: Instant?
    ) {
        self.id = id
        self.messageId = messageId
        self.body = body
        self.code = code
        self.detail = detail
        self.receivedAt = receivedAt
        self.resolution = resolution
        self.resolvedAt = resolvedAt
    }
}

/// How an operator settled a dead letter.
public enum DeadLetterResolution: String, Sendable, Codable, CaseIterable {
    case dropped, replayed
}
