import Foundation

/// Cases held in memory and advanced by the journey: what `forloeb check` runs, and the reference the
/// durable store must agree with.
///
/// It applies the same rules of delivery as the worker: a `messageId` seen before (accepted or rejected)
/// has no second effect, and a rejection is kept on its case when the case exists, else unattached.
public struct CaseBook: Sendable {
    public enum Outcome: Sendable, Equatable {
        case applied(Transition)
        case duplicate(messageId: String)
        case rejected(RejectedEvent)
    }

    public let journey: Journey
    public private(set) var cases: [String: CitizenCase] = [:]
    /// Case ids in the order they were opened, for stable output.
    public private(set) var caseOrder: [String] = []
    public private(set) var rejections: [String: [RejectedEvent]] = [:]
    public private(set) var unattached: [RejectedEvent] = []
    /// Accepted transitions per case, in order.
    public private(set) var history: [String: [Transition]] = [:]
    private var processed: Set<String> = []

    public init(journey: Journey) {
        self.journey = journey
    }

    /// Decodes and applies one message's bytes.
    @discardableResult
    public mutating func ingest(_ bytes: Data) -> Outcome {
        switch EventDecoder.decode(bytes) {
        case .success(let envelope):
            return ingest(envelope)
        case .failure(let rejected):
            guard processed.insert(rejected.messageId).inserted else {
                return .duplicate(messageId: rejected.messageId)
            }
            record(rejected)
            return .rejected(rejected)
        }
    }

    @discardableResult
    public mutating func ingest(_ envelope: EventEnvelope) -> Outcome {
        guard processed.insert(envelope.messageId).inserted else { return .duplicate(messageId: envelope.messageId) }
        switch journey.apply(envelope, to: cases[envelope.caseId]) {
        case .success(let transition):
            if cases[envelope.caseId] == nil { caseOrder.append(envelope.caseId) }
            cases[envelope.caseId] = transition.after
            history[envelope.caseId, default: []].append(transition)
            return .applied(transition)
        case .failure(let rejection):
            let rejected = RejectedEvent(
                messageId: envelope.messageId, caseId: envelope.caseId, type: envelope.type.rawValue,
                occurredAt: envelope.occurredAt, rejection: rejection)
            record(rejected)
            return .rejected(rejected)
        }
    }

    private mutating func record(_ rejected: RejectedEvent) {
        if let caseId = rejected.caseId, cases[caseId] != nil {
            rejections[caseId, default: []].append(rejected)
        } else {
            unattached.append(rejected)
        }
    }
}
