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

    /// The JSON body, keys sorted so that the same notification is byte-identical every time (written as
    /// `JSONEncoder` with sorted keys would; see `CanonicalJSONWriter`).
    public func body() -> Data {
        var w = CanonicalJSONWriter(capacity: 256)
        switch self {
        case .stateChanged(let change):
            w.object { w in
                w.member("at", change.at)
                w.member("caseId", change.caseId)
                w.member("causedBy", change.causedBy)
                w.member("courseNumber", change.courseNumber)
                w.member("from", orNull: change.from?.rawValue)  // explicit null for a newly opened case
                w.member("ruleSet", change.ruleSet.rawValue)
                w.member("to", change.to.rawValue)
            }
        case .deadlineReminder(let notice), .deadlineOverdue(let notice):
            w.object { w in
                w.member("caseId", notice.caseId)
                w.member("dueAt", notice.dueAt)
                w.member("kind", notice.kind.rawValue)
                w.member("leadDays", ifPresent: notice.leadDays)
            }
        case .eventRejected(let rejected):
            // The contract's flat `event.rejected` body.
            w.object { w in
                w.member("caseId", ifPresent: rejected.caseId)
                w.member("code", rejected.rejection.code.rawValue)
                w.member("detail", rejected.rejection.detail)
                w.member("messageId", rejected.messageId)
                w.member("rule", ifPresent: rejected.rejection.rule?.rawValue)
                w.member("type", rejected.type)
            }
        }
        return Data(w.bytes)
    }
}
