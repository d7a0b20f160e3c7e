/// The ressourceforløb state machine: one pure function from (case, event) to a transition or a rejection.
///
/// Law is applied here and nowhere else, judged by the rule set in force on the event's date in Denmark; the
/// policy only supplies municipal numbers (lead times, cadences). No I/O, no clock: the same inputs always give
/// the same output, which is what makes replay, `forloeb check` and the store's rebuild trustworthy.
public struct Journey: Sendable {
    public var rules: RuleBook
    public var policy: WorkflowPolicy

    public init(rules: RuleBook, policy: WorkflowPolicy) {
        self.rules = rules
        self.policy = policy
    }

    /// Applies `envelope` to `current` (`nil` when no case with its id exists yet).
    public func apply(_ envelope: EventEnvelope, to current: CitizenCase?) -> Result<Transition, Rejection> {
        // The date in Denmark, where the law is applied (an instant just before midnight UTC may be the next day).
        let date = envelope.occurredAt.danishDate
        let ruleSet = rules.inForce(on: date)
        guard let current else {
            guard case .caseOpened(let citizen) = envelope.event else {
                return .failure(Rejection(.unknownCase, "no case \(envelope.caseId) was ever opened"))
            }
            let opened = CitizenCase(caseId: envelope.caseId, citizen: citizen, openedAt: envelope.occurredAt)
            return .success(transition(envelope, from: nil, to: opened, ruleSet: ruleSet.id))
        }
        do {
            var next = try advance(current, by: envelope, on: date, under: ruleSet)
            next.version = current.version + 1
            next.lastEventAt = max(current.lastEventAt, envelope.occurredAt)
            return .success(transition(envelope, from: current.state, to: next, ruleSet: ruleSet.id))
        } catch {
            return .failure(error)
        }
    }

    private func advance(
        _ current: CitizenCase, by envelope: EventEnvelope, on date: CivilDate, under ruleSet: RuleSet
    ) throws(Rejection) -> CitizenCase {
        var next = current
        let state = current.state
        switch envelope.event {
        case .caseOpened:
            throw Rejection(.caseExists, "case \(current.caseId) already exists (it is \(state.rawValue))")
        case .courseExtensionRequested:
            throw .law(.extensionNotAllowed, .r4, "a ressourceforløb cannot be extended; decide a new course instead")
        default:
            break
        }
        if envelope.event.isAppealEvent {
            // §6.4: appeals are valid in every state, final ones included, and may reopen the case.
            try appeal(envelope, in: &next, on: date, under: ruleSet)
            next.resetDecisionBasis(if: next.state != state)
            return next
        }
        guard !state.isFinal else {
            throw Rejection(
                .invalidTransition, "\(envelope.type.rawValue) is not valid: the case has ended (\(state.rawValue))")
        }
        try checkAbolitions(envelope.event, on: date, under: ruleSet)
        try checkNotifiedOn(envelope.event, on: date)
        switch (current.phase, envelope.event) {
        case (_, .municipalityChanged(let municipality)):
            // R15: the plan and the whole case follow the citizen; only the municipality changes.
            next.citizen.municipality = municipality
        case (_, .caseClosed):
            next.phase = .ended(.closed)
        case (_, .descriptionCompleted(let day)):
            next.descriptionCompletedOn = day
        case (_, .healthAdviceGiven(let day)):
            next.healthAdviceGivenOn = day

        case (.requested, .targetGroupAssessed(let outcome, _)):
            switch outcome {
            case .inTargetGroup:
                next.phase = .preparing
            case .notInTargetGroup:
                // R14: refusing to treat the case with a view to a course is itself an appealable decision.
                next.phase = .ended(.refused)
                next.lastDecision = record(envelope, outcome: "refusal", on: date, under: ruleSet)
            case .obviousFoertidspension:
                // R16: an obvious førtidspension case gets no course; the assessment documents futility (R8).
                next.futilityDocumented = true
                next.phase = .ended(.foertidspension)
                next.lastDecision = record(
                    envelope, outcome: NextStep.foertidspension.rawValue, on: date, under: ruleSet)
            }

        case (.preparing, .teamReferred(let meetingDate, let efforts, _)):
            guard let efforts, efforts.contains(where: { !$0.isEmpty }) else {
                throw Rejection(
                    .preparationUndocumented,
                    "data.consideredEfforts: a first referral must list the efforts tried or considered (003 §4.2)")
            }
            next.phase = .awaitingTeam(TeamRound(meetingDate: meetingDate))
        case (.active(var course), .teamReferred(let meetingDate, _, .review)):
            // §6.2: the team reviews the running course; the case stays active.
            course.reviewMeetingOn = meetingDate
            next.phase = .active(course)
        case (.active(let course), .teamReferred(let meetingDate, _, .nextStep)):
            next.phase = .preEndAwaitingTeam(course, TeamRound(meetingDate: meetingDate))

        case (.awaitingTeam(let round), .teamRecommended(let step, let months)):
            next.phase = .awaitingDecision(recommendation(step, months, on: date, round))
        case (.preEndAwaitingTeam(let course, let round), .teamRecommended(let step, let months)):
            next.phase = .preEndAwaitingDecision(course, recommendation(step, months, on: date, round))
        case (.active(var course), .teamRecommended(let step, _)):
            guard course.reviewMeetingOn != nil else {
                throw Rejection(
                    .invalidTransition,
                    "team.recommended is not valid while the case is active: the course was not referred for review")
            }
            course.lastReview = CourseReview(step: step, reviewedOn: date)
            course.reviewMeetingOn = nil
            next.phase = .active(course)

        case (.awaitingDecision(let recommendation), .teamRereferred(_, let meetingDate)):
            next.phase = .awaitingTeam(TeamRound(meetingDate: meetingDate, rereferredFrom: recommendation))
        case (.preEndAwaitingDecision(let course, let recommendation), .teamRereferred(_, let meetingDate)):
            next.phase = .preEndAwaitingTeam(
                course, TeamRound(meetingDate: meetingDate, rereferredFrom: recommendation))

        case (let phase, .decisionMade(let decision)) where ruleSet.teamAbolished(on: date) && phase.isPastAssessment:
            // No case is stranded by the reform: without the team, the municipality decides wherever it waits.
            try decideWithoutTheTeam(decision, in: phase, next: &next, envelope, date, ruleSet)
        case (.awaitingDecision(let recommendation), .decisionMade(let decision)):
            try decide(decision, on: recommendation, running: nil, in: &next, envelope, date, ruleSet)
        case (.preEndAwaitingDecision(let course, let recommendation), .decisionMade(let decision)):
            try decide(decision, on: recommendation, running: course, in: &next, envelope, date, ruleSet)
        case (.active(let course), .decisionMade(let decision)):
            try decideWithoutTeam(decision, running: course, in: &next, envelope, date, ruleSet)
        case (.requested, .decisionMade(let decision)), (.preparing, .decisionMade(let decision)),
            (.awaitingTeam, .decisionMade(let decision)), (.preEndAwaitingTeam, .decisionMade(let decision)):
            if case .step(let step) = decision.outcome, step.needsTeam {
                let rule: RuleID = state == .preEndAwaitingTeam ? (step == .fleksjob ? .r17 : .r6) : .r1
                throw .law(
                    .teamRecommendationRequired, rule,
                    "\(step.rawValue) decided before the rehabilitation team gave its recommendation")
            }
            throw invalid(envelope, state)

        case (_, let event) where event.isCourseEvent:
            // §6.1: the course runs until the next step is decided, so its events are valid in every state
            // that has one, under the same rules.
            guard var course = current.phase.course else { throw invalid(envelope, state) }
            try apply(event, to: &course, on: date, under: ruleSet, envelope)
            next.phase = current.phase.replacingCourse(with: course)

        default:
            throw invalid(envelope, state)
        }
        recordAppealableDecision(envelope, before: current, after: &next, on: date, under: ruleSet)
        next.resetDecisionBasis(if: next.state != state)
        return next
    }

    /// R18: what the reform abolished is refused from its date, whatever the case's state.
    private func checkAbolitions(_ event: CaseEvent, on date: CivilDate, under ruleSet: RuleSet) throws(Rejection) {
        switch event {
        case .teamReferred, .teamRecommended, .teamRereferred:
            if let gone = ruleSet.abolitions?.teamOn, date >= gone {
                throw .law(
                    .schemeAbolished, .r18,
                    "the rehabilitation team no longer sits from \(gone); decide on the samlet beskrivelse and the sundhedskoordinator's advice instead (R19)"
                )
            }
        case .decisionMade(let decision):
            if case .step(let step) = decision.outcome, step.isCourse || step == .revalidering,
                let gone = ruleSet.abolitions?.coursesOn, date >= gone
            {
                throw .law(
                    .schemeAbolished, .r18,
                    "\(step.rawValue) cannot be granted from \(gone): lov 1750/2025 abolished it for citizens not already in a course"
                )
            }
        default:
            break
        }
    }

    func invalid(_ envelope: EventEnvelope, _ state: CaseState) -> Rejection {
        Rejection(.invalidTransition, "\(envelope.type.rawValue) is not valid while the case is \(state.rawValue)")
    }

    private func recommendation(_ step: NextStep, _ months: Int?, on date: CivilDate, _ round: TeamRound)
        -> Recommendation
    {
        Recommendation(
            step: step, durationMonths: months, recommendedOn: date, afterRereferral: round.rereferredFrom != nil)
    }

    func record(_ envelope: EventEnvelope, outcome: String, on date: CivilDate, under ruleSet: RuleSet)
        -> DecisionRecord
    {
        DecisionRecord(
            messageId: envelope.messageId, decidedOn: date, outcome: outcome, ruleSet: ruleSet.id,
            appealUntil: appealPeriodEnd(envelope.event.notifiedOn ?? date, ruleSet))
    }

    /// The last day of a decision's appeal period: `appealWeeks` from the day the citizen received it, moved
    /// to the next working day (retssikkerhedsloven § 67; CONTRACT.md §6.6).
    func appealPeriodEnd(_ notified: CivilDate, _ ruleSet: RuleSet) -> CivilDate {
        DanishCalendar.standard.addingWeeks(ruleSet.appealWeeks, to: notified)
    }

    private func transition(_ envelope: EventEnvelope, from: CaseState?, to after: CitizenCase, ruleSet: RuleSetID)
        -> Transition
    {
        var notifications: [CaseNotification] = []
        if from != after.state {
            notifications.append(
                .stateChanged(
                    StateChange(
                        caseId: after.caseId, from: from, to: after.state, at: envelope.occurredAt,
                        causedBy: envelope.messageId, courseNumber: after.courseNumber, ruleSet: ruleSet)))
        }
        return Transition(
            messageId: envelope.messageId, type: envelope.type, occurredAt: envelope.occurredAt, from: from,
            to: after.state, ruleSet: ruleSet, after: after, deadlines: deadlines(for: after),
            notifications: notifications)
    }
}
