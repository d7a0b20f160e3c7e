/// Tells a case's history as plain sentences a caseworker could read to the citizen (`forloeb explain`).
///
/// It replays the accepted events through the journey in log order, so every sentence states what the engine
/// decided, on which date and under which rule set, and cites the law a step rests on. Rejected events are not
/// told: they did not happen to the case. The lines are then told in date order (by `occurredAt`, log order for
/// equal times), because a case system may send an event late and the citizen's story is the order things
/// happened in.
public struct CaseNarrator: Sendable {
    public let journey: Journey
    public let language: NarrationLanguage
    /// The calendar of the law's periods: the one the journey counts appeal periods with.
    public let calendar: DanishCalendar

    public init(journey: Journey, language: NarrationLanguage = .da, calendar: DanishCalendar = .standard) {
        self.journey = journey
        self.language = language
        self.calendar = calendar
    }

    /// One sentence per accepted event, in date order, each starting with its date in prose.
    public func narrate(_ events: [EventEnvelope]) -> [String] {
        story(events).sentences
    }

    /// The whole story of case `caseId` (by default the events' case), told from its events in log order. With
    /// `now`, the status also says whether the course has overrun its end (R5); without it, the story is the same
    /// whenever it is told.
    public func story(_ events: [EventEnvelope], caseId: String? = nil, now: Instant? = nil) -> CaseStory {
        let wording = language.wording
        var current: CitizenCase?
        var told: [(order: Int, line: StoryLine)] = []
        for envelope in events {
            guard case .success(let transition) = journey.apply(envelope, to: current) else { continue }
            let before = current
            current = transition.after
            let day = envelope.occurredAt.danishDate
            let fact = fact(envelope, on: day, before: before, after: transition.after)
            let text = wording.sentence(fact, on: day)
            told.append(
                (
                    told.count,
                    StoryLine(
                        messageId: envelope.messageId, occurredAt: envelope.occurredAt, date: day, fact: fact,
                        text: text, sentence: wording.line(day, text))
                ))
        }
        // Date order, and log order where two events happened at the same instant.
        let lines = told.sorted { ($0.line.occurredAt, $0.order) < ($1.line.occurredAt, $1.order) }.map(\.line)
        let caseId = caseId ?? current?.caseId ?? events.first?.caseId ?? ""
        return CaseStory(
            caseId: caseId, language: language, heading: wording.heading(caseId: caseId), lines: lines,
            current: current,
            status: current.map { c in
                wording.status(c, overrun: now.map(c.isOverrun(at:)) ?? false)
                    + c.openAppeals.map { " " + wording.openAppeal(AppealedDecision(appealed: $0, in: c), $0) }.joined()
            })
    }

    /// What `envelope` meant for the case, from the case before and after it.
    func fact(_ envelope: EventEnvelope, on day: CivilDate, before: CitizenCase?, after: CitizenCase) -> StoryFact {
        let ruleSet = journey.rules.inForce(on: day)
        let running = before?.phase.course
        switch envelope.event {
        case .caseOpened(let citizen):
            return .opened(
                origin: citizen.origin, municipality: citizen.municipality, incomeBasis: citizen.incomeBasis,
                priorCourses: citizen.priorCourses?.count ?? 0)
        case .targetGroupAssessed(let outcome, let reason):
            switch outcome {
            case .inTargetGroup: return .inTargetGroup(reason: reason)
            case .notInTargetGroup:
                return .notInTargetGroup(reason: reason, appeal: guidance(envelope, after, .refusal, ruleSet))
            case .obviousFoertidspension:
                return .obviousFoertidspension(reason: reason, appeal: guidance(envelope, after, .decision, ruleSet))
            }
        case .teamReferred(let meeting, let efforts, let purpose):
            if let running {
                return purpose == .review
                    ? .referredForReview(meeting: meeting)
                    : .referredForNextStep(meeting: meeting, courseEnd: running.end)
            }
            return .referred(meeting: meeting, consideredEfforts: (efforts ?? []).filter { !$0.isEmpty })
        case .teamRecommended(let step, let months):
            if before?.state == .active { return .reviewed(step: step) }
            return .recommended(
                step: step, months: months, afterRereferral: after.phase.recommendation?.afterRereferral ?? false)
        case .teamRereferred(let reason, let meeting):
            return .rereferred(reason: reason, meeting: meeting)
        case .decisionMade(let decision):
            if let course = after.phase.course, after.courseNumber > (before?.courseNumber ?? 0), let before {
                let consent = journey.consentNeeded(before, months: course.months, on: day, ruleSet) != nil
                return .granted(
                    number: course.number, months: course.months, start: course.start, end: course.end,
                    ruleSet: ruleSet.id, consentNeeded: consent, appeal: guidance(envelope, after, .decision, ruleSet))
            }
            guard case .step(let step) = decision.outcome else {
                return .refused(appeal: guidance(envelope, after, .refusal, ruleSet))
            }
            return .decided(
                step: step, ruleSet: ruleSet.id, courseEnded: running.flatMap { $0.end <= day ? $0.end : nil },
                withoutTeam: ruleSet.teamAbolished(on: day) && (step == .fleksjob || step == .foertidspension),
                appeal: guidance(envelope, after, .decision, ruleSet))
        case .caseworkerAssigned(let id, let unit):
            let previous = running?.caseworker?.id
            return .caseworkerAssigned(
                id: id, unit: unit, previous: previous == id ? nil : previous,
                coordinatesOnly: !unit.decidesEmploymentLaw && !ruleSet.jobcentreAbolished(on: day))
        case .meetingHeld(let date, let channel):
            return .meetingHeld(date: date, channel: channel)
        case .planUpdated(let months, let goal):
            let reviewOn = after.phase.course?.plan?.reviewOn ?? day.adding(months: months)
            return .planUpdated(months: months, goal: goal, reviewOn: reviewOn)
        case .mentorAgreed(let start, let end):
            return .mentorAgreed(start: start, end: end, maxMonths: ruleSet.mentorMaxMonths)
        case .effortStarted(let start, let area, let name, _):
            // The effort that meets the 2022 guarantee: the first that counts, in a course the guarantee applies to.
            let guaranteed = running.map { journey.rules.ruleSet($0.ruleSet).effortGuaranteeMonths != nil } ?? false
            let meets =
                guaranteed && running?.effortGuaranteeMet == false
                && after.phase.course?.effortGuaranteeMet == true
            return .effortStarted(start: start, area: area, name: name, meetsGuarantee: meets)
        case .internshipStarted(let start, let weeks):
            let end = after.phase.course?.internship?.endDate ?? start.adding(days: 7 * weeks)
            return .internshipStarted(start: start, weeks: weeks, end: end)
        case .internshipExtended(let weeks):
            let internship = after.phase.course?.internship
            return .internshipExtended(
                weeks: weeks, totalWeeks: internship?.weeks ?? weeks, end: internship?.endDate ?? day)
        case .absenceRecorded(let date, let reasonableCause):
            return .absence(date: date, reasonableCause: reasonableCause, courseEnd: running?.end ?? day)
        case .contactAttempted(let date, let channel, let reached):
            return .contactAttempted(date: date, channel: channel, reached: reached)
        case .sanctionDecided(let absenceDate, _):
            // What the journey checked (R11): the attempts since the absence, one of which reached the citizen or
            // enough of which did not.
            let attempts = (running?.contactAttempts ?? []).filter { $0.date >= absenceDate }
            let appeal = guidance(envelope, after, .sanction, ruleSet)
            return .sanction(
                absenceDate: absenceDate, reachedOn: attempts.first(where: \.reached)?.date,
                unanswered: attempts.filter { !$0.reached }, required: journey.policy.minContactAttempts,
                appeal: appeal)
        case .courseExtensionRequested:
            return .extensionRequested
        case .municipalityChanged(let municipality):
            return .municipalityChanged(municipality: municipality)
        case .caseClosed(let reason):
            return .closed(reason: reason)
        case .descriptionCompleted(let date):
            return .descriptionCompleted(date: date)
        case .healthAdviceGiven(let date):
            return .healthAdviceGiven(date: date)
        case .appealLodged(let decisionId, let receivedOn):
            let appeal = after.appeals?.last { $0.decision == decisionId }
            return .appealLodged(
                appealed: appealed(decisionId, in: after, on: day), receivedOn: receivedOn,
                reconsiderBy: appeal?.reconsiderBy ?? calendar.addingWeeks(ruleSet.reconsiderationWeeks, to: receivedOn)
            )
        case .appealReconsidered(let outcome, _):
            let appeal = answered(before, after)
            return .appealReconsidered(
                appealed: appealed(appeal?.decision, in: after, on: day), outcome: outcome,
                reopening: outcome == .changed ? reopening(appeal, before, after) : nil)
        case .appealDecided(let ruling, _):
            let appeal = answered(before, after)
            return .appealDecided(
                appealed: appealed(appeal?.decision, in: after, on: day), ruling: ruling,
                reopening: ruling.setsAside ? reopening(appeal, before, after) : nil)
        }
    }

    /// The appeal the event answered: the one whose status it changed.
    private func answered(_ before: CitizenCase?, _ after: CitizenCase) -> Appeal? {
        let earlier = before?.appeals ?? []
        return (after.appeals ?? []).enumerated().first { index, appeal in
            index >= earlier.count || earlier[index].status != appeal.status
        }?.element
    }

    /// The appealed decision as the story names it.
    private func appealed(_ decisionId: String?, in c: CitizenCase, on day: CivilDate) -> AppealedDecision {
        guard let decision = c.decisions?.first(where: { $0.messageId == decisionId }) else {
            return AppealedDecision(kind: .decision, step: nil, decidedOn: day)
        }
        return AppealedDecision(decision)
    }

    /// What setting the appealed decision aside did to the case, as the journey recorded it.
    private func reopening(_ appeal: Appeal?, _ before: CitizenCase?, _ after: CitizenCase) -> Reopening {
        if appeal?.reopened == true { return .returned(to: after.state) }
        let decision = after.decisions?.first { $0.messageId == appeal?.decision }
        if decision?.kind == .sanction { return .sanctionLifted }
        if after.state == .closed { return .caseClosed }
        return .replacedByLaterDecision
    }

    /// The appeal guidance of the decision the event made: its period as the journey counted it, from the day
    /// the citizen received it where the case system said so.
    private func guidance(
        _ envelope: EventEnvelope, _ after: CitizenCase, _ subject: AppealGuidance.Subject, _ ruleSet: RuleSet
    ) -> AppealGuidance {
        let day = envelope.occurredAt.danishDate
        guard let decision = after.decisions?.last(where: { $0.messageId == envelope.messageId }) else {
            return AppealGuidance(
                subject: subject, from: day, weeks: ruleSet.appealWeeks,
                lastDay: calendar.addingWeeks(ruleSet.appealWeeks, to: day),
                reconsiderationWeeks: ruleSet.reconsiderationWeeks)
        }
        return AppealGuidance(
            subject: subject, from: decision.notifiedOn ?? decision.decidedOn,
            fromNotification: decision.notifiedOn != nil, weeks: ruleSet.appealWeeks,
            lastDay: decision.appealUntil, reconsiderationWeeks: ruleSet.reconsiderationWeeks)
    }
}
