/// What is wrong with a case at a given moment, and what would move it on.
///
/// Pure: the store finds the candidate cases through its indexes (overdue deadlines, idle since); this
/// decides, for each, whether and why it is stuck, with the same rules for every back end.
public struct CaseDiagnosis: Sendable, Equatable {
    public var caseId: String
    public var state: CaseState
    public var reasons: [StuckReason]
    /// Event types the machine accepts in this state (from `JourneyExplorer`).
    public var wouldMoveOn: [EventType]

    public var isStuck: Bool { !reasons.isEmpty }

    /// Diagnoses `c` at `now`; `idleDays` replaces the policy's threshold for the case's state.
    public static func of(
        _ c: CitizenCase, at now: Instant, journey: Journey, explorer: JourneyExplorer, idleDays: Int? = nil
    ) -> CaseDiagnosis {
        var reasons: [StuckReason] = []
        let today = now.danishDate
        // An appeal is watched whatever the case's state: a refused case waits on it as much as a running one.
        for deadline in journey.deadlines(for: c)
        where deadline.dueAt <= now && deadline.kind != .courseEnd && deadline.kind.holdsUpTheCase
            && (!c.state.isFinal || deadline.kind.watchesAnAppeal)
        {
            reasons.append(.overdue(kind: deadline.kind, dueOn: deadline.dueOn, days: deadline.dueOn.days(until: today)))
        }
        if !c.state.isFinal {
            if let end = c.courseEnd, c.isOverrun(at: now) {
                reasons.insert(.overrun(courseEnd: end, days: end.days(until: today)), at: 0)
            }
            if let threshold = idleDays ?? journey.policy.idleThreshold(c.state) {
                let idle = c.lastEventAt.danishDate.days(until: today)
                if idle > threshold { reasons.append(.idle(days: idle, thresholdDays: threshold)) }
            }
        }
        // An appeal moves on with the answer owed on it; the journey's own events only while it runs.
        var wouldMoveOn =
            c.state.isFinal ? [] : explorer.acceptedEvents(in: c.state).filter { $0 != .municipalityChanged && !$0.isAppeal }
        for reason in reasons {
            guard case .overdue(let kind, _, _) = reason else { continue }
            if kind == .appealReconsideration { wouldMoveOn.append(.appealReconsidered) }
            if kind == .appealRuling { wouldMoveOn.append(.appealDecided) }
        }
        return CaseDiagnosis(caseId: c.caseId, state: c.state, reasons: reasons, wouldMoveOn: wouldMoveOn)
    }
}
