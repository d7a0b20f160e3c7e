import ForloebCore
import Testing

/// One test per rule of DOMAIN.md: the path the rule allows, and the rejection (code and rule) it gives
/// otherwise. Dates before 2020 are judged by rule set `2013`, from 2022 by `2022`.
@Suite struct RuleTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    /// A citizen born 1985 with a 12-month course granted on 2023-02-20 from 2023-03-01 (ends 2024-03-01).
    func activeCase(born: String = "1985-05-20") -> CaseScript {
        var s = CaseScript(journey: journey)
        s.toActive(born: born, decidedOn: "2023-02-20", months: 12, start: "2023-03-01")
        return s
    }

    @Test func r1_courseOnlyAfterReferralAndRecommendation() {
        var s = CaseScript(journey: journey)
        s.open(born: "1985-05-20", on: "2023-01-10")
        for (state, next) in [(CaseState.requested, 0), (.preparing, 1), (.awaitingTeam, 2)] {
            #expect(s.state == state)
            let outcome = s.decide(.ressourceforloeb, months: 12, on: "2023-01-2\(next)")
            #expect(outcome.code == .teamRecommendationRequired)
            #expect(outcome.rule == .r1)
            #expect(s.state == state, "a rejected decision changes nothing")
            if state == .requested { s.assess(on: "2023-01-20") }
            if state == .preparing { s.refer(meeting: "2023-02-14", on: "2023-02-01") }
        }
        s.recommend(.ressourceforloeb, months: 12, on: "2023-02-14")
        let granted = s.decide(.ressourceforloeb, months: 12, start: "2023-03-01", on: "2023-02-20")
        #expect(granted.transition?.from == .awaitingDecision)
        #expect(granted.transition?.to == .active)
        #expect(s.current?.courseNumber == 1)
        #expect(s.course?.start == day("2023-03-01"))
        #expect(s.course?.end == day("2024-03-01"))
    }

    @Test func r2_deviationNeedsRereferral() {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-02-14", months: 24)
        for outcome in [DecisionOutcome.step(.kontanthjaelp), .refusal, .step(.selfSupport)] {
            let r = s.decide(outcome, on: "2023-02-20")
            #expect(r.code == .rereferralRequired, "\(outcome)")
            #expect(r.rule == .r2)
        }
        #expect(s.state == .awaitingDecision)
        #expect(s.rerefer(meeting: "2023-03-07", on: "2023-02-21").transition?.to == .awaitingTeam)
        s.recommend(.ressourceforloeb, months: 24, on: "2023-03-07")
        // After the team has reconsidered, the municipality decides.
        let decided = s.decide(.kontanthjaelp, on: "2023-03-10")
        #expect(decided.transition?.to == .kontanthjaelp)

        // The same before a course's end: the team recommends fleksjob, the municipality would decide otherwise.
        var p = activeCase()
        p.toPreEndDecision(.fleksjob, referredOn: "2023-11-01", recommendedOn: "2023-11-20")
        let deviating = p.decide(.kontanthjaelp, on: "2023-11-25")
        #expect(deviating.code == .rereferralRequired)
        #expect(deviating.rule == .r2)
        #expect(p.rerefer(meeting: "2023-12-10", on: "2023-11-26").transition?.to == .preEndAwaitingTeam)
        p.recommend(.fleksjob, on: "2023-12-10")
        #expect(p.decide(.kontanthjaelp, on: "2023-12-12").transition?.to == .kontanthjaelp)
    }

    @Test(arguments: [
        // 2013 rules (decided 2019): 12–60 months.
        ("2019-05-10", 11, false), ("2019-05-10", 12, true), ("2019-05-10", 60, true), ("2019-05-10", 61, false),
        // 2022 rules: 12–36 months.
        ("2023-05-10", 11, false), ("2023-05-10", 12, true), ("2023-05-10", 36, true), ("2023-05-10", 37, false),
    ])
    func r3_durationFixedWithinRange(decidedOn: String, months: Int, accepted: Bool) {
        var s = CaseScript(journey: journey)
        // The team names no duration, so that any length is no deviation from it (R2): R3 alone decides.
        s.toAwaitingDecision(born: "1985-05-20", recommendedOn: day(decidedOn).adding(days: -5).description)
        let start = day(decidedOn).adding(days: 20)
        let outcome = s.decide(.ressourceforloeb, months: months, start: start.description, on: decidedOn)
        if accepted {
            #expect(outcome.transition?.to == .active)
            #expect(s.course?.months == months)
            #expect(s.course?.end == start.adding(months: months), "the decision fixes the exact end")
        } else {
            #expect(outcome.code == .durationOutOfRange)
            #expect(outcome.rule == .r3)
            #expect(s.state == .awaitingDecision)
        }
    }

    @Test func r3_decisionWithoutDurationTakesTheRecommendedOne() {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-02-14", months: 18)
        s.decide(.ressourceforloeb, start: "2023-03-01", on: "2023-02-20")
        #expect(s.course?.months == 18)
        #expect(s.course?.end == day("2024-09-01"))

        // Neither names one: the policy's default length (Halsnæs and the default policy: one year).
        var unnamed = CaseScript(journey: journey)
        unnamed.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-02-14")
        unnamed.decide(.ressourceforloeb, start: "2023-03-01", on: "2023-02-20")
        #expect(unnamed.course?.months == journey.policy.defaultCourseMonths)
        #expect(unnamed.course?.end == day("2024-03-01"))
    }

    @Test func r4_noExtension() {
        var s = activeCase()
        let before = s.current
        let extension1 = s.send(.courseExtensionRequested, on: "2024-01-15")
        #expect(extension1.code == .extensionNotAllowed)
        #expect(extension1.rule == .r4)
        #expect(s.current == before, "a rejected extension leaves the case untouched")
        s.refer(meeting: "2024-01-30", on: "2024-01-16", efforts: nil)
        #expect(s.send(.courseExtensionRequested, on: "2024-01-17").rule == .r4)
        #expect(s.course?.end == day("2024-03-01"))
        // Only a new course: again through the team and a decision.
        s.recommend(.newCourse, months: 12, on: "2024-01-30")
        let newCourse = s.decide(.newCourse, months: 12, on: "2024-02-05")
        #expect(newCourse.transition?.to == .active)
        #expect(s.current?.courseNumber == 2)
        #expect(s.course?.start == day("2024-03-01"), "the new course starts where the first ends: no gap")
        #expect(s.course?.end == day("2025-03-01"))
        // Even on a case that has ended, an extension is answered with the rule.
        s.decide(.selfSupport, on: "2024-06-01")
        #expect(s.state == .selfSupport)
        #expect(s.send(.courseExtensionRequested, on: "2024-06-02").code == .extensionNotAllowed)
    }

    @Test func r5_overrunCourseAndBenefitContinue() {
        var s = activeCase()
        let end = day("2024-03-01")
        // The end passes at 00:00 on 1 March in Denmark: 23:00 UTC on 29 February.
        #expect(s.current?.isOverrun(at: instant("2024-02-29T22:59:59Z")) == false)
        #expect(s.current?.isOverrun(at: end.danishMidnight) == true)
        // No refusal before the end: the decision must say what follows.
        let refusal = s.decide(.refusal, on: "2024-02-01")
        #expect(refusal.code == .invalidTransition)
        #expect(refusal.rule == .r5)
        // Past the end nothing happens by itself: the course runs on and accepts its events.
        let meeting = s.send(.meetingHeld(date: day("2024-04-10"), channel: .inPerson), on: "2024-04-10")
        #expect(meeting.transition?.to == .active)
        #expect(meeting.transition?.stateChanges.isEmpty == true)
        #expect(s.current?.isOverrun(at: instant("2024-04-10T12:00:00Z")) == true)
        #expect(s.deadline(.courseEnd) == end)
        #expect(s.send(.planUpdated(periodMonths: 6, goal: "afklaring"), on: "2024-04-11").transition != nil)
        // The next step is decided late, through the team; a refusal is still not a next step.
        s.toPreEndDecision(.kontanthjaelp, referredOn: "2024-04-15", recommendedOn: "2024-04-30")
        #expect(s.current?.isOverrun(at: instant("2024-05-01T00:00:00Z")) == true)
        #expect(s.decide(.refusal, on: "2024-05-02").rule == .r5)
        #expect(s.decide(.kontanthjaelp, on: "2024-05-03").transition?.to == .kontanthjaelp)
        #expect(s.current?.isOverrun(at: instant("2024-05-04T00:00:00Z")) == false)
    }

    @Test func r6_nextStepNeedsTheTeam() {
        var s = activeCase()
        for step in [NextStep.newCourse, .ressourceforloeb, .foertidspension] {
            let r = s.decide(step, months: step.isCourse ? 12 : nil, consent: true, on: "2023-12-01")
            #expect(r.code == .teamRecommendationRequired, "\(step)")
            #expect(r.rule == .r6)
        }
        s.refer(meeting: "2023-12-14", on: "2023-12-02", efforts: nil)
        let early = s.decide(.newCourse, months: 12, on: "2023-12-05")
        #expect(early.code == .teamRecommendationRequired)
        #expect(early.rule == .r6)
        s.recommend(.newCourse, months: 12, on: "2023-12-14")
        #expect(s.decide(.newCourse, months: 12, on: "2023-12-20").transition?.to == .active)
        #expect(s.current?.courseNumber == 2)

        // Outcomes that need no team may be decided straight from the course.
        var t = activeCase()
        #expect(t.decide(.revalidering, on: "2023-12-01").transition?.to == .revalidering)
    }

    /// A citizen born 1979-03-15 (40 on 2019-03-15) whose first course (2013 rules) runs 2017-04-01 to
    /// 2019-04-01, and whom the team recommends a new course.
    func turningForty() -> CaseScript {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1979-03-15", decidedOn: "2017-04-01", months: 24)
        s.toPreEndDecision(.newCourse, months: 24, referredOn: "2018-12-01", recommendedOn: "2018-12-15")
        return s
    }

    @Test func r7_newCourseFromFortyOnlyAtOwnWish() throws {
        var dayBefore = turningForty()
        let at39 = dayBefore.decide(.newCourse, months: 24, on: "2019-03-14")
        #expect(at39.transition?.to == .active, "at 39 there is no limit on new courses")
        #expect(dayBefore.current?.courseNumber == 2)
        #expect(dayBefore.course?.start == day("2019-04-01"))

        var birthday = turningForty()
        let at40 = birthday.decide(.newCourse, months: 24, on: "2019-03-15")
        #expect(at40.code == .consentRequired, "the 40th birthday counts as 40")
        #expect(at40.rule == .r7)
        #expect(birthday.decide(.newCourse, months: 24, consent: false, on: "2019-03-15").code == .consentRequired)
        let wanted = birthday.decide(.newCourse, months: 24, consent: true, on: "2019-03-15")
        #expect(wanted.transition?.to == .active)
        #expect(birthday.current?.courseNumber == 2)

        // The first course needs no wish at any age.
        var first = CaseScript(journey: journey)
        first.toActive(born: "1970-01-01", decidedOn: "2017-04-01", months: 24)
        #expect(first.current?.courseNumber == 1)
    }

    @Test func r8_foertidspensionUnderFortyOnlyWhereFutile() {
        // Born 1983-02-20: 39 on 2023-02-19, 40 on 2023-02-20.
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1983-02-20", recommendedOn: "2023-02-10", recommendation: .kontanthjaelp)
        s.rerefer(meeting: "2023-02-17", on: "2023-02-13")
        s.recommend(.kontanthjaelp, on: "2023-02-17")
        let at39 = s.decide(.foertidspension, on: "2023-02-19")
        #expect(at39.code == .futilityNotDocumented)
        #expect(at39.rule == .r8)
        let at40 = s.decide(.foertidspension, on: "2023-02-20")
        #expect(at40.transition?.to == .foertidspension, "the 40th birthday counts as 40")

        // Under 40 the decision may itself document futility.
        var young = CaseScript(journey: journey)
        young.toAwaitingDecision(born: "1995-01-01", recommendedOn: "2023-02-10", recommendation: .kontanthjaelp)
        young.rerefer(meeting: "2023-02-17", on: "2023-02-13")
        young.recommend(.kontanthjaelp, on: "2023-02-17")
        #expect(young.decide(.foertidspension, on: "2023-02-20").rule == .r8)
        #expect(young.decide(.foertidspension, futile: true, on: "2023-02-21").transition?.to == .foertidspension)
        #expect(young.current?.futilityDocumented == true)

        // Or the team's recommendation of førtidspension documents it.
        var recommended = CaseScript(journey: journey)
        recommended.toAwaitingDecision(
            born: "1995-01-01", recommendedOn: "2023-02-10", recommendation: .foertidspension)
        #expect(recommended.decide(.foertidspension, on: "2023-02-20").transition?.to == .foertidspension)
    }

    @Test func r9_coordinatingCaseworkerAndDecidingUnit() {
        var s = activeCase()
        s.send(.caseworkerAssigned(caseworkerId: "sw-77", unit: .social), on: "2023-03-02")
        #expect(s.course?.caseworker?.id == "sw-77")
        #expect(s.course?.caseworker?.unit == .social)
        #expect(s.course?.caseworker?.assignedOn == day("2023-03-02"))
        let bySocialWorker = s.decide(.kontanthjaelp, on: "2023-06-01", actor: "sw-77")
        #expect(bySocialWorker.code == .invalidTransition)
        #expect(bySocialWorker.rule == .r9)
        // Changing caseworker is an event of its own.
        let version = s.current?.version ?? 0
        #expect(
            s.send(.caseworkerAssigned(caseworkerId: "sb-1000", unit: .jobcenter), on: "2023-06-02").transition != nil)
        #expect(s.current?.version == version + 1)
        #expect(s.course?.caseworker?.id == "sb-1000")
        #expect(s.course?.caseworker?.assignedOn == day("2023-06-02"))
        #expect(s.decide(.kontanthjaelp, on: "2023-06-03", actor: "sb-1000").transition?.to == .kontanthjaelp)
    }

    @Test func r10_sicknessDoesNotExtendTheCourse() {
        var s = activeCase()
        let end = s.course?.end
        for date in ["2023-04-03", "2023-04-04", "2023-09-01", "2024-02-28"] {
            let r = s.send(.absenceRecorded(date: day(date), reasonableCause: true), on: date)
            #expect(r.transition != nil)
        }
        #expect(s.course?.absences.count == 4)
        #expect(s.course?.end == end)
        #expect(s.deadline(.courseEnd) == day("2024-03-01"))
        #expect(s.send(.courseExtensionRequested, on: "2024-02-28").code == .extensionNotAllowed)
    }

    @Test func r11_sanctionOnlyAfterUnreasonableAbsenceAndContactAttempts() {
        var s = activeCase()
        func sanction(_ absence: String, on date: String) -> CaseBook.Outcome {
            s.send(.sanctionDecided(absenceDate: day(absence)), on: date)
        }
        #expect(sanction("2023-05-01", on: "2023-05-02").rule == .r11, "no absence recorded")
        s.send(.absenceRecorded(date: day("2023-05-01"), reasonableCause: true), on: "2023-05-01")
        let sick = sanction("2023-05-01", on: "2023-05-02")
        #expect(sick.code == .sanctionPreconditionsUnmet)
        #expect(sick.rule == .r11)

        s.send(.contactAttempted(date: day("2023-05-05"), channel: .phone, reached: false), on: "2023-05-05")
        s.send(.absenceRecorded(date: day("2023-05-08"), reasonableCause: false), on: "2023-05-08")
        s.send(.contactAttempted(date: day("2023-05-09"), channel: .phone, reached: false), on: "2023-05-09")
        let oneAttempt = sanction("2023-05-08", on: "2023-05-10")
        #expect(oneAttempt.code == .sanctionPreconditionsUnmet, "an attempt before the absence does not count")
        #expect(oneAttempt.rule == .r11)
        s.send(.contactAttempted(date: day("2023-05-11"), channel: .letter, reached: false), on: "2023-05-11")
        #expect(sanction("2023-05-08", on: "2023-05-12").transition != nil)
        #expect(s.course?.sanctions == 1)

        // Reaching the citizen also exhausts the attempts.
        s.send(.absenceRecorded(date: day("2023-06-05"), reasonableCause: false), on: "2023-06-05")
        s.send(.contactAttempted(date: day("2023-06-06"), channel: .inPerson, reached: true), on: "2023-06-06")
        #expect(sanction("2023-06-05", on: "2023-06-07").transition != nil)
        #expect(s.course?.sanctions == 2)
    }

    /// R12 is the law of `2013` and `2020` (DOMAIN.md): a course granted and planned in 2021.
    @Test func r12_effortPlanAtLeastSixMonths() {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2021-02-20", months: 24, start: "2021-03-01")
        #expect(s.course?.ruleSet == .y2020)
        let short = s.send(.planUpdated(periodMonths: 5, goal: "afklaring"), on: "2021-03-06")
        #expect(short.code == .planPeriodTooShort)
        #expect(short.rule == .r12)
        #expect(s.course?.plan == nil)
        #expect(s.send(.planUpdated(periodMonths: 6, goal: "afklaring"), on: "2021-03-06").transition != nil)
        #expect(s.course?.plan?.periodMonths == 6)
        #expect(s.deadline(.planReview) == day("2021-09-06"))
        // Updated continuously: each update sets the next review.
        s.send(.planUpdated(periodMonths: 9, goal: "praktik"), on: "2021-09-01")
        #expect(s.deadline(.planReview) == day("2022-06-01"))
    }

    @Test func r13_mentorAgreementAtMostSixMonths() {
        var s = activeCase()
        let long = s.send(.mentorAgreed(startDate: day("2023-03-20"), endDate: day("2023-09-21")), on: "2023-03-20")
        #expect(long.code == .mentorAgreementTooLong)
        #expect(long.rule == .r13)
        #expect(s.course?.mentor == nil)
        let six = s.send(.mentorAgreed(startDate: day("2023-03-20"), endDate: day("2023-09-20")), on: "2023-03-20")
        #expect(six.transition != nil)
        #expect(s.deadline(.mentorAgreementEnd) == day("2023-09-20"))
        // Renewable, again for at most six months.
        s.send(.mentorAgreed(startDate: day("2023-09-20"), endDate: day("2024-02-29")), on: "2023-09-15")
        #expect(s.deadline(.mentorAgreementEnd) == day("2024-02-29"))
    }

    @Test func r14_everyDecisionIsAppealable() {
        // A refusal to treat the case with a view to a course, on the municipality's own initiative.
        var refused = CaseScript(journey: journey)
        refused.send(
            .caseOpened(
                Citizen(
                    birthDate: day("1990-01-01"), municipality: "0260", origin: .municipality,
                    incomeBasis: .sygedagpenge)),
            on: "2023-01-10")
        let refusal = refused.assess(.notInTargetGroup, on: "2023-02-20")
        #expect(refusal.transition?.to == .refused)
        let record = refused.current?.lastDecision
        #expect(record?.outcome == "refusal")
        #expect(record?.messageId == refusal.transition?.messageId)
        #expect(record?.decidedOn == day("2023-02-20"))
        #expect(record?.appealUntil == day("2023-03-20"), "4 weeks")
        #expect(record?.ruleSet == .y2022)

        // The grant and the next step are decisions too, each with its own appeal period and rule set.
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2021-12-20", months: 24)
        #expect(s.current?.lastDecision?.outcome == "ressourceforloeb")
        #expect(s.current?.lastDecision?.appealUntil == day("2022-01-17"))
        #expect(s.current?.lastDecision?.ruleSet == .y2020)
        let next = s.decide(.selfSupport, on: "2023-03-31")
        #expect(s.current?.lastDecision?.outcome == "self_support")
        #expect(s.current?.lastDecision?.messageId == next.transition?.messageId)
        #expect(s.current?.lastDecision?.appealUntil == day("2023-04-28"))
        #expect(s.current?.lastDecision?.ruleSet == .y2022)

        // An obvious førtidspension case: the assessment is the decision.
        var obvious = CaseScript(journey: journey)
        obvious.open(born: "1965-01-01", on: "2019-03-01")
        obvious.assess(.obviousFoertidspension, on: "2019-03-10")
        #expect(obvious.current?.lastDecision?.outcome == "foertidspension")
        // Four weeks end on Sunday 7 April: the period runs to Monday.
        #expect(obvious.current?.lastDecision?.appealUntil == day("2019-04-08"))
        #expect(obvious.current?.lastDecision?.ruleSet == .y2013)
    }

    @Test func r15_municipalityChangeKeepsEverythingElse() throws {
        var s = activeCase()
        s.send(.caseworkerAssigned(caseworkerId: "sb-4711", unit: .jobcenter), on: "2023-03-01")
        s.send(.planUpdated(periodMonths: 6, goal: "afklaring"), on: "2023-03-06")
        s.send(.mentorAgreed(startDate: day("2023-03-20"), endDate: day("2023-09-20")), on: "2023-03-20")
        let before = try #require(s.current)
        let deadlinesBefore = s.deadlines
        let moved = s.send(.municipalityChanged(municipality: "0250"), on: "2023-05-01")
        #expect(moved.transition?.from == .active)
        #expect(moved.transition?.to == .active)
        var expected = before
        expected.citizen.municipality = "0250"
        expected.version += 1
        expected.lastEventAt = instant("2023-05-01T10:00:00Z")
        #expect(s.current == expected, "only the municipality changes: the plan follows the case")
        #expect(s.deadlines == deadlinesBefore)

        // Before a course too; after the case has ended there is nothing to move.
        var early = CaseScript(journey: journey)
        early.open(born: "1985-05-20", on: "2023-01-10")
        #expect(early.send(.municipalityChanged(municipality: "0250"), on: "2023-01-11").transition?.to == .requested)
        #expect(early.current?.citizen.municipality == "0250")
        early.send(.caseClosed(reason: .emigrated), on: "2023-01-12")
        #expect(early.send(.municipalityChanged(municipality: "0101"), on: "2023-01-13").code == .invalidTransition)
    }

    @Test func r16_obviousFoertidspensionGetsNoCourse() {
        var s = CaseScript(journey: journey)
        s.open(born: "1968-08-30", on: "2023-03-01")
        let obvious = s.assess(.obviousFoertidspension, on: "2023-03-05")
        #expect(obvious.transition?.to == .foertidspension)
        #expect(s.current?.futilityDocumented == true)
        #expect(s.refer(meeting: "2023-03-20", on: "2023-03-06").code == .invalidTransition)

        // A decision that documents futility cannot grant a course.
        var futile = CaseScript(journey: journey)
        futile.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-02-14", months: 12)
        let grant = futile.decide(.ressourceforloeb, months: 12, futile: true, on: "2023-02-20")
        #expect(grant.code == .invalidTransition)
        #expect(grant.rule == .r16)
        #expect(futile.decide(.ressourceforloeb, months: 12, on: "2023-02-21").transition?.to == .active)
    }

    @Test func r17_fleksjobOnlyThroughTheTeam() {
        var s = activeCase()
        let effort = s.send(
            .effortStarted(startDate: day("2023-04-01"), area: .employment, name: "Fleksjob hos Brugsen"),
            on: "2023-04-01")
        #expect(effort.code == .invalidTransition)
        #expect(effort.rule == .r17)
        #expect(s.course?.firstEffortOn == nil)
        // The structured field decides where the case system sends it; the name is only the fallback.
        let flagged = s.send(
            .effortStarted(startDate: day("2023-04-01"), area: .employment, name: "Job hos Brugsen", fleksjob: true),
            on: "2023-04-01")
        #expect(flagged.rule == .r17)
        let clarifying = s.send(
            .effortStarted(
                startDate: day("2023-04-02"), area: .employment, name: "Afklaring af fleksjobmuligheder", fleksjob: false),
            on: "2023-04-02")
        #expect(clarifying.transition?.to == .active)
        let direct = s.decide(.fleksjob, on: "2023-12-01")
        #expect(direct.code == .teamRecommendationRequired)
        #expect(direct.rule == .r17)
        s.refer(meeting: "2023-12-14", on: "2023-12-02", efforts: nil)
        #expect(s.decide(.fleksjob, on: "2023-12-05").rule == .r17)
        s.recommend(.fleksjob, on: "2023-12-14")
        #expect(s.decide(.fleksjob, on: "2023-12-20").transition?.to == .fleksjob)
    }
}
