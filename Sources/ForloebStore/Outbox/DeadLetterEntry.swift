import Foundation

/// A dead letter to record outside a batch: a message the store failed to apply on every retry.
///
/// The dead letters of a batch (messages tied to no case) are written by `apply` with the rest of the batch;
/// this one is written when the worker gives up retrying, so that the store lists (and can replay) every dead
/// letter the broker's `forloeb.events.dead` holds, with the same message id, code and detail.
public struct DeadLetterEntry: Sendable, Equatable {
    public var messageId: String
    /// The message's bytes as received: what `forloeb dead-letters replay` applies.
    public var body: Data
    public var code: DeadLetterCode
    public var detail: String

    public init(messageId: String, body: Data, code: DeadLetterCode, detail: String) {
        self.messageId = messageId
        self.body = body
        self.code = code
        self.detail = detail
    }
}
