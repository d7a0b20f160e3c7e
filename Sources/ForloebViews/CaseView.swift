import ForloebCore
import ForloebStore

/// `forloeb show`'s document: the fields of CONTRACT.md §5 and what an operator needs next to them.
///
/// Shared by `forloeb show` and the console's case page, so that both say the same about a case.
public struct CaseView: Encodable, Sendable {
    public struct DeadlineEntry: Encodable, Sendable {
        public var kind: DeadlineKind
        public var dueAt: Instant
        public var overdue: Bool
        /// Days past due (positive) or until due (negative), by calendar date.
        public var daysOverdue: Int
    }

    public struct OutboxEntry: Encodable, Sendable {
        public var messageId: String
        public var routingKey: String
        public var createdAt: Instant
    }

    public struct HistoryEntryView: Encodable, Sendable {
        public var position: Int
        public var messageId: String
        public var type: EventType
        public var from: CaseState?
        public var to: CaseState
        public var occurredAt: Instant
        public var actor: String
        public var ruleSet: RuleSetID

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(position, forKey: .position)
            try c.encode(messageId, forKey: .messageId)
            try c.encode(type, forKey: .type)
            try c.encode(from, forKey: .from)  // explicit null for the event that opened the case
            try c.encode(to, forKey: .to)
            try c.encode(occurredAt, forKey: .occurredAt)
            try c.encode(actor, forKey: .actor)
            try c.encode(ruleSet, forKey: .ruleSet)
        }

        enum CodingKeys: String, CodingKey {
            case position, messageId, type, from, to, occurredAt, actor, ruleSet
        }
    }

    public struct RejectionView: Encodable, Sendable {
        public var messageId: String
        public var type: String
        public var code: RejectionCode
        public var rule: RuleID?
        public var detail: String
        public var attempt: Int
    }

    public var caseId: String
    public var state: CaseState
    public var overrun: Bool
    public var courseNumber: Int
    public var courseEnd: CivilDate?
    public var version: Int
    public var municipality: String
    public var caseworker: String?
    public var openedAt: Instant
    public var lastEventAt: Instant
    public var deadlines: [DeadlineEntry]
    public var history: [HistoryEntryView]
    public var rejections: [RejectionView]
    public var pendingNotifications: Int
    public var pendingOutbox: [OutboxEntry]

    public init(_ record: CaseRecord, now: Instant) {
        let c = record.snapshot
        caseId = c.caseId
        state = c.state
        overrun = c.isOverrun(at: now)
        courseNumber = c.courseNumber
        courseEnd = c.courseEnd
        version = c.version
        municipality = c.citizen.municipality
        caseworker = c.phase.course?.caseworker?.id
        openedAt = c.openedAt
        lastEventAt = c.lastEventAt
        deadlines = record.deadlines.map {
            DeadlineEntry(
                kind: $0.kind, dueAt: $0.dueAt, overdue: $0.dueAt <= now,
                daysOverdue: $0.dueOn.days(until: now.danishDate))
        }
        history = record.history.map {
            HistoryEntryView(
                position: $0.position, messageId: $0.messageId, type: $0.type, from: $0.from, to: $0.to,
                occurredAt: $0.occurredAt, actor: $0.actor, ruleSet: $0.ruleSet)
        }
        rejections = record.rejections.map {
            RejectionView(
                messageId: $0.messageId, type: $0.event.type, code: $0.code, rule: $0.event.rejection.rule,
                detail: $0.event.rejection.detail, attempt: $0.attempt)
        }
        pendingNotifications = record.pendingOutbox.count
        pendingOutbox = record.pendingOutbox.map {
            OutboxEntry(messageId: $0.messageId, routingKey: $0.routingKey, createdAt: $0.createdAt)
        }
    }

    enum CodingKeys: String, CodingKey {
        case caseId, state, overrun, courseNumber, courseEnd, version, municipality, caseworker, openedAt, lastEventAt
        case deadlines, history, rejections, pendingNotifications, pendingOutbox
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caseId, forKey: .caseId)
        try c.encode(state, forKey: .state)
        try c.encode(overrun, forKey: .overrun)
        try c.encode(courseNumber, forKey: .courseNumber)
        try c.encode(courseEnd, forKey: .courseEnd)  // null when no course runs (CONTRACT.md §5)
        try c.encode(version, forKey: .version)
        try c.encode(municipality, forKey: .municipality)
        try c.encode(caseworker, forKey: .caseworker)
        try c.encode(openedAt, forKey: .openedAt)
        try c.encode(lastEventAt, forKey: .lastEventAt)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(history, forKey: .history)
        try c.encode(rejections, forKey: .rejections)
        try c.encode(pendingNotifications, forKey: .pendingNotifications)
        try c.encode(pendingOutbox, forKey: .pendingOutbox)
    }
}
