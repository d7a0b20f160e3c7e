extension Journey {
    /// Every deadline open for `c`, computed from its event dates and the policy alone (never the clock).
    public func deadlines(for c: CitizenCase) -> [Deadline] {
        var open: [Deadline] = []
        switch c.phase {
        case .awaitingDecision(let recommendation):
            open.append(decisionDue(recommendation))
        case .active(let course):
            appendCourseDeadlines(course, into: &open)
            // Met by the next-step referral, which leaves `active`.
            open.append(
                Deadline(kind: .nextStepReferral, dueOn: course.end.adding(months: -policy.nextStepReferralLeadMonths)))
        case .preEndAwaitingTeam(let course, _):
            appendCourseDeadlines(course, into: &open)
        case .preEndAwaitingDecision(let course, let recommendation):
            appendCourseDeadlines(course, into: &open)
            open.append(decisionDue(recommendation))
        case .requested, .preparing, .awaitingTeam, .ended:
            break
        }
        // Whatever the case's state, final ones included: the municipality reconsiders every appeal it received.
        for appeal in c.appeals ?? [] {
            if let owed = deadline(for: appeal) { open.append(owed) }
        }
        return open.sorted()
    }

    /// What an open appeal waits for: the municipality's reconsideration, or the policy's wait for Ankestyrelsen's
    /// ruling; `nil` once it is decided.
    public func deadline(for appeal: Appeal) -> Deadline? {
        switch appeal.status {
        case .lodged:
            return Deadline(kind: .appealReconsideration, dueOn: appeal.reconsiderBy)
        case .forwarded:
            let sentOn = appeal.reconsideredOn ?? appeal.receivedOn
            return Deadline(kind: .appealRuling, dueOn: sentOn.adding(days: policy.ankestyrelsenIdleDays))
        default:
            return nil
        }
    }

    private func decisionDue(_ recommendation: Recommendation) -> Deadline {
        Deadline(kind: .decisionDue, dueOn: recommendation.recommendedOn.adding(days: policy.decisionDueDays))
    }

    /// Deadlines that run as long as the course does, whatever the next step's progress (§6.1: the course and
    /// its obligations go on in both pre-end states, and after an overrun).
    private func appendCourseDeadlines(_ course: Course, into open: inout [Deadline]) {
        // Room for all at once (seven of the course, and the next-step referral or a decision due): growing the
        // array step by step cost up to three allocations a transition.
        open.reserveCapacity(8)
        open.append(Deadline(kind: .courseEnd, dueOn: course.end))
        open.append(Deadline(kind: .followup, dueOn: nextFollowUp(course)))
        if course.firstMeetingOn == nil {
            let from = course.firstMeetingFrom ?? course.start
            open.append(Deadline(kind: .firstMeeting, dueOn: from.adding(days: policy.firstMeetingDays)))
        }
        open.append(
            Deadline(kind: .planReview, dueOn: course.plan?.reviewOn ?? course.start.adding(days: policy.firstPlanDays)))
        if let mentor = course.mentor {
            open.append(Deadline(kind: .mentorAgreementEnd, dueOn: mentor.endDate))
        }
        if let internship = course.internship {
            open.append(Deadline(kind: .internshipEnd, dueOn: internship.endDate))
        }
        if !course.effortGuaranteeMet, let months = rules.ruleSet(course.ruleSet).effortGuaranteeMonths {
            open.append(Deadline(kind: .effortGuarantee, dueOn: course.start.adding(months: months)))
        }
    }

    /// The next follow-up conversation: after the last one (or the start) by the cadence for that stretch of
    /// the course: the first six months, the middle, or the months close to the end.
    func nextFollowUp(_ course: Course) -> CivilDate {
        let cadence = policy.cadence(for: course.ruleSet)
        let last = course.lastMeetingOn ?? course.start
        let interval: Int
        if last < course.start.adding(months: 6) {
            interval = cadence.firstSixMonthsIntervalDays
        } else if cadence.nearEndMonths > 0 && last >= course.end.adding(months: -cadence.nearEndMonths) {
            interval = cadence.nearEndIntervalDays
        } else {
            interval = cadence.intervalDays
        }
        return last.adding(days: interval)
    }
}
