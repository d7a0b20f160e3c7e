import ForloebCore
import ForloebStore

/// `forloeb show`'s document: the fields of CONTRACT.md §5 and what an operator needs next to them.
struct CaseView: Encodable {
    struct DeadlineEntry: Encodable {
        var kind: DeadlineKind
        var dueAt: Instant
        var overdue: Bool
        /// Days past due (positive) or until due (negative), by calendar date.
        var daysOverdue: Int
    }

    struct OutboxEntry: Encodable {
        var messageId: String
        var routingKey: String
        var createdAt: Instant
    }

    struct HistoryEntryView: Encodable {
        var position: Int
        var messageId: String
        var type: EventType
        var from: CaseState?
        var to: CaseState
        var occurredAt: Instant
        var actor: String
        var ruleSet: RuleSetID

        func encode(to encoder: any Encoder) throws {
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

    struct RejectionView: Encodable {
        var messageId: String
        var type: String
        var code: RejectionCode
        var rule: RuleID?
        var detail: String
        var attempt: Int
    }

    /// One appeal (CONTRACT.md §6.4): the contract's four fields, then its history.
    struct AppealView: Encodable {
        var decision: String
        var receivedOn: CivilDate
        var status: AppealStatus
        /// When the open step is due: the municipality's reconsideration, or the policy's wait for Ankestyrelsen;
        /// null once the appeal is decided.
        var deadline: Instant?
        var deadlineKind: DeadlineKind?
        /// What the appealed decision was, and when it was made.
        var decisionKind: DecisionKind?
        var decisionOutcome: String?
        var decidedOn: CivilDate?
        var reconsideredOn: CivilDate?
        var rulingOn: CivilDate?
        var reopened: Bool?

        func encode(to encoder: any Encoder) throws {
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

        init(_ appeal: Appeal, in c: CitizenCase, journey: Journey?) {
            decision = appeal.decision
            receivedOn = appeal.receivedOn
            status = appeal.status
            switch appeal.status {
            case .lodged:
                deadlineKind = .appealReconsideration
                deadline = appeal.reconsiderBy.danishMidnight
            case .forwarded:
                deadlineKind = .appealRuling
                let sentOn = appeal.reconsideredOn ?? appeal.receivedOn
                deadline = journey.map { sentOn.adding(days: $0.policy.ankestyrelsenIdleDays).danishMidnight }
            default:
                deadlineKind = nil
                deadline = nil
            }
            let made = c.decisions?.first { $0.messageId == appeal.decision }
            decisionKind = made?.kind
            decisionOutcome = made?.outcome
            decidedOn = made?.decidedOn
            reconsideredOn = appeal.reconsideredOn
            rulingOn = appeal.decidedOn
            reopened = appeal.reopened
        }
    }

    var caseId: String
    var state: CaseState
    var overrun: Bool
    var courseNumber: Int
    var courseEnd: CivilDate?
    var version: Int
    var municipality: String
    var caseworker: String?
    var openedAt: Instant
    var lastEventAt: Instant
    var deadlines: [DeadlineEntry]
    var history: [HistoryEntryView]
    var rejections: [RejectionView]
    var appeals: [AppealView]
    var pendingNotifications: Int
    var pendingOutbox: [OutboxEntry]

    /// `journey` gives the policy's wait for Ankestyrelsen in an appeal's `deadline`; without it that is null.
    init(_ record: CaseRecord, now: Instant, journey: Journey? = nil) {
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
            DeadlineEntry(kind: $0.kind, dueAt: $0.dueAt, overdue: $0.dueAt <= now, daysOverdue: $0.dueOn.days(until: now.danishDate))
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

    func encode(to encoder: any Encoder) throws {
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

    func text(now: Instant) -> String {
        var out = """
            \(TerminalStyle.bold.apply("Case \(caseId)")): \(state.rawValue)\(overrun ? TerminalStyle.red.apply(" (OVERRUN: the course end has passed with no next step)") : "")
            Municipality \(municipality), caseworker \(caseworker ?? "-"), course \(courseNumber == 0 ? "-" : String(courseNumber)), \
            course end \(courseEnd?.description ?? "-"), version \(version)
            Opened \(openedAt), last event \(lastEventAt), \(pendingNotifications) notification(s) not yet sent
            """
        if !deadlines.isEmpty {
            var table = TextTable("DEADLINE", "DUE", "FROM DUE")
            for d in deadlines {
                let distance =
                    d.daysOverdue > 0 ? "\(d.daysOverdue) day(s) overdue" : d.daysOverdue == 0 ? "due today" : "in \(-d.daysOverdue) day(s)"
                table.add([d.kind.rawValue, d.dueAt.danishDate.description, distance], style: d.overdue ? .red : nil)
            }
            out += "\n\n" + table.render()
        }
        var history = TextTable("#", "OCCURRED", "TYPE", "FROM", "TO", "RULES", "MESSAGE")
        for h in self.history {
            history.add([
                String(h.position), h.occurredAt.description, h.type.rawValue, h.from?.rawValue ?? "-", h.to.rawValue,
                h.ruleSet.rawValue, h.messageId,
            ])
        }
        out += "\n\n" + history.render()
        if !rejections.isEmpty {
            var table = TextTable("REJECTED", "TYPE", "CODE", "RULE", "DETAIL")
            for r in rejections {
                table.add([r.messageId, r.type, r.code.rawValue, r.rule?.rawValue ?? "-", r.detail], style: .yellow)
            }
            out += "\n\n" + table.render()
        }
        if !appeals.isEmpty {
            var table = TextTable("APPEAL OF", "DECIDED", "RECEIVED", "STATUS", "DUE", "RECONSIDERED", "RULING", "REOPENED")
            for a in appeals {
                let decided = [a.decisionOutcome, a.decidedOn?.description].compactMap { $0 }.joined(separator: " ")
                table.add(
                    [
                        a.decision, decided.isEmpty ? "-" : decided, a.receivedOn.description, a.status.rawValue,
                        a.deadline.map { "\($0.danishDate) (\(a.deadlineKind?.rawValue ?? ""))" } ?? "-",
                        a.reconsideredOn?.description ?? "-", a.rulingOn?.description ?? "-",
                        a.reopened.map { $0 ? "yes" : "no" } ?? "-",
                    ], style: (a.deadline.map { $0 <= now } ?? false) ? .red : nil)
            }
            out += "\n\n" + table.render()
        }
        if !pendingOutbox.isEmpty {
            var table = TextTable("NOT YET SENT", "ROUTING KEY", "WRITTEN")
            for o in pendingOutbox { table.add([o.messageId, o.routingKey, o.createdAt.description]) }
            out += "\n\n" + table.render()
        }
        return out
    }
}
