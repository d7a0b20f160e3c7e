import ForloebCore
import Foundation
import Testing

/// The whole journey as a jobcentre lives it: a first course, a referral before its end, and each outcome.
@Suite struct HappyPathTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    /// The first course (2023-03-01 to 2025-03-01) with the everyday events of a course, then the referral
    /// for the next step and the team's recommendation of `outcome`.
    func firstCourseAndPreEndReferral(recommending outcome: NextStep, caseId: String) -> CaseScript {
        var s = CaseScript(caseId, journey: journey)
        s.open(born: "1980-05-20", on: "2023-01-10")
        s.assess(on: "2023-01-20")
        s.refer(meeting: "2023-02-14", on: "2023-02-01", efforts: ["mentor", "misbrugsbehandling"])
        s.recommend(.ressourceforloeb, months: 24, on: "2023-02-14")
        s.decide(.ressourceforloeb, months: 24, start: "2023-03-01", on: "2023-02-20")
        s.send(.caseworkerAssigned(caseworkerId: "sb-4711", unit: .jobcenter), on: "2023-02-21")
        s.send(.meetingHeld(date: day("2023-03-06"), channel: .inPerson), on: "2023-03-06")
        s.send(.planUpdated(periodMonths: 6, goal: "afklaring af arbejdsevne i praktik"), on: "2023-03-06")
        s.send(.internshipStarted(startDate: day("2023-03-20"), weeks: 13), on: "2023-03-20")
        s.send(.mentorAgreed(startDate: day("2023-03-20"), endDate: day("2023-09-19")), on: "2023-03-20")
        s.send(.effortStarted(startDate: day("2023-04-03"), area: .health, name: "smertehåndtering"), on: "2023-04-03")
        s.send(.meetingHeld(date: day("2023-04-20"), channel: .phone), on: "2023-04-20")
        s.send(.internshipExtended(weeks: 13), on: "2023-06-15")
        s.send(.absenceRecorded(date: day("2023-08-01"), reasonableCause: true), on: "2023-08-01")
        s.send(.contactAttempted(date: day("2023-08-02"), channel: .phone, reached: true), on: "2023-08-02")
        s.send(.planUpdated(periodMonths: 12, goal: "fleksjob eller ordinære timer"), on: "2023-09-01")
        s.refer(meeting: "2024-12-03", on: "2024-11-15", efforts: nil)
        s.send(.meetingHeld(date: day("2024-11-20"), channel: .video), on: "2024-11-20")
        s.recommend(outcome, months: outcome.isCourse ? 12 : nil, on: "2024-12-03")
        return s
    }

    @Test(arguments: [NextStep.fleksjob, .foertidspension, .kontanthjaelp, .revalidering, .selfSupport, .newCourse])
    func firstCoursePreEndReferralAndOutcome(_ outcome: NextStep) throws {
        let caseId = "K-HAPPY-" + outcome.rawValue
        var s = firstCourseAndPreEndReferral(recommending: outcome, caseId: caseId)
        let rejections = s.book.rejections[caseId] ?? []
        #expect(rejections.isEmpty, "\(rejections.map(\.rejection))")
        #expect(s.state == .preEndAwaitingDecision)
        let decision = s.decide(outcome, months: outcome.isCourse ? 12 : nil, on: "2024-12-10")
        let last = try #require(decision.transition)

        let expectedEnd: CaseState = outcome.finalState ?? .active
        #expect(last.to == expectedEnd)
        #expect(s.current?.lastDecision?.outcome == outcome.rawValue)
        if outcome == .newCourse {
            #expect(s.current?.courseNumber == 2)
            #expect(s.course?.start == day("2025-03-01"))
            #expect(s.course?.end == day("2026-03-01"))
            #expect(s.course?.plan == nil, "a new course starts its own plan")
        } else {
            #expect(s.course == nil)
            #expect(s.deadlines.isEmpty)
            #expect(
                s.send(.meetingHeld(date: day("2024-12-11"), channel: .phone), on: "2024-12-11").code
                    == .invalidTransition)
        }

        // state.changed: one per change of state, with its cause, its course number and a deterministic id.
        let changes = s.history.flatMap(\.stateChanges)
        let expected: [(CaseState?, CaseState, Int)] = [
            (nil, .requested, 0), (.requested, .preparing, 0), (.preparing, .awaitingTeam, 0),
            (.awaitingTeam, .awaitingDecision, 0), (.awaitingDecision, .active, 1), (.active, .preEndAwaitingTeam, 1),
            (.preEndAwaitingTeam, .preEndAwaitingDecision, 1),
            (.preEndAwaitingDecision, expectedEnd, outcome == .newCourse ? 2 : 1),
        ]
        #expect(changes.map(\.from) == expected.map(\.0))
        #expect(changes.map(\.to) == expected.map(\.1))
        #expect(changes.map(\.courseNumber) == expected.map(\.2))
        #expect(changes.allSatisfy { $0.caseId == caseId })
        for transition in s.history {
            let notified = transition.notifications
            if transition.from == transition.to {
                #expect(notified.isEmpty, "\(transition.type) changed no state and notifies nothing")
            } else {
                #expect(notified.map(\.messageId) == [transition.messageId + "/state.changed"])
                #expect(notified.map(\.routingKey) == ["state.changed"])
                #expect(transition.stateChanges.first?.causedBy == transition.messageId)
                #expect(transition.stateChanges.first?.at == transition.occurredAt)
            }
        }
        #expect(changes.last?.causedBy == last.messageId)

        // The same messages again, into a fresh book: the same notifications, byte for byte.
        var replay = CaseBook(journey: journey)
        for envelope in s.sent { replay.ingest(envelope) }
        let again = replay.history[caseId] ?? []
        #expect(again == s.history)
        #expect(
            again.flatMap(\.notifications).map { $0.body() } == s.history.flatMap(\.notifications).map { $0.body() })
    }

    /// §6.1: the course runs until the next step is decided, so its events go on; a second referral does not.
    @Test func whileTheTeamConsidersTheNextStepTheCourseGoesOn() throws {
        var s = firstCourseAndPreEndReferral(recommending: .selfSupport, caseId: "K-HAPPY-PRE-END")
        let before = try #require(s.course)
        let inCourse: [CaseEvent] = [
            .planUpdated(periodMonths: 6, goal: "g"),
            .effortStarted(startDate: day("2024-12-04"), area: .social, name: "n"),
            .mentorAgreed(startDate: day("2024-12-04"), endDate: day("2025-02-04")),
            .internshipStarted(startDate: day("2024-12-04"), weeks: 4),
            .caseworkerAssigned(caseworkerId: "sb-2", unit: .jobcenter),
        ]
        for event in inCourse {
            #expect(s.send(event, on: "2024-12-04").transition?.to == .preEndAwaitingDecision, "\(event.type)")
        }
        #expect(
            s.send(.teamReferred(meetingDate: day("2024-12-20"), consideredEfforts: nil), on: "2024-12-04").code
                == .invalidTransition)
        #expect(s.send(.meetingHeld(date: day("2024-12-05"), channel: .phone), on: "2024-12-05").transition != nil)
        #expect(s.course?.meetingsHeld == before.meetingsHeld + 1)
        #expect(s.course?.plan?.goal == "g")
        #expect(s.course?.caseworker?.id == "sb-2")
        #expect(s.course?.end == before.end)
        #expect(
            s.send(.municipalityChanged(municipality: "0250"), on: "2024-12-06").transition?.to
                == .preEndAwaitingDecision)
        #expect(s.state == .preEndAwaitingDecision)
    }

    @Test func stateChangedBodyHasTheContractFields() throws {
        var s = firstCourseAndPreEndReferral(recommending: .kontanthjaelp, caseId: "K-HAPPY-BODY")
        let decision = try #require(s.decide(.kontanthjaelp, on: "2024-12-10").transition)
        let body = try #require(decision.notifications.first?.body())
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["caseId"] as? String == "K-HAPPY-BODY")
        #expect(object["from"] as? String == "pre_end_awaiting_decision")
        #expect(object["to"] as? String == "kontanthjaelp")
        #expect(object["at"] as? String == "2024-12-10T10:00:00Z")
        #expect(object["causedBy"] as? String == decision.messageId)
        #expect(object["courseNumber"] as? Int == 1)
        let opened = try #require(s.history.first?.notifications.first?.body())
        #expect(String(decoding: opened, as: UTF8.self).contains("\"from\":null"), "a new case changes from null")
    }
}
