import ForloebCore
import Testing

/// The cases of Ankestyrelsen's principafgørelser as the engine sees them: 42-17 (seed 000) and 82-16
/// (seed 003 §6.3). The appeal board's own ruling happens outside forloeb; what the engine must get right
/// is what it records, that each decision is appealable, and what it refuses.
@Suite struct PrincipleDecisionScenarioTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    /// 42-17, first case: chronic back pain, never in a course; pain treatment, a pain course and an
    /// individually planned course with exercise tried. The team recommended an ordinary employment effort and
    /// the municipality decided so.
    @Test func principle42_17_firstCase_teamRecommendedOrdinaryEffortAndTheMunicipalityFollowed() throws {
        var s = CaseScript("K-42-17-1", journey: journey)
        s.open(born: "1972-09-14", on: "2016-03-01")
        s.assess(on: "2016-03-15")
        let referral = s.refer(
            meeting: "2016-04-20", on: "2016-04-01",
            efforts: ["smertebehandling", "kursus i smertehåndtering", "individuelt tilrettelagt forløb med motion"])
        #expect(referral.transition?.to == .awaitingTeam)
        s.recommend(.kontanthjaelp, on: "2016-04-20")

        // The municipality could not have granted a course against the recommendation without asking the team again.
        var deviating = s
        let grant = deviating.decide(.ressourceforloeb, months: 12, on: "2016-04-25")
        #expect(grant.code == .rereferralRequired)
        #expect(grant.rule == .r2)

        let decision = s.decide(.kontanthjaelp, on: "2016-04-25")
        let transition = try #require(decision.transition)
        #expect(transition.from == .awaitingDecision)
        #expect(transition.to == .kontanthjaelp)
        #expect(transition.ruleSet == .y2013)
        let c = try #require(s.current)
        #expect(c.courseNumber == 0, "no course was granted")
        // Appealable: Ankestyrelsen later found he had a right to a course.
        let record = try #require(c.lastDecision)
        #expect(record.outcome == "kontanthjaelp")
        #expect(record.messageId == transition.messageId)
        #expect(record.decidedOn == day("2016-04-25"))
        #expect(record.appealUntil == day("2016-05-23"))
        #expect(record.ruleSet == .y2013)
        #expect(s.history.map(\.to) == [.requested, .preparing, .awaitingTeam, .awaitingDecision, .kontanthjaelp])
        #expect(s.deadlines.isEmpty, "an ended case waits for nothing")

        // Had the municipality referred the case again, the team's reconsidered view could have led to a course.
        deviating.rerefer(meeting: "2016-05-10", on: "2016-04-26")
        deviating.recommend(.kontanthjaelp, on: "2016-05-10")
        let afterReconsideration = deviating.decide(.ressourceforloeb, months: 24, on: "2016-05-12")
        #expect(afterReconsideration.transition?.to == .active)
        #expect(deviating.current?.courseNumber == 1)
    }

    /// 42-17, second case: after a two-year course, the team recommended and the municipality decided that
    /// there was no basis for a new course.
    func afterTwoYearCourse() -> CaseScript {
        var s = CaseScript("K-42-17-2", journey: journey)
        s.toActive(born: "1968-11-02", decidedOn: "2014-02-20", months: 24, start: "2014-03-01")
        #expect(s.course?.end == day("2016-03-01"))
        return s
    }

    @Test func principle42_17_secondCase_noNewCourseAfterTwoYears() throws {
        var s = afterTwoYearCourse()
        s.toPreEndDecision(.kontanthjaelp, referredOn: "2015-11-02", recommendedOn: "2015-12-01")
        // "No basis for a new course" is not a next step: the course cannot just be refused while it runs (R5).
        let bare = s.decide(.refusal, on: "2015-12-10")
        #expect(bare.code == .invalidTransition)
        #expect(bare.rule == .r5)
        let decision = s.decide(.kontanthjaelp, on: "2015-12-10")
        #expect(decision.transition?.from == .preEndAwaitingDecision)
        #expect(decision.transition?.to == .kontanthjaelp)
        #expect(decision.transition?.stateChanges.first?.courseNumber == 1)
        let record = try #require(s.current?.lastDecision)
        #expect(record.outcome == "kontanthjaelp")
        #expect(record.appealUntil == day("2016-01-07"))
        #expect(record.ruleSet == .y2013)
        #expect(s.current?.grantedMonthsTotal == 24)
    }

    /// Ankestyrelsen found she had a right to a new course: over 40, it is granted only at her own wish.
    @Test func principle42_17_secondCase_newCourseOverFortyNeedsHerConsent() throws {
        var s = afterTwoYearCourse()
        s.toPreEndDecision(.newCourse, months: 24, referredOn: "2015-11-02", recommendedOn: "2015-12-01")
        let withoutWish = s.decide(.newCourse, months: 24, on: "2015-12-10")
        #expect(withoutWish.code == .consentRequired)
        #expect(withoutWish.rule == .r7)
        #expect(withoutWish.rejection?.detail.contains("citizenConsent") == true)
        let wanted = s.decide(.newCourse, months: 24, consent: true, on: "2015-12-10")
        #expect(wanted.transition?.to == .active)
        #expect(wanted.transition?.stateChanges.first?.courseNumber == 2)
        #expect(s.course?.number == 2)
        #expect(s.course?.start == day("2016-03-01"), "the new course starts where the first ended")
        #expect(s.current?.grantedMonthsTotal == 48)
        #expect(s.current?.lastDecision?.outcome == "new_course")
        #expect(s.current?.lastDecision?.appealUntil == day("2016-01-07"))
    }

    /// 82-16: the municipality extended a course; it cannot. The decision fixes the exact duration (1–5 years),
    /// course and benefit continue until the next step is decided, and a citizen over 40 gets a new course
    /// only if she wants it.
    @Test func principle82_16_noExtensionExactDurationNewCourseOnlyAtHerWish() throws {
        var s = CaseScript("K-82-16", journey: journey)
        s.toActive(born: "1965-04-10", decidedOn: "2014-05-20", months: 24, start: "2014-06-01")
        #expect(s.course?.months == 24)
        #expect(s.course?.end == day("2016-06-01"), "the grant fixes the exact end")

        let extended = s.send(.courseExtensionRequested, on: "2016-05-15")
        #expect(extended.code == .extensionNotAllowed)
        #expect(extended.rule == .r4)
        #expect(s.course?.end == day("2016-06-01"))

        // A new course is not decided on the municipality's own: preparation, the team, a decision.
        let unilateral = s.decide(.newCourse, months: 12, consent: true, on: "2016-05-16")
        #expect(unilateral.code == .teamRecommendationRequired)
        #expect(unilateral.rule == .r6)

        // The end passes with no decision: the course and the benefit continue.
        #expect(s.current?.isOverrun(at: instant("2016-06-15T08:00:00Z")) == true)
        #expect(s.state == .active)
        s.toPreEndDecision(.newCourse, months: 12, referredOn: "2016-06-20", recommendedOn: "2016-07-05")
        #expect(s.current?.isOverrun(at: instant("2016-07-06T08:00:00Z")) == true)

        // The duration must be fixed within 1–5 years.
        for months in [6, 11, 61, 72] {
            let outOfRange = s.decide(.newCourse, months: months, consent: true, on: "2016-07-10")
            #expect(outOfRange.code == .durationOutOfRange, "\(months) months")
            #expect(outOfRange.rule == .r3)
        }
        // She is over 40: no duty to accept another course.
        let imposed = s.decide(.newCourse, months: 12, on: "2016-07-10")
        #expect(imposed.code == .consentRequired)
        #expect(imposed.rule == .r7)

        // At her wish, a new course of an exact length, starting where the first ended.
        var wanted = s
        let granted = wanted.decide(.newCourse, months: 12, consent: true, on: "2016-07-10")
        #expect(granted.transition?.to == .active)
        #expect(wanted.course?.number == 2)
        #expect(
            wanted.course?.start == day("2016-07-10"),
            "the first course had already ended: the new one starts at the decision")
        #expect(wanted.course?.end == day("2017-07-10"))
        #expect(wanted.current?.lastDecision?.ruleSet == .y2013)

        // Without her wish the municipality decides, with her, what else follows; refusing a course does not
        // make her entitled to førtidspension (that would need the team's recommendation).
        var declined = s
        #expect(declined.decide(.foertidspension, on: "2016-07-12").code == .rereferralRequired)
        let other = declined.decide(.kontanthjaelp, on: "2016-07-12")
        #expect(other.code == .rereferralRequired, "the team recommended a new course: deviating needs it again")
        declined.rerefer(meeting: "2016-07-20", on: "2016-07-13")
        declined.recommend(.kontanthjaelp, on: "2016-07-20")
        #expect(declined.decide(.kontanthjaelp, on: "2016-07-22").transition?.to == .kontanthjaelp)
        #expect(declined.current?.lastDecision?.appealUntil == day("2016-08-19"))
    }
}
