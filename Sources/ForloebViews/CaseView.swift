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

    /// One appeal (CONTRACT.md §6.4): the contract's four fields, then its history.
    public struct AppealView: Encodable, Sendable {
        public var decision: String
        public var receivedOn: CivilDate
        public var status: AppealStatus
        /// When the open step is due: the municipality's reconsideration, or the policy's wait for Ankestyrelsen;
        /// null once the appeal is decided.
        public var deadline: Instant?
        public var deadlineKind: DeadlineKind?
        /// What the appealed decision was, and when it was made.
        public var decisionKind: DecisionKind?
        public var decisionOutcome: String?
        public var decidedOn: CivilDate?
        public var reconsideredOn: CivilDate?
        public var rulingOn: CivilDate?
        public var reopened: Bool?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(decision, forKey: .decision)
            try c.encode(receivedOn, forKey: .receivedOn)
            try c.encode(status, forKey: .status)
            try c.encode(deadline, forKey: .deadline)  // explicit null: nothing is owed any more
            try c.encode(deadlineKind, forKey: .deadlineKind)
            try c.encodeIfPresent(decisionKind, forKey: .decisionKind)
            try c.encodeIfPresent(decisionOutcome, forKey: .decisionOutcome)
            try c.encodeIfPresent(decidedOn, forKey: .decidedOn)
            try c.encode(reconsideredOn, forKey: .reconsideredOn)
            try c.encode(rulingOn, forKey: .rulingOn)
            try c.encode(reopened, forKey: .reopened)
        }

        enum CodingKeys: String, CodingKey {
            case decision, receivedOn, status, deadline, deadlineKind, decisionKind, decisionOutcome, decidedOn
            case reconsideredOn, rulingOn, reopened
        }

        public init(_ appeal: Appeal, in c: CitizenCase, journey: Journey) {
            decision = appeal.decision
            receivedOn = appeal.receivedOn
            status = appeal.status
            let owed = journey.deadline(for: appeal)
            deadlineKind = owed?.kind
            deadline = owed?.dueAt
            let made = c.decisions?.first { $0.messageId == appeal.decision }
            decisionKind = made?.kind
            decisionOutcome = made?.outcome
            decidedOn = made?.decidedOn
            reconsideredOn = appeal.reconsideredOn
            rulingOn = appeal.decidedOn
            reopened = appeal.reopened
        }
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
    public var appeals: [AppealView]
    public var pendingNotifications: Int
    public var pendingOutbox: [OutboxEntry]

    /// `journey` says what each open appeal waits for (`Journey.deadline(for:)`), as the store's deadlines do.
    public init(_ record: CaseRecord, now: Instant, journey: Journey) {
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
        appeals = (c.appeals ?? []).map { AppealView($0, in: c, journey: journey) }
        pendingNotifications = record.pendingOutbox.count
        pendingOutbox = record.pendingOutbox.map {
            OutboxEntry(messageId: $0.messageId, routingKey: $0.routingKey, createdAt: $0.createdAt)
        }
    }

    enum CodingKeys: String, CodingKey {
        case caseId, state, overrun, courseNumber, courseEnd, version, municipality, caseworker, openedAt, lastEventAt
        case deadlines, history, rejections, appeals, pendingNotifications, pendingOutbox
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
        try c.encode(appeals, forKey: .appeals)
        try c.encode(pendingNotifications, forKey: .pendingNotifications)
        try c.encode(pendingOutbox, forKey: .pendingOutbox)
    }
}
