extension Journey {
    /// A decision after the team's recommendation: the first course's grant, or what follows a course.
    func decide(
        _ decision: Decision, on recommendation: Recommendation, running course: Course?, in next: inout CitizenCase,
        _ envelope: EventEnvelope, _ date: CivilDate, _ ruleSet: RuleSet
    ) throws(Rejection) {
        // A recommendation of a scheme the reform has abolished cannot be followed, so deciding otherwise is no
        // deviation that the team must first reconsider (R2 yields to R18).
        // Nor is it when Ankestyrelsen changed the decision taken on it: the municipality decides as it said.
        let binding = (!(recommendation.step.isCourse || recommendation.step == .revalidering)
            || !ruleSet.coursesAbolished(on: date)) && recommendation.overruledOnAppeal != true
        switch decision.outcome {
        case .refusal:
            guard course == nil else {
                throw .law(
                    .invalidTransition, .r5,
                    "a decision before a course ends must say what follows it; a refusal leaves the citizen with no next step"
                )
            }
            // Refusing a course deviates from a recommendation of one (R2); refusing after a recommendation
            // of something else follows it.
            if recommendation.step.isCourse && !recommendation.afterRereferral && binding {
                throw rereferralRequired(recommendation, decided: "refusal")
            }
            next.phase = .ended(.refused)
            next.lastDecision = record(envelope, outcome: "refusal", on: date, under: ruleSet)
        case .step(let step):
            if !step.sameChoice(as: recommendation.step) && !recommendation.afterRereferral && binding {
                throw rereferralRequired(recommendation, decided: step.rawValue)
            }
            // R2: a course of another length than the team recommended deviates from it too. Only lawful lengths
            // count: a decided length the rule set does not allow is R3's to refuse, and a recommended one it does
            // not allow (48 months under 2022's 12–36) cannot be followed, so deciding another is no deviation.
            if step.isCourse, let recommended = recommendation.durationMonths, let decided = decision.durationMonths,
                recommended != decided, ruleSet.courseMonths.contains(decided),
                ruleSet.courseMonths.contains(recommended), !recommendation.afterRereferral, binding
            {
                throw rereferralRequired(recommendation, decided: "\(step.rawValue) for \(decided) months")
            }
            try checkDecidingCaseworker(envelope, course, on: date, ruleSet)
            try conclude(
                step, decision, recommended: recommendation, running: course, in: &next, envelope, date, ruleSet)
        }
    }

    /// A decision while a course runs with no referral: only outcomes that need no team (R6, R17).
    func decideWithoutTeam(
        _ decision: Decision, running course: Course, in next: inout CitizenCase, _ envelope: EventEnvelope,
        _ date: CivilDate, _ ruleSet: RuleSet
    ) throws(Rejection) {
        guard case .step(let step) = decision.outcome else {
            throw .law(.invalidTransition, .r5, "a running course is not refused; decide what follows it")
        }
        if step.needsTeam {
            let rule: RuleID = step == .fleksjob ? .r17 : .r6
            throw .law(
                .teamRecommendationRequired, rule,
                "\(step.rawValue) after a course needs the rehabilitation team's recommendation; refer the case first")
        }
        try checkDecidingCaseworker(envelope, course, on: date, ruleSet)
        try conclude(step, decision, recommended: nil, running: course, in: &next, envelope, date, ruleSet)
    }

    /// A decision once the team is gone (§6.3): wherever the case waits, the municipality decides; fleksjob
    /// and førtidspension rest on the description and the health advice (R19) instead of a recommendation,
    /// and there is no team to refer a deviation back to (R2 has nothing left to require).
    func decideWithoutTheTeam(
        _ decision: Decision, in phase: Phase, next: inout CitizenCase, _ envelope: EventEnvelope, _ date: CivilDate,
        _ ruleSet: RuleSet
    ) throws(Rejection) {
        let course = phase.course
        switch decision.outcome {
        case .refusal:
            guard course == nil else {
                throw .law(.invalidTransition, .r5, "a running course is not refused; decide what follows it")
            }
            next.phase = .ended(.refused)
            next.lastDecision = record(envelope, outcome: "refusal", on: date, under: ruleSet)
        case .step(let step):
            if step == .fleksjob || step == .foertidspension {
                let missing = [
                    next.descriptionCompletedOn == nil ? "description.completed" : nil,
                    next.healthAdviceGivenOn == nil ? "health_advice.given" : nil,
                ].compactMap { $0 }
                if !missing.isEmpty {
                    throw .law(
                        .healthAdviceRequired, .r19,
                        "\(step.rawValue) needs the samlet beskrivelse and the sundhedskoordinator's advice since the case became \(phase.state.rawValue); missing: \(missing.joined(separator: ", "))"
                    )
                }
            }
            try checkDecidingCaseworker(envelope, course, on: date, ruleSet)
            try conclude(
                step, decision, recommended: phase.recommendation, running: course, in: &next, envelope, date, ruleSet)
        }
    }

    private func conclude(
        _ step: NextStep, _ decision: Decision, recommended: Recommendation?, running course: Course?,
        in next: inout CitizenCase, _ envelope: EventEnvelope, _ date: CivilDate, _ ruleSet: RuleSet
    ) throws(Rejection) {
        if step.isCourse {
            if decision.obviouslyFutile == true || next.futilityDocumented {
                throw .law(
                    .invalidTransition, .r16,
                    "a course cannot be granted where developing work capacity is documented obviously futile")
            }
            let months = decision.durationMonths ?? recommended?.durationMonths ?? policy.defaultCourseMonths
            guard ruleSet.courseMonths.contains(months) else {
                throw .law(
                    .durationOutOfRange, .r3,
                    "\(months) months is outside \(ruleSet.courseMonths.lowerBound)–\(ruleSet.courseMonths.upperBound) months under rule set \(ruleSet.id.rawValue)"
                )
            }
            let start = decision.startDate ?? course.map { max($0.end, date) } ?? date
            if let reason = consentNeeded(next, months: months, on: date, ruleSet),
                decision.citizenConsent != true
            {
                throw .law(.consentRequired, .r7, "\(reason); the course needs citizenConsent: true")
            }
            next.courseNumber += 1
            next.grantedMonthsTotal += months
            // 003 §5.2: the first meeting is due a week after the grant, or after the team's meeting if earlier.
            let firstMeetingFrom = min(date, recommended?.recommendedOn ?? date)
            next.phase = .active(
                Course(
                    number: next.courseNumber, start: start, months: months, ruleSet: ruleSet.id,
                    firstMeetingFrom: firstMeetingFrom))
            next.lastDecision = record(envelope, outcome: step.rawValue, on: date, under: ruleSet)
            return
        }
        if step == .foertidspension {
            let age = next.citizen.age(on: date)
            let documented =
                recommended?.step == .foertidspension || next.futilityDocumented || decision.obviouslyFutile == true
            if age < ruleSet.foertidspensionFutilityAge && !documented {
                throw .law(
                    .futilityNotDocumented, .r8,
                    "the citizen is \(age); førtidspension under \(ruleSet.foertidspensionFutilityAge) needs a recommendation or assessment that developing work capacity is obviously futile"
                )
            }
            if decision.obviouslyFutile == true { next.futilityDocumented = true }
        }
        guard let ending = Ending(rawValue: step.rawValue) else { return }
        next.phase = .ended(ending)
        next.lastDecision = record(envelope, outcome: step.rawValue, on: date, under: ruleSet)
    }

    /// Why a course decided on `date` needs the citizen's own wish under `ruleSet`, or `nil` (R7).
    ///
    /// The law counts the citizen's courses, not the case's: those of earlier cases (`Citizen.priorCourses`,
    /// CONTRACT.md §6.5) with this case's own. A course is *new* when the citizen had any course before, here or
    /// in an earlier case, and the 40–50 band's months are all of them together.
    func consentNeeded(_ c: CitizenCase, months: Int, on date: CivilDate, _ ruleSet: RuleSet)
        -> String?
    {
        let age = c.citizen.age(on: date)
        let isNewCourse = c.courseNumber >= 1 || c.citizen.hadPriorCourse
        let returning = c.courseNumber == 0 && c.citizen.hadPriorCourse ? " (they had one in an earlier case)" : ""
        switch ruleSet.id {
        case .y2013, .y2020:
            return isNewCourse && age >= ruleSet.newCourseConsentAge
                ? "the citizen is \(age); from \(ruleSet.newCourseConsentAge) a new course is only at their own wish\(returning)"
                : nil
        case .y2022, .y2026:
            if let years = ruleSet.yearsBeforePensionAgeNeedingConsent,
                let pensionMonths = ruleSet.pensionAgeMonths(bornOn: c.citizen.birthDate),
                date >= c.citizen.birthDate.adding(months: pensionMonths - years * 12)
            {
                return "the citizen is under \(years) years from folkepension age; a course is only at their own wish"
            }
            guard isNewCourse, age >= ruleSet.newCourseConsentAge else { return nil }
            if let upper = ruleSet.ageBandUpperAge, age > upper {
                return "the citizen is \(age); over \(upper) only one course unless they want more\(returning)"
            }
            let monthsBefore = c.grantedMonthsTotal + c.citizen.priorMonths
            if let total = ruleSet.ageBandTotalMonths, monthsBefore + months > total {
                let earlier = c.citizen.hadPriorCourse ? " (\(c.citizen.priorMonths) of them in earlier cases)" : ""
                return
                    "the citizen is \(age); courses together would reach \(monthsBefore + months) months\(earlier), over \(total)"
            }
            return nil
        }
    }

    /// R9: a caseworker from outside the jobcentre coordinates but cannot make employment-law decisions; once
    /// the reform ends the jobcentre requirement, the municipality decides, from whichever unit.
    private func checkDecidingCaseworker(_ envelope: EventEnvelope, _ course: Course?, on date: CivilDate, _ ruleSet: RuleSet)
        throws(Rejection)
    {
        if let worker = course?.caseworker, !worker.unit.decidesEmploymentLaw, worker.id == envelope.actor,
            !ruleSet.jobcentreAbolished(on: date)
        {
            throw .law(
                .invalidTransition, .r9,
                "\(envelope.actor) coordinates from the \(worker.unit.rawValue) unit and cannot make this decision")
        }
    }

    private func rereferralRequired(_ recommendation: Recommendation, decided: String) -> Rejection {
        .law(
            .rereferralRequired, .r2,
            "the team recommended \(recommendation.step.rawValue) and the decision is \(decided); refer the case to the team again before deviating"
        )
    }
}
