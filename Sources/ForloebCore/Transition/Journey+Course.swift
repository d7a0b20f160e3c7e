extension Journey {
    /// Events inside a running course: they change the course, never its end (R4, R10).
    func apply(
        _ event: CaseEvent, to course: inout Course, on date: CivilDate, under ruleSet: RuleSet,
        _ envelope: EventEnvelope
    ) throws(Rejection) {
        switch event {
        case .caseworkerAssigned(let id, let unit):
            // R9: assigning again is a change of caseworker, kept in the event log.
            course.caseworker = Caseworker(id: id, unit: unit, assignedOn: date)
        case .meetingHeld(let day, let channel):
            hold(meetingOn: day, via: channel, in: &course)
        case .planUpdated(let periodMonths, let goal):
            if let minimum = ruleSet.planMinMonths, periodMonths < minimum {
                throw .law(
                    .planPeriodTooShort, .r12,
                    "an effort plan for \(periodMonths) months; it must be set for at least \(minimum)")
            }
            course.plan = EffortPlan(setOn: date, periodMonths: periodMonths, goal: goal)
        case .mentorAgreed(let start, let end):
            let latest = start.adding(months: ruleSet.mentorMaxMonths)
            guard end <= latest else {
                throw .law(
                    .mentorAgreementTooLong, .r13,
                    "the agreement runs \(start)–\(end); it may last at most \(ruleSet.mentorMaxMonths) months (until \(latest)) and then be renewed"
                )
            }
            course.mentor = MentorAgreement(startDate: start, endDate: end)
        case .effortStarted(let start, _, let name, let fleksjob):
            // R17: the case system's `fleksjob` flag decides. Matching the name is only the fallback without it:
            // it would also catch "afklaring af fleksjobmuligheder", an effort a course may well hold.
            if fleksjob ?? name.lowercased().contains("fleksjob") {
                throw .law(.invalidTransition, .r17, "fleksjob cannot be an effort inside a ressourceforløb")
            }
            course.meetEffortGuarantee(startedOn: start)
        case .internshipStarted(let start, let weeks):
            guard weeks <= ruleSet.internshipStartMaxWeeks else {
                throw Rejection(
                    .internshipTooLong,
                    "an internship starts for at most \(ruleSet.internshipStartMaxWeeks) weeks, not \(weeks) (LAB § 61; 004)"
                )
            }
            course.internship = Internship(startDate: start, weeks: weeks)
            // An internship (virksomhedspraktik) is an offer under LAB: it meets the effort guarantee.
            course.meetEffortGuarantee(startedOn: start)
        case .internshipExtended(let weeks):
            guard var internship = course.internship else {
                throw Rejection(.invalidTransition, "internship.extended with no internship started in this course")
            }
            guard internship.weeks + weeks <= ruleSet.internshipTotalMaxWeeks else {
                throw Rejection(
                    .internshipTooLong,
                    "\(internship.weeks) + \(weeks) weeks exceeds \(ruleSet.internshipTotalMaxWeeks) weeks in all (LAB § 61; 004)"
                )
            }
            internship.weeks += weeks
            course.internship = internship
        case .absenceRecorded(let day, let reasonableCause):
            // R10: sickness and other reasonable causes never move the course's end.
            course.absences.append(Absence(date: day, reasonableCause: reasonableCause))
        case .contactAttempted(let day, let channel, let reached):
            course.contactAttempts.append(ContactAttempt(date: day, channel: channel, reached: reached))
        case .sanctionDecided(let absenceDate, _):
            guard course.absences.contains(where: { $0.date == absenceDate && !$0.reasonableCause }) else {
                throw .law(
                    .sanctionPreconditionsUnmet, .r11,
                    "no absence without reasonable cause is recorded on \(absenceDate)")
            }
            let attempts = course.contactAttempts.filter { $0.date >= absenceDate }
            let unanswered = attempts.filter { !$0.reached }.count
            guard attempts.contains(where: \.reached) || unanswered >= policy.minContactAttempts else {
                throw .law(
                    .sanctionPreconditionsUnmet, .r11,
                    "\(unanswered) unanswered contact attempt(s) since the absence; at least \(policy.minContactAttempts) are needed before a sanction"
                )
            }
            course.sanctions += 1
        default:
            throw invalid(envelope, .active)
        }
    }

    /// A follow-up conversation; under rule sets that demand it, only one in person counts as the first meeting.
    func hold(meetingOn day: CivilDate, via channel: MeetingChannel, in course: inout Course) {
        course.meetingsHeld += 1
        course.lastMeetingOn = max(course.lastMeetingOn ?? day, day)
        if course.firstMeetingOn == nil {
            let firstMustBeInPerson: Bool
            switch rules.ruleSet(course.ruleSet).followUp {
            case .perYear: firstMustBeInPerson = false
            case .inFirstMonths: firstMustBeInPerson = true
            }
            if !firstMustBeInPerson || channel == .inPerson { course.firstMeetingOn = day }
        }
    }
}

extension Course {
    /// LAB § 113 stk. 2 (2022): an offer (employment, education, internship), a social effort (serviceloven) or a
    /// municipal health effort (sundhedsloven) meets the guarantee only once the course has started; an effort
    /// that began before it is preparation, not the course's first effort. Every `EffortArea` is one of those
    /// kinds; a mentor agreement is not (it is support, LAB chapter 15, not an offer), so it never counts.
    mutating func meetEffortGuarantee(startedOn start: CivilDate) {
        guard start >= self.start else { return }
        firstEffortOn = min(firstEffortOn ?? start, start)
    }
}
