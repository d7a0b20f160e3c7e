import ForloebCore
import Testing

/// The open deadlines of each state, computed from the events' dates and the policy only.
@Suite struct DeadlineTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    /// A 2022-rules course of 12 months granted on 2023-02-20 from 2023-03-01 (ends 2024-03-01).
    func active2022(start: String = "2023-03-01") -> CaseScript {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12, start: start)
        return s
    }

    @Test func beforeTheTeamRecommendsOnlyIdleThresholdsWatchTheCase() {
        var s = CaseScript(journey: journey)
        s.open(born: "1985-05-20", on: "2023-01-10")
        #expect(s.deadlines.isEmpty)
        s.assess(on: "2023-01-20")
        #expect(s.deadlines.isEmpty)
        s.refer(meeting: "2023-02-14", on: "2023-02-01")
        #expect(s.deadlines.isEmpty)
        for state in [CaseState.requested, .preparing, .awaitingTeam] {
            #expect(journey.policy.idleThreshold(state) != nil)
        }
    }

    @Test func decisionDueFourteenDaysAfterTheRecommendation() {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1985-05-20", recommendedOn: "2023-02-14", months: 12)
        #expect(s.deadlines == [Deadline(kind: .decisionDue, dueOn: day("2023-02-28"))])
        // A renewed referral and a new recommendation start the count again.
        s.rerefer(meeting: "2023-03-07", on: "2023-02-20")
        #expect(s.deadlines.isEmpty)
        s.recommend(.ressourceforloeb, months: 12, on: "2023-03-07")
        #expect(s.deadline(.decisionDue) == day("2023-03-21"))
    }

    @Test func aFreshCourseHasExactlyTheseDeadlines() {
        let s = active2022()
        #expect(
            s.deadlines == [
                // A week after the team's meeting (2023-02-13), which came before the decision (003 §5.2).
                Deadline(kind: .firstMeeting, dueOn: day("2023-02-20")),
                Deadline(kind: .planReview, dueOn: day("2023-03-31")),
                Deadline(kind: .followup, dueOn: day("2023-04-15")),
                Deadline(kind: .effortGuarantee, dueOn: day("2023-09-01")),
                Deadline(kind: .nextStepReferral, dueOn: day("2023-12-01")),
                Deadline(kind: .courseEnd, dueOn: day("2024-03-01")),
            ])
        // What the transition carries is what `deadlines(for:)` computes.
        #expect(s.history.last?.deadlines == s.deadlines)
    }

    /// The course's clocks count from its start; the first meeting from the team's meeting or the decision,
    /// whichever came first (003 §5.2), however late the course starts.
    @Test func deadlinesCountFromTheCourseStartNotTheDecisionDate() {
        let s = active2022(start: "2023-06-01")
        #expect(s.deadline(.firstMeeting) == day("2023-02-20"))
        #expect(s.deadline(.courseEnd) == day("2024-06-01"))
        #expect(s.deadline(.nextStepReferral) == day("2024-03-01"))
        #expect(s.deadline(.effortGuarantee) == day("2023-12-01"))
    }

    @Test func firstMeetingUntilAnInPersonMeetingFrom2020() {
        var s = active2022()
        s.send(.meetingHeld(date: day("2023-03-02"), channel: .phone), on: "2023-03-02")
        s.send(.meetingHeld(date: day("2023-03-03"), channel: .video), on: "2023-03-03")
        #expect(s.deadline(.firstMeeting) == day("2023-02-20"), "the first meeting is in person under 2020+")
        s.send(.meetingHeld(date: day("2023-03-07"), channel: .inPerson), on: "2023-03-07")
        #expect(s.deadline(.firstMeeting) == nil)
        #expect(s.course?.firstMeetingOn == day("2023-03-07"))

        // Under 2013 any conversation is the first meeting.
        var old = CaseScript(journey: journey)
        old.toActive(born: "1985-05-20", decidedOn: "2019-02-20", months: 12, start: "2019-03-01")
        #expect(old.deadline(.firstMeeting) == day("2019-02-20"))
        old.send(.meetingHeld(date: day("2019-03-04"), channel: .phone), on: "2019-03-04")
        #expect(old.deadline(.firstMeeting) == nil)
    }

    @Test func followupCadencePerRuleSet() {
        // 2013: at least 6 a year; the default policy holds one every 60 days.
        var old = CaseScript(journey: journey)
        old.toActive(born: "1985-05-20", decidedOn: "2019-02-20", months: 24, start: "2019-03-01")
        #expect(old.deadline(.followup) == day("2019-04-30"))
        old.send(.meetingHeld(date: day("2019-04-20"), channel: .phone), on: "2019-04-20")
        #expect(old.deadline(.followup) == day("2019-06-19"))
        old.send(.meetingHeld(date: day("2019-10-01"), channel: .phone), on: "2019-10-01")
        #expect(old.deadline(.followup) == day("2019-11-30"))

        // 2020+: closer in the first six months (45 days), then 90 days.
        var s = active2022()
        #expect(s.deadline(.followup) == day("2023-04-15"))
        s.send(.meetingHeld(date: day("2023-04-10"), channel: .inPerson), on: "2023-04-10")
        #expect(s.deadline(.followup) == day("2023-05-25"))
        s.send(.meetingHeld(date: day("2023-10-02"), channel: .phone), on: "2023-10-02")
        #expect(s.deadline(.followup) == day("2023-12-31"))
        // A meeting reported late does not move the cadence back.
        s.send(.meetingHeld(date: day("2023-09-01"), channel: .phone), on: "2023-10-03")
        #expect(s.deadline(.followup) == day("2023-12-31"))
    }

    @Test func planReviewMentorInternshipAndEffortGuarantee() {
        var s = active2022()
        #expect(s.deadline(.planReview) == day("2023-03-31"), "the first plan within 30 days of the start")
        s.send(.planUpdated(periodMonths: 6, goal: "afklaring"), on: "2023-03-06")
        #expect(s.deadline(.planReview) == day("2023-09-06"))
        #expect(s.deadline(.mentorAgreementEnd) == nil)
        s.send(.mentorAgreed(startDate: day("2023-03-20"), endDate: day("2023-08-31")), on: "2023-03-15")
        #expect(s.deadline(.mentorAgreementEnd) == day("2023-08-31"))
        #expect(s.deadline(.internshipEnd) == nil)
        #expect(s.deadline(.effortGuarantee) == day("2023-09-01"))
        s.send(.internshipStarted(startDate: day("2023-03-20"), weeks: 13), on: "2023-03-16")
        #expect(s.deadline(.internshipEnd) == day("2023-06-19"))
        #expect(s.deadline(.effortGuarantee) == nil)
        s.send(.internshipExtended(weeks: 13), on: "2023-06-12")
        #expect(s.deadline(.internshipEnd) == day("2023-09-18"))
        s.send(.internshipExtended(weeks: 13), on: "2023-09-11")
        #expect(s.deadline(.internshipEnd) == day("2023-12-18"))
        let tooLong = s.send(.internshipExtended(weeks: 1), on: "2023-12-11")
        #expect(tooLong.code == .internshipTooLong, "39 weeks in all")
        #expect(s.deadline(.internshipEnd) == day("2023-12-18"))
        #expect(
            s.send(.internshipStarted(startDate: day("2024-01-08"), weeks: 14), on: "2024-01-05").code
                == .internshipTooLong)
    }

    @Test func nextStepReferralThreeMonthsBeforeTheEndAndCourseEnd() {
        var s = active2022()
        #expect(s.deadline(.nextStepReferral) == day("2023-12-01"))
        #expect(s.deadline(.courseEnd) == day("2024-03-01"))
        s.refer(meeting: "2023-12-14", on: "2023-11-20", efforts: nil)
        // While the team considers the next step, the course's own clocks run on (§6.1); only the referral's is met.
        #expect(
            s.deadlines.map(\.kind).sorted() == [.courseEnd, .effortGuarantee, .firstMeeting, .followup, .planReview])
        #expect(s.deadline(.courseEnd) == day("2024-03-01"))
        s.send(.meetingHeld(date: day("2023-12-01"), channel: .phone), on: "2023-12-01")
        #expect(s.deadline(.followup) == day("2024-02-29"))
        s.recommend(.selfSupport, on: "2023-12-14")
        #expect(
            s.deadlines.map(\.kind).sorted() == [
                .courseEnd, .decisionDue, .effortGuarantee, .firstMeeting, .followup, .planReview,
            ])
        #expect(s.deadline(.decisionDue) == day("2023-12-28"))
        s.decide(.selfSupport, on: "2023-12-20")
        #expect(s.deadlines.isEmpty)
    }

    @Test func halsnaesHoldsConversationsCloserTowardsTheEnd() throws {
        let halsnaes = try JourneyFixture.journey(policyFile: "halsnaes")
        #expect(halsnaes.policy.name == "halsnaes")
        var results: [String: [CivilDate?]] = [:]
        for (name, journey) in [("default", journey), ("halsnaes", halsnaes)] {
            var s = CaseScript(journey: journey)
            s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12, start: "2023-03-01")
            var dues: [CivilDate?] = []
            for meeting in ["2023-04-01", "2023-10-02", "2023-12-15"] {
                s.send(.meetingHeld(date: day(meeting), channel: .inPerson), on: meeting)
                dues.append(s.deadline(.followup))
            }
            results[name] = dues
        }
        // First six months alike; in the middle every 60 days instead of 90; in the last three months every 30.
        #expect(results["default"] == [day("2023-05-16"), day("2023-12-31"), day("2024-03-14")])
        #expect(results["halsnaes"] == [day("2023-05-16"), day("2023-12-01"), day("2024-01-14")])
    }
}
