import Foundation

/// An outbound message to `forloeb.notifications` (CONTRACT.md §4).
///
/// Its `messageId` is derived from what caused it, so the same notification produced twice (a replay, a
/// second scheduler, a resend) has the same id and consumers can drop the copy.
public enum CaseNotification: Sendable, Equatable {
    case stateChanged(StateChange)
    case deadlineReminder(DeadlineNotice)
    case deadlineOverdue(DeadlineNotice)
    case eventRejected(RejectedEvent)

    public var routingKey: String {
        switch self {
        case .stateChanged: "state.changed"
        case .deadlineReminder: "deadline.reminder"
        case .deadlineOverdue: "deadline.overdue"
        case .eventRejected: "event.rejected"
        }
    }

    public var caseId: String? {
        switch self {
        case .stateChanged(let change): change.caseId
        case .deadlineReminder(let notice), .deadlineOverdue(let notice): notice.caseId
        case .eventRejected(let rejected): rejected.caseId
        }
    }

    public var messageId: String {
        switch self {
        case .stateChanged(let change): "\(change.causedBy)/state.changed"
        case .deadlineReminder(let n): "\(n.caseId)/\(n.kind.rawValue)/\(n.dueAt)/reminder"
        case .deadlineOverdue(let n): "\(n.caseId)/\(n.kind.rawValue)/\(n.dueAt)/overdue"
        case .eventRejected(let rejected): "\(rejected.messageId)/event.rejected"
        }
    }

    /// The JSON body, keys sorted so that the same notification is byte-identical every time.
    public func body() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .stateChanged(let change): return (try? encoder.encode(change)) ?? Data()
        case .deadlineReminder(let notice), .deadlineOverdue(let notice): return (try? encoder.encode(notice)) ?? Data()
        case .eventRejected(let rejected): return (try? encoder.encode(RejectionBody(rejected))) ?? Data()
        }
    }
}

/// The contract's flat `event.rejected` body.
private struct RejectionBody: Encodable {
    var caseId: String?
    var messageId: String
    var type: String
    var code: RejectionCode
    var rule: RuleID?
    var detail: String

    init(_ rejected: RejectedEvent) {
        caseId = rejected.caseId
        messageId = rejected.messageId
        type = rejected.type
        code = rejected.rejection.code
        rule = rejected.rejection.rule
        detail = rejected.rejection.detail
    }
}
