import ForloebCore
import ForloebStore

/// `forloeb stuck`'s document: the stuck cases at a moment, why each is stuck and what would move it on.
///
/// Built by `StuckCaseFinder`, the one search both the CLI and the console's stuck list run, so the two never
/// disagree about which cases are stuck.
public struct StuckView: Encodable, Sendable {
    /// One reason, flattened for JSON: which fields are set depends on `code`.
    public struct Reason: Encodable, Sendable {
        public var code: String
        public var summary: String
        public var kind: DeadlineKind?
        public var dueOn: CivilDate?
        public var courseEnd: CivilDate?
        public var days: Int
        public var thresholdDays: Int?

        public init(_ reason: StuckReason) {
            code = reason.code
            summary = reason.summary
            switch reason {
            case .overrun(let end, let days): (courseEnd, self.days) = (end, days)
            case .overdue(let kind, let due, let days): (self.kind, dueOn, self.days) = (kind, due, days)
            case .idle(let days, let threshold): (self.days, thresholdDays) = (days, threshold)
            }
        }
    }

    public struct Entry: Encodable, Sendable {
        public var caseId: String
        public var state: CaseState
        public var reasons: [Reason]
        public var wouldMoveOn: [EventType]

        public init(_ diagnosis: CaseDiagnosis) {
            caseId = diagnosis.caseId
            state = diagnosis.state
            reasons = diagnosis.reasons.map(Reason.init)
            wouldMoveOn = diagnosis.wouldMoveOn
        }

        /// The overdue deadlines, most overdue first: what the human forms show as one group.
        public var overdue: [Reason] {
            reasons.filter { $0.code == "overdue" }.sorted {
                ($0.days, $1.kind?.rawValue ?? "") > ($1.days, $0.kind?.rawValue ?? "")
            }
        }

        /// The reasons that are not overdue deadlines (overrun, idle), each told alone.
        public var others: [Reason] { reasons.filter { $0.code != "overdue" } }

        /// Something other than idleness: a passed course end or deadline, which the human forms show in red.
        public var isUrgent: Bool { reasons.contains { $0.code != "idle" } }
    }

    public var now: Instant
    public var cases: [Entry]

    public init(now: Instant, cases: [Entry]) {
        self.now = now
        self.cases = cases
    }

    /// The stuck cases at `now` (see `StuckCaseFinder.survey`), and the candidates whose snapshot is damaged,
    /// which the caller names so that one damaged case hides no other.
    public static func survey(
        _ store: any CaseStore, journey: Journey, at now: Instant, idleDays: Int? = nil, states: [CaseState] = [],
        limit: Int = 1000
    ) async throws -> (view: StuckView, unreadable: [StoreError]) {
        try await survey(
            StuckCaseFinder(store: store, journey: journey), at: now, idleDays: idleDays, states: states, limit: limit)
    }

    /// `survey` with a finder built once: a server asks again and again, and a finder explores the machine
    /// (each era of the law) when it is built.
    public static func survey(
        _ finder: StuckCaseFinder, at now: Instant, idleDays: Int? = nil, states: [CaseState] = [], limit: Int = 1000
    ) async throws -> (view: StuckView, unreadable: [StoreError]) {
        let survey = try await finder.survey(at: now, idleDays: idleDays, states: states, limit: limit)
        return (StuckView(now: now, cases: survey.cases.map(Entry.init)), survey.unreadable)
    }
}
