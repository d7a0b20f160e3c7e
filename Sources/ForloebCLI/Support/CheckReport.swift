import ForloebCore

/// The outcome of `forloeb check`, in the shape of CONTRACT.md §5 (plus deadlines and rule ids).
struct CheckReport: Encodable {
    struct CaseResult: Encodable {
        var caseId: String
        var state: CaseState
        var overrun: Bool
        var courseNumber: Int
        var courseEnd: CivilDate?
        var version: Int
        var deadlines: [DeadlineEntry]
        var rejections: [RejectionEntry]
    }

    struct DeadlineEntry: Encodable {
        var kind: DeadlineKind
        var dueAt: Instant
        var overdue: Bool
    }

    struct RejectionEntry: Encodable {
        var messageId: String
        var type: String
        var code: RejectionCode
        var rule: RuleID?
        var detail: String

        init(_ rejected: RejectedEvent) {
            messageId = rejected.messageId
            type = rejected.type
            code = rejected.rejection.code
            rule = rejected.rejection.rule
            detail = rejected.rejection.detail
        }
    }

    var cases: [CaseResult]
    var unattached: [RejectionEntry]

    init(book: CaseBook, now: Instant) {
        cases = book.caseOrder.compactMap { id in
            guard let c = book.cases[id] else { return nil }
            return CaseResult(
                caseId: id, state: c.state, overrun: c.isOverrun(at: now), courseNumber: c.courseNumber,
                courseEnd: c.courseEnd, version: c.version,
                deadlines: book.journey.deadlines(for: c).map {
                    DeadlineEntry(kind: $0.kind, dueAt: $0.dueAt, overdue: $0.dueAt <= now)
                },
                rejections: (book.rejections[id] ?? []).map(RejectionEntry.init))
        }
        unattached = book.unattached.map(RejectionEntry.init)
    }

    var rejectionCount: Int { cases.reduce(unattached.count) { $0 + $1.rejections.count } }

    func text() -> String {
        var table = TextTable("CASE", "STATE", "COURSE", "OVERRUN", "NEXT DEADLINE", "REJECTED")
        for c in cases {
            let next = c.deadlines.min { $0.dueAt < $1.dueAt }
            table.add([
                c.caseId, c.state.rawValue, TextTable.course(c.courseNumber, ending: c.courseEnd),
                c.overrun ? "yes" : "no",
                next.map { "\($0.kind.rawValue) \($0.dueAt.danishDate)\($0.overdue ? " (overdue)" : "")" } ?? "-",
                String(c.rejections.count),
            ])
        }
        var out = table.render()
        let rejected = cases.flatMap { c in c.rejections.map { (c.caseId, $0) } } + unattached.map { ("(none)", $0) }
        if !rejected.isEmpty {
            var rejections = TextTable("CASE", "MESSAGE", "TYPE", "CODE", "RULE")
            for (caseId, r) in rejected {
                rejections.add(
                    [caseId, r.messageId, r.type, r.code.rawValue, r.rule?.rawValue ?? "-"], notes: [r.detail])
            }
            out += "\n\nRejections:\n" + rejections.render()
        }
        out += "\n\n\(cases.count) case(s), \(rejected.count) rejection(s)."
        return out
    }
}
