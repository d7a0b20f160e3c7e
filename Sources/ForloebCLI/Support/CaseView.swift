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
    var pendingNotifications: Int
    var pendingOutbox: [OutboxEntry]

    init(_ record: CaseRecord, now: Instant) {
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
        pendingNotifications = record.pendingOutbox.count
        pendingOutbox = record.pendingOutbox.map {
            OutboxEntry(messageId: $0.messageId, routingKey: $0.routingKey, createdAt: $0.createdAt)
        }
    }

    enum CodingKeys: String, CodingKey {
        case caseId, state, overrun, courseNumber, courseEnd, version, municipality, caseworker, openedAt, lastEventAt
        case deadlines, history, rejections, pendingNotifications, pendingOutbox
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
        try c.encode(pendingNotifications, forKey: .pendingNotifications)
        try c.encode(pendingOutbox, forKey: .pendingOutbox)
    }

    func text() -> String {
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
        if !pendingOutbox.isEmpty {
            var table = TextTable("NOT YET SENT", "ROUTING KEY", "WRITTEN")
            for o in pendingOutbox { table.add([o.messageId, o.routingKey, o.createdAt.description]) }
            out += "\n\n" + table.render()
        }
        return out
    }
}
