import ForloebCore
import ForloebStore
import Foundation

/// A dead letter as the `dead-letters` verbs and the console show it: the body as text when it is UTF-8.
public struct DeadLetterView: Encodable, Sendable {
    public var id: Int64
    public var messageId: String
    public var code: DeadLetterCode
    public var detail: String
    public var receivedAt: Instant
    public var resolution: DeadLetterResolution?
    public var resolvedAt: Instant?
    public var body: String

    public init(_ letter: DeadLetter) {
        id = letter.id
        messageId = letter.messageId
        code = letter.code
        detail = letter.detail
        receivedAt = letter.receivedAt
        resolution = letter.resolution
        resolvedAt = letter.resolvedAt
        body = String(data: letter.body, encoding: .utf8) ?? letter.body.base64EncodedString()
    }
}
