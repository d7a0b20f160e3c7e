import ForloebCore
import Testing

/// The law of today (CONTRACT.md §6.1–§6.3): the course runs until the next step is decided, the team reviews a
/// running course, and lov 1750/2025 ends new courses (2026-02-01) and the team (2026-07-01), each either side
/// of its date, with no case stranded.
@Suite struct Reform2026Tests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    /// A 2022 course: recommended 2025-01-13, granted 2025-01-20 for 24 months from 2025-02-01 (ends 2027-02-01).
    func courseOf2025(born: String = "1985-05-20") -> CaseScript {
        var s = CaseScript(journey: journey)
        s.toActive(born: born, decidedOn: "2025-01-20", months: 24, start: "2025-02-01")
        return s
    }

    // MARK: §6.1 The course runs until the next step is decided

    @Test func courseEventsAreValidInBothPreEndStatesUnderTheSameRules() {
        var s = courseOf2025()
        s.refer(meeting: "2026-06-20", on: "2026-06-01", efforts: nil)
        #expect(s.state == .preEndAwaitingTeam)
        let events: [CaseEvent] = [
            .caseworkerAssigned(caseworkerId: "sb-2", unit: .jobcenter),
            .planUpdated(periodMonths: 6, goal: "afklaring"),
            .mentorAgreed(startDate: day("2026-06-02"), endDate: day("2026-11-30")),
            .effortStarted(startDate: day("2026-06-03"), area: .health, name: "smertehåndtering"),
            .internshipStarted(startDate: day("2026-06-04"), weeks: 13),
            .internshipExtended(weeks: 13),
            .absenceRecorded(date: day("2026-06-05"), reasonableCause: false),
            .contactAttempted(date: day("2026-06-06"), channel: .phone, reached: true),
            .sanctionDecided(absenceDate: day("2026-06-05")),
            .meetingHeld(date: day("2026-06-08"), channel: .phone),
        ]
        for event in events {
            let outcome = s.send(event, on: "2026-06-10")
            #expect(outcome.transition?.to == .preEndAwaitingTeam, "\(event.type.rawValue): \(outcome)")
        }
        #expect(s.course?.sanctions == 1)
        #expect(s.course?.internship?.weeks == 26)
        #expect(s.deadline(.internshipEnd) == day("2026-12-03"), "the course's deadlines run on in pre-end states")
        // The same rules: an internship over 39 weeks in all is refused here as in `active`.
        #expect(s.send(.internshipExtended(weeks: 14), on: "2026-06-11").code == .internshipTooLong)
        s.recommend(.kontanthjaelp, on: "2026-06-20")
        #expect(s.state == .preEndAwaitingDecision)
        let plan = s.send(.planUpdated(periodMonths: 6, goal: "job"), on: "2026-06-21")
        #expect(plan.transition?.to == .preEndAwaitingDecision)
        #expect(s.course?.plan?.goal == "job")
    }

    @Test func anOverrunCourseKeepsAcceptingCourseEvents() {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12, start: "2023-03-01")
        s.refer(meeting: "2024-03-10", on: "2024-01-15", efforts: nil)
        // 2024-03-01 has passed: the course overruns, and goes on (R5).
        let outcome = s.send(.effortStarted(startDate: day("2024-03-05"), area: .social, name: "bostøtte"), on: "2024-03-05")
        #expect(outcome.transition?.to == .preEndAwaitingTeam)
        #expect(s.current?.isOverrun(at: instant("2024-03-05T12:00:00Z")) == true)
    }

    @Test func planPeriodRuleHoldsInPreEndStatesToo() {
        // R12 (2013/2020): a plan under 6 months is refused wherever the course runs.
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2020-02-20", months: 24, start: "2020-03-01")
        s.refer(meeting: "2021-12-20", on: "2021-12-01", efforts: nil)
        let short = s.send(.planUpdated(periodMonths: 3, goal: "x"), on: "2021-12-02")
        #expect(short.code == .planPeriodTooShort)
        #expect(short.rule == .r12)
    }

    // MARK: §6.2 The team during a course

    @Test func aReviewReferralKeepsTheCaseActiveAndMeetsTheEffortGuarantee() {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 24, start: "2023-03-01")
        #expect(s.deadline(.effortGuarantee) == day("2023-09-01"))
        let stray = s.recommend(.ressourceforloeb, on: "2023-09-05")
        #expect(stray.code == .invalidTransition, "no review was asked for")
        let referred = s.send(
            .teamReferred(meetingDate: day("2023-09-20"), consideredEfforts: nil, purpose: .review), on: "2023-09-05")
        #expect(referred.transition?.to == .active)
        #expect(referred.transition?.stateChanges.isEmpty == true)
        #expect(s.course?.reviewMeetingOn == day("2023-09-20"))
        let answered = s.recommend(.ressourceforloeb, on: "2023-09-20")
        #expect(answered.transition?.to == .active)
        #expect(s.course?.lastReview == CourseReview(step: .ressourceforloeb, reviewedOn: day("2023-09-20")))
        #expect(s.course?.reviewMeetingOn == nil)
        #expect(s.deadline(.effortGuarantee) == nil, "the team's review meets the guarantee")
        // The default purpose is still the next step.
        s.refer(meeting: "2024-12-20", on: "2024-12-01", efforts: nil)
        #expect(s.state == .preEndAwaitingTeam)
    }

    // MARK: §6.3 R18: no new courses or revalidering from 2026-02-01

    @Test(arguments: [
        ("2026-01-31", true), ("2026-02-01", false),
    ])
    func aFirstCourseIsGrantedOnlyBeforeTheAbolition(decidedOn: String, granted: Bool) {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2026-01-20", months: 12)
        let outcome = s.decide(.ressourceforloeb, months: 12, on: decidedOn)
        if granted {
            #expect(outcome.transition?.to == .active)
        } else {
            #expect(outcome.code == .schemeAbolished)
            #expect(outcome.rule == .r18)
            #expect(outcome.rejection?.detail.contains("2026-02-01") == true)
            // A refusal of the course is still a decision the municipality can take.
            #expect(s.decide(.refusal, on: decidedOn).transition?.to == .refused)
        }
    }

    @Test(arguments: [("2026-01-31", true), ("2026-02-01", false)])
    func revalideringIsGrantedOnlyBeforeTheAbolition(decidedOn: String, granted: Bool) {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2026-01-20", recommendation: .revalidering)
        let outcome = s.decide(.revalidering, on: decidedOn)
        #expect(granted ? outcome.transition?.to == .revalidering : outcome.code == .schemeAbolished)
    }

    @Test func aNewCourseAfterTheAbolitionIsRefusedAndTheRunningCourseRunsToItsEnd() {
        var s = courseOf2025()
        s.toPreEndDecision(.newCourse, months: 12, referredOn: "2026-03-01", recommendedOn: "2026-03-20")
        let outcome = s.decide(.newCourse, months: 12, consent: true, on: "2026-03-25")
        #expect(outcome.code == .schemeAbolished)
        #expect(outcome.rule == .r18)
        #expect(s.course?.end == day("2027-02-01"), "the course granted in 2025 keeps its fixed end")
        #expect(s.deadline(.courseEnd) == day("2027-02-01"))
    }

    // MARK: §6.3 R18: the team no longer sits from 2026-07-01

    @Test(arguments: [
        ("2026-06-30", true), ("2026-07-01", false),
    ])
    func teamEventsStopOnTheTeamsAbolition(on date: String, accepted: Bool) {
        var s = CaseScript(journey: journey)
        s.open(born: "1980-01-01", on: "2026-05-01")
        s.assess(on: "2026-05-10")
        let referred = s.refer(meeting: "2026-08-01", on: date)
        if accepted {
            #expect(referred.transition?.to == .awaitingTeam)
            #expect(s.recommend(.fleksjob, on: "2026-07-01").code == .schemeAbolished)
        } else {
            #expect(referred.code == .schemeAbolished)
            #expect(referred.rule == .r18)
        }
    }

    // MARK: §6.3 R19 and no case stranded

    @Test func aCaseWaitingForTheTeamIsDecidedOnTheDescriptionAndTheHealthAdvice() {
        var s = CaseScript(journey: journey)
        s.open(born: "1980-01-01", on: "2026-05-01")
        s.assess(on: "2026-05-10")
        s.refer(meeting: "2026-07-15", on: "2026-06-15")
        #expect(s.state == .awaitingTeam)
        // Before the team goes, fleksjob still needs its recommendation (R1).
        #expect(s.decide(.fleksjob, on: "2026-06-30").code == .teamRecommendationRequired)
        let bare = s.decide(.fleksjob, on: "2026-07-02")
        #expect(bare.code == .healthAdviceRequired)
        #expect(bare.rule == .r19)
        #expect(bare.rejection?.detail.contains("description.completed, health_advice.given") == true)
        s.send(.descriptionCompleted(date: day("2026-07-03")), on: "2026-07-03")
        let half = s.decide(.fleksjob, on: "2026-07-04")
        #expect(half.code == .healthAdviceRequired)
        #expect(half.rejection?.detail.contains("missing: health_advice.given") == true)
        s.send(.healthAdviceGiven(date: day("2026-07-05")), on: "2026-07-05")
        #expect(s.decide(.fleksjob, on: "2026-07-06").transition?.to == .fleksjob)
    }

    @Test func aCourseOf2025EndsInADecisionUnderTheNewRules() {
        var s = courseOf2025()
        s.refer(meeting: "2026-06-25", on: "2026-06-01", efforts: nil)
        #expect(s.state == .preEndAwaitingTeam)
        // The team is gone before it met: the case is decided without it.
        s.send(.descriptionCompleted(date: day("2026-09-01")), on: "2026-09-01")
        s.send(.healthAdviceGiven(date: day("2026-09-10")), on: "2026-09-10")
        let decided = s.decide(.foertidspension, on: "2026-10-01")
        #expect(decided.transition?.from == .preEndAwaitingTeam)
        #expect(decided.transition?.to == .foertidspension)
        #expect(decided.transition?.ruleSet == .y2026)
    }

    @Test func theBasisCountsOnlySinceTheCaseEnteredItsState() {
        var s = courseOf2025()
        s.send(.descriptionCompleted(date: day("2026-05-01")), on: "2026-05-01")
        s.send(.healthAdviceGiven(date: day("2026-05-02")), on: "2026-05-02")
        s.refer(meeting: "2026-06-25", on: "2026-06-01", efforts: nil)
        #expect(s.current?.descriptionCompletedOn == nil, "entering pre_end_awaiting_team starts a new basis")
        #expect(s.decide(.fleksjob, on: "2026-07-10").code == .healthAdviceRequired)
        // Outcomes that never needed the team need no basis either.
        #expect(s.decide(.kontanthjaelp, on: "2026-07-10").transition?.to == .kontanthjaelp)
    }

    @Test func theDescriptionAndTheAdviceAreValidInEveryNonFinalState() {
        var s = CaseScript(journey: journey)
        s.open(born: "1980-01-01", on: "2026-08-01")
        #expect(s.send(.descriptionCompleted(date: day("2026-08-02")), on: "2026-08-02").transition?.to == .requested)
        s.send(.caseClosed(reason: .withdrawn), on: "2026-08-03")
        #expect(s.send(.healthAdviceGiven(date: day("2026-08-04")), on: "2026-08-04").code == .invalidTransition)
    }

    @Test func theDatesAreDataThatADeploymentCanMove() throws {
        let reform = try #require(journey.rules.ruleSet(.y2026).abolitions)
        #expect(reform.coursesOn == day("2026-02-01"))
        #expect(reform.teamOn == day("2026-07-01"))
        var moved = journey
        moved.rules = RuleBook(
            journey.rules.ruleSets.map { set in
                var set = set
                set.abolitions?.coursesOn = day("2026-07-01")
                return set
            })
        var s = CaseScript(journey: moved)
        s.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2026-03-01", months: 12)
        #expect(s.decide(.ressourceforloeb, months: 12, on: "2026-03-05").transition?.to == .active)
    }

    @Test func whatMovesACaseOnFollowsTheLawOfTheDay() {
        let before = JourneyExplorer(journey: journey, on: day("2026-06-30"))
        #expect(before.acceptedEvents(in: .awaitingTeam).contains(.teamRecommended))
        #expect(!before.acceptedEvents(in: .awaitingTeam).contains(.decisionMade))
        let after = JourneyExplorer(journey: journey, on: day("2026-07-01"))
        for state in [CaseState.awaitingTeam, .preEndAwaitingTeam, .awaitingDecision, .preEndAwaitingDecision] {
            let accepted = after.acceptedEvents(in: state)
            #expect(accepted.contains(.decisionMade), "\(state.rawValue) is not stranded")
            #expect(accepted.contains(.descriptionCompleted))
            #expect(!accepted.contains(.teamRecommended) && !accepted.contains(.teamRereferred))
        }
        #expect(JourneyExplorer.eras(of: journey) == [day("2023-03-01"), day("2026-02-01"), day("2026-07-01")])
    }

    // MARK: R9 follows the jobcentre

    @Test func aMunicipalCaseworkerDecidesOnceTheJobcentreRequirementIsGone() {
        var s = courseOf2025()
        s.send(.caseworkerAssigned(caseworkerId: "soc-7", unit: .social), on: "2026-03-01")
        let early = s.decide(.kontanthjaelp, on: "2026-06-30", actor: "soc-7")
        #expect(early.code == .invalidTransition)
        #expect(early.rule == .r9)
        #expect(s.decide(.kontanthjaelp, on: "2026-07-01", actor: "soc-7").transition?.to == .kontanthjaelp)
    }

    @Test func aCaseworkerInTheMunicipalityUnitDecides() {
        var s = courseOf2025()
        let assigned = s.send(.caseworkerAssigned(caseworkerId: "kom-1", unit: .municipality), on: "2026-03-01")
        #expect(assigned.transition?.to == .active)
        #expect(s.decide(.selfSupport, on: "2026-03-02", actor: "kom-1").transition?.to == .selfSupport)
    }
}

/// Fidelity fixes from a review against the seeds (issue 13).
@Suite struct SeedFidelityTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    @Test func r2_aDurationOtherThanRecommendedIsADeviation() {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-02-14", months: 24)
        let shorter = s.decide(.ressourceforloeb, months: 12, on: "2023-02-20")
        #expect(shorter.code == .rereferralRequired)
        #expect(shorter.rule == .r2)
        s.rerefer(meeting: "2023-03-07", on: "2023-02-21")
        s.recommend(.ressourceforloeb, months: 24, on: "2023-03-07")
        #expect(s.decide(.ressourceforloeb, months: 12, on: "2023-03-10").transition?.to == .active)
        #expect(s.course?.months == 12)
    }

    @Test func anEffortBeforeTheCourseStartsDoesNotMeetTheGuarantee() {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12, start: "2023-03-01")
        s.send(.effortStarted(startDate: day("2023-02-25"), area: .health, name: "fysioterapi"), on: "2023-02-26")
        #expect(s.deadline(.effortGuarantee) == day("2023-09-01"))
        s.send(.effortStarted(startDate: day("2023-03-10"), area: .social, name: "bostøtte"), on: "2023-03-10")
        #expect(s.deadline(.effortGuarantee) == nil)
        #expect(s.course?.firstEffortOn == day("2023-03-10"))
    }

    @Test func theFirstMeetingCountsFromTheDecisionNotTheStart() {
        var s = CaseScript(journey: journey)
        // Recommended 2023-02-13, decided 2023-02-20, course from 2023-04-01: due a week after the team's meeting.
        s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12, start: "2023-04-01")
        #expect(s.course?.firstMeetingFrom == day("2023-02-13"))
        #expect(s.deadline(.firstMeeting) == day("2023-02-20"))
    }
}
