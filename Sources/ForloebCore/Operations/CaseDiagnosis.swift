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
        of(
            caseId: c.caseId, state: c.state, courseEnd: c.courseEnd, lastEventAt: c.lastEventAt,
            deadlines: journey.deadlines(for: c), at: now, policy: journey.policy, explorer: explorer,
            idleDays: idleDays)
    }

    /// Diagnoses a case from what the store indexes of it (its state, course end, last event and open
    /// deadlines), so that `forloeb stuck` never decodes a snapshot: the same rules as `of(_:at:…)`, which
    /// computes those values from the snapshot.
    public static func of(
        caseId: String, state: CaseState, courseEnd: CivilDate?, lastEventAt: Instant, deadlines: [Deadline],
        at now: Instant, policy: WorkflowPolicy, explorer: JourneyExplorer, idleDays: Int? = nil
    ) -> CaseDiagnosis {
        var reasons: [StuckReason] = []
        let today = now.danishDate
        // An appeal is watched whatever the case's state: a refused case waits on it as much as a running one.
        for deadline in deadlines.sorted()
        where deadline.dueAt <= now && deadline.kind != .courseEnd && deadline.kind.holdsUpTheCase
            && (!state.isFinal || deadline.kind.watchesAnAppeal)
        {
            reasons.append(.overdue(kind: deadline.kind, dueOn: deadline.dueOn, days: deadline.dueOn.days(until: today)))
        }
        if !state.isFinal {
            // The course's end passes at its Danish midnight, when its `course_end` deadline falls due (R5).
            if let end = courseEnd, now >= end.danishMidnight {
                reasons.insert(.overrun(courseEnd: end, days: end.days(until: today)), at: 0)
            }
            if let threshold = idleDays ?? policy.idleThreshold(state) {
                let idle = lastEventAt.danishDate.days(until: today)
                if idle > threshold { reasons.append(.idle(days: idle, thresholdDays: threshold)) }
            }
        }
        // An appeal moves on with the answer owed on it; the journey's own events only while it runs.
        var wouldMoveOn =
            state.isFinal ? [] : explorer.acceptedEvents(in: state).filter { $0 != .municipalityChanged && !$0.isAppeal }
        for reason in reasons {
            guard case .overdue(let kind, _, _) = reason else { continue }
            if kind == .appealReconsideration { wouldMoveOn.append(.appealReconsidered) }
            if kind == .appealRuling { wouldMoveOn.append(.appealDecided) }
        }
        return CaseDiagnosis(caseId: caseId, state: state, reasons: reasons, wouldMoveOn: wouldMoveOn)
    }

    /// The largest number of days any reason has been running: what sorts `forloeb stuck`.
    public var urgency: Int {
        reasons.map { reason in
            switch reason {
            case .overrun(_, let days), .overdue(_, _, let days): days
            case .idle(let days, let threshold): days - threshold
            }
        }.max() ?? 0
    }
}
