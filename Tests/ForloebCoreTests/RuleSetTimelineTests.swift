import ForloebCore
import Testing

/// The law over time: each decision is judged by the rule set in force on its date, the case records which,
/// and a deployment can pin one.
@Suite struct RuleSetTimelineTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    @Test(arguments: [
        ("2019-12-31", 60, RuleSetID.y2013), ("2020-01-01", 60, .y2020), ("2021-12-31", 48, .y2020),
        ("2022-01-01", 36, .y2022),
    ])
    func courseAcceptedUnderTheRuleSetOfTheDecisionDate(decidedOn: String, months: Int, ruleSet: RuleSetID) throws {
        var s = CaseScript(journey: journey)
        // The recommendation comes a week earlier, under the earlier rule set where the date straddles a change.
        s.toAwaitingDecision(
            born: "1985-05-20", recommendedOn: day(decidedOn).adding(days: -7).description, months: months)
        let decision = s.decide(.ressourceforloeb, months: months, on: decidedOn)
        let transition = try #require(decision.transition)
        #expect(transition.to == .active)
        #expect(transition.ruleSet == ruleSet)
        #expect(transition.stateChanges.first?.ruleSet == ruleSet)
        #expect(s.current?.lastDecision?.ruleSet == ruleSet)
        #expect(s.course?.ruleSet == ruleSet)
        #expect(s.course?.months == months)
    }

    @Test func fortyEightMonthsAcceptedOn2021_12_31RejectedOn2022_01_01() throws {
        for (decidedOn, accepted) in [("2021-12-31", true), ("2022-01-01", false)] {
            var s = CaseScript(journey: journey)
            s.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2021-12-20", months: 48)
            let decision = s.decide(.ressourceforloeb, months: 48, on: decidedOn)
            if accepted {
                #expect(decision.transition?.ruleSet == .y2020)
                #expect(s.course?.end == day(decidedOn).adding(months: 48))
            } else {
                #expect(decision.code == .durationOutOfRange)
                #expect(decision.rule == .r3)
                #expect(decision.rejection?.detail.contains("12–36") == true)
                #expect(decision.rejection?.detail.contains("2022") == true)
                // The recommendation was given under 2020 rules; the decision's date decides.
                #expect(s.history.last?.ruleSet == .y2020)
            }
        }
    }

    /// Case systems send UTC instants; the law counts Danish dates. 23:30 UTC on 31 December 2021 is 00:30 on
    /// 1 January 2022 in Denmark, so a 48-month course decided then falls under 2022's 12–36 months.
    @Test func aDecisionJustAfterMidnightInDenmarkIsJudgedByThatDaysRules() {
        for (time, accepted) in [("22:59:59", true), ("23:30:00", false)] {
            var s = CaseScript(journey: journey)
            s.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2021-12-20", months: 48)
            let decision = s.send(
                .decisionMade(
                    Decision(
                        outcome: .step(.ressourceforloeb), startDate: nil, durationMonths: 48, citizenConsent: nil,
                        obviouslyFutile: nil)), on: "2021-12-31", at: time)
            if accepted {
                #expect(decision.transition?.ruleSet == .y2020, "23:59:59 in Denmark, still 2021")
                #expect(s.current?.lastDecision?.decidedOn == day("2021-12-31"))
            } else {
                #expect(decision.code == .durationOutOfRange, "00:30 in Denmark on 1 January 2022")
                #expect(decision.rejection?.detail.contains("2022") == true)
            }
        }
    }

    /// A citizen's first course of `firstMonths` and the team's recommendation of a new one, with a decision
    /// still to come on `decideOn`.
    func newCourseRound(born: String, firstDecidedOn: String, firstMonths: Int, newMonths: Int) -> CaseScript {
        var s = CaseScript(journey: journey)
        s.toActive(born: born, decidedOn: firstDecidedOn, months: firstMonths)
        let end = day(firstDecidedOn).adding(months: firstMonths)
        s.toPreEndDecision(
            .newCourse, months: newMonths, referredOn: end.adding(months: -3).description,
            recommendedOn: end.adding(months: -2).description)
        return s
    }

    @Test func from2022AgesFortyToFiftyKeepCoursesWithinSixtyMonthsUnlessTheyWantMore() {
        // Born 1980-01-01: 45 when the new course is decided on 2025-01-15.
        var within = newCourseRound(born: "1980-01-01", firstDecidedOn: "2022-03-01", firstMonths: 36, newMonths: 24)
        #expect(within.decide(.newCourse, months: 24, on: "2025-01-15").transition?.to == .active, "36 + 24 = 60")
        #expect(within.current?.grantedMonthsTotal == 60)

        var beyond = newCourseRound(born: "1980-01-01", firstDecidedOn: "2022-03-01", firstMonths: 36, newMonths: 36)
        let over = beyond.decide(.newCourse, months: 36, on: "2025-01-15")
        #expect(over.code == .consentRequired, "36 + 36 = 72 > 60")
        #expect(over.rule == .r7)
        #expect(beyond.decide(.newCourse, months: 36, consent: true, on: "2025-01-15").transition?.to == .active)

        // Under the 2020 rules the same age needed the wish for any new course.
        var old = newCourseRound(born: "1976-01-01", firstDecidedOn: "2019-01-15", firstMonths: 24, newMonths: 12)
        let before2022 = old.decide(.newCourse, months: 12, on: "2020-12-01")
        #expect(before2022.code == .consentRequired)
        #expect(before2022.rule == .r7)

        // Under 40 there is no limit.
        var young = newCourseRound(born: "1995-01-01", firstDecidedOn: "2022-03-01", firstMonths: 36, newMonths: 36)
        #expect(young.decide(.newCourse, months: 36, on: "2025-01-15").transition?.to == .active)
        #expect(young.current?.grantedMonthsTotal == 72)
    }

    @Test func from2022OverFiftyOneCourseUnlessTheyWantMore() {
        // Born 1973-06-01: 50 on 2024-01-05, in the 40–50 band.
        var fifty = newCourseRound(born: "1973-06-01", firstDecidedOn: "2023-01-10", firstMonths: 12, newMonths: 12)
        #expect(fifty.decide(.newCourse, months: 12, on: "2024-01-05").transition?.to == .active)
        // Born 1972-06-01: 51, over 50: one course only, however short.
        var over = newCourseRound(born: "1972-06-01", firstDecidedOn: "2023-01-10", firstMonths: 12, newMonths: 12)
        let second = over.decide(.newCourse, months: 12, on: "2024-01-05")
        #expect(second.code == .consentRequired)
        #expect(second.rule == .r7)
        #expect(over.decide(.newCourse, months: 12, consent: true, on: "2024-01-05").transition?.to == .active)
    }

    @Test func from2022UnderSixYearsToPensionAgeEvenAFirstCourseNeedsConsent() throws {
        // Born 1962-06-01: folkepension at 67 (2029-06-01); six years before is 2023-06-01 (dates before the
        // reform, which grants no first course from 2026).
        var dayBefore = CaseScript(journey: journey)
        dayBefore.toActive(born: "1962-06-01", decidedOn: "2023-05-31", months: 12)
        #expect(dayBefore.current?.courseNumber == 1)

        var onTheDay = CaseScript(journey: journey)
        onTheDay.toAwaitingDecision(born: "1962-06-01", recommendedOn: "2023-05-25", months: 12)
        let first = onTheDay.decide(.ressourceforloeb, months: 12, on: "2023-06-01")
        #expect(first.code == .consentRequired)
        #expect(first.rule == .r7)
        #expect(first.rejection?.detail.contains("folkepension") == true)
        #expect(
            onTheDay.decide(.ressourceforloeb, months: 12, consent: true, on: "2023-06-01").transition?.to == .active)

        // The same date under a deployment pinned to the 2020 rules: no such band.
        var pinned = CaseScript(journey: try JourneyFixture.journey(pin: .y2020))
        pinned.toAwaitingDecision(born: "1962-06-01", recommendedOn: "2023-05-25", months: 12)
        #expect(pinned.decide(.ressourceforloeb, months: 12, on: "2023-06-01").transition?.ruleSet == .y2020)
    }

    @Test func effortGuaranteeOnlyFor2022CoursesAndGoneOnceAnEffortStarts() {
        var under2020 = CaseScript(journey: journey)
        under2020.toActive(born: "1985-05-20", decidedOn: "2021-12-31", months: 24, start: "2022-02-01")
        #expect(under2020.deadline(.effortGuarantee) == nil)
        // Later events are judged by the law of their date; the course keeps the rule set that granted it.
        let meeting = under2020.send(.meetingHeld(date: day("2022-02-03"), channel: .inPerson), on: "2022-02-03")
        #expect(meeting.transition?.ruleSet == .y2022)
        #expect(under2020.course?.ruleSet == .y2020)
        #expect(under2020.deadline(.effortGuarantee) == nil)

        var effort = CaseScript(journey: journey)
        effort.toActive(born: "1985-05-20", decidedOn: "2022-01-01", months: 24, start: "2022-02-01")
        #expect(effort.deadline(.effortGuarantee) == day("2022-08-01"))
        effort.send(
            .effortStarted(startDate: day("2022-03-14"), area: .health, name: "smertehåndtering"), on: "2022-03-10")
        #expect(effort.deadline(.effortGuarantee) == nil)
        #expect(effort.course?.firstEffortOn == day("2022-03-14"))

        var internship = CaseScript(journey: journey)
        internship.toActive(born: "1985-05-20", decidedOn: "2022-01-01", months: 24, start: "2022-02-01")
        internship.send(.internshipStarted(startDate: day("2022-04-04"), weeks: 13), on: "2022-04-01")
        #expect(internship.deadline(.effortGuarantee) == nil, "an internship is an employment effort")
    }

    @Test func pinningOneRuleSetForEveryDate() throws {
        let base = try JourneyFixture.journey()
        #expect(base.rules.pinned == nil)
        let pinned2013 = Journey(rules: base.rules.pinning(.y2013), policy: base.policy)
        #expect(pinned2013.rules.inForce(on: day("2024-06-01")).id == .y2013)
        var late = CaseScript(journey: pinned2013)
        late.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-05-01", months: 48)
        let accepted = late.decide(.ressourceforloeb, months: 48, on: "2023-05-10")
        #expect(accepted.transition?.ruleSet == .y2013)
        #expect(late.current?.lastDecision?.ruleSet == .y2013)
        #expect(late.deadline(.effortGuarantee) == nil)

        let pinned2022 = Journey(rules: base.rules.pinning(.y2022), policy: base.policy)
        var early = CaseScript(journey: pinned2022)
        early.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2019-05-01", months: 48)
        #expect(early.decide(.ressourceforloeb, months: 48, on: "2019-05-10").code == .durationOutOfRange)

        #expect(base.rules.pinning(.y2022).pinning(nil) == base.rules)
        #expect(try JourneyFixture.journey(pin: .y2013).rules.inForce(on: day("2030-01-01")).id == .y2013)
    }
}
