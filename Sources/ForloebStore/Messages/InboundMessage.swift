import ForloebCore
import Foundation

/// One message to apply: its raw bytes, as received, and optionally what decoding them gave.
///
/// The worker decodes once to route and log; passing the result here saves decoding twice. The raw bytes
/// are what the event log keeps, so a rebuild replays exactly what arrived.
public struct InboundMessage: Sendable {
    public var body: Data
    public var decoded: Result<EventEnvelope, RejectedEvent>
    /// An operator's replay of a message that was rejected before: a new, audited attempt instead of a
    /// duplicate. A replay of an accepted message is still a duplicate.
    public var isReplay: Bool

    public init(body: Data, decoded: Result<EventEnvelope, RejectedEvent>? = nil, isReplay: Bool = false) {
        self.body = body
        self.decoded = decoded ?? EventDecoder.decode(body)
        self.isReplay = isReplay
    }

    /// The message id, or the stable fallback id of an unreadable message.
    public var messageId: String {
        switch decoded {
        case .success(let envelope): envelope.messageId
        case .failure(let rejected): rejected.messageId
        }
    }

    /// The case the message names, when it is readable.
    public var caseId: String? {
        switch decoded {
        case .success(let envelope): envelope.caseId
        case .failure(let rejected): rejected.caseId
        }
    }
}
