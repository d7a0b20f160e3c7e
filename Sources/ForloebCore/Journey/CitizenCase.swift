/// A citizen's case: the snapshot that replaying its accepted events produces.
///
/// Pure data: the store persists it (as JSON) with `version` for optimistic concurrency, and replaying the
/// accepted events from nothing must produce an identical value.
public struct CitizenCase: Sendable, Equatable, Codable {
    public let caseId: String
    public var citizen: Citizen
    public var phase: Phase
    /// Courses granted so far (0 before the first); a new course adds one.
    public var courseNumber: Int
    /// Months granted across all courses, for the `2022` 60-month band (R7).
    public var grantedMonthsTotal: Int
    /// Set when an assessment documented that developing work capacity is obviously futile (R8, R16).
    public var futilityDocumented: Bool
    /// Accepted events so far; the store's optimistic-concurrency version.
    public var version: Int
    public var openedAt: Instant
    /// When the last accepted event happened in the case system (for idle detection).
    public var lastEventAt: Instant
    /// The latest formal decision: what, when, under which rule set, and until when it can be appealed (R14).
    public var lastDecision: DecisionRecord?
    /// The 2026 reform's basis for fleksjob and førtidspension (R19): when the *samlet beskrivelse* was
    /// completed and the sundhedskoordinator's advice given, since the case entered its current state.
    public var descriptionCompletedOn: CivilDate?
    public var healthAdviceGivenOn: CivilDate?
    /// Every decision on the case the citizen may appeal, oldest first (R14); `nil` before the first, and in
    /// snapshots written before appeals were kept (`forloeb rebuild` fills it in from the log).
    public var decisions: [AppealableDecision]?
    /// The case's appeals, in the order they reached the municipality; `nil` before the first.
    public var appeals: [Appeal]?

    public init(caseId: String, citizen: Citizen, openedAt: Instant) {
        self.caseId = caseId
        self.citizen = citizen
        self.phase = .requested
        self.courseNumber = 0
        self.grantedMonthsTotal = 0
        self.futilityDocumented = false
        self.version = 1
        self.openedAt = openedAt
        self.lastEventAt = openedAt
        self.lastDecision = nil
    }

    public var state: CaseState { phase.state }

    /// Appeals that still wait for the municipality or for Ankestyrelsen.
    public var openAppeals: [Appeal] { (appeals ?? []).filter(\.status.isOpen) }

    /// R19's basis counts only since the case entered its current state, so a change of state clears it.
    mutating func resetDecisionBasis(if stateChanged: Bool) {
        guard stateChanged else { return }
        descriptionCompletedOn = nil
        healthAdviceGivenOn = nil
    }

    /// The course's end, if one is running.
    public var courseEnd: CivilDate? { phase.course?.end }

    /// A course whose end has passed with no next-step decision: it and the benefit continue (R5). The end
    /// passes at its Danish midnight, when its `course_end` deadline falls due.
    public func isOverrun(at now: Instant) -> Bool {
        guard let end = courseEnd else { return false }
        return now >= end.danishMidnight
    }
}

/// A formal, appealable decision (afgørelse) and the rule set that judged it.
public struct DecisionRecord: Sendable, Equatable, Codable {
    public var messageId: String
    public var decidedOn: CivilDate
    /// `refusal`, or the decided next step's wire name.
    public var outcome: String
    public var ruleSet: RuleSetID
    /// The last day to appeal (R14): 4 weeks from the decision, or the next working day when that is a
    /// Saturday, Sunday, public holiday or alike day (`DanishCalendar`, CONTRACT.md §6.6).
    public var appealUntil: CivilDate
}
