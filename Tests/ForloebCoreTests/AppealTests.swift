import ForloebCore
import Testing

/// Appeals (R14, CONTRACT.md §6.4): the period, the municipality's reconsideration, Ankestyrelsen's ruling, and
/// where a decision set aside returns the case.
@Suite struct AppealTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    /// The principle cases of seed 000: the municipality refused a course, Ankestyrelsen gave the citizen one.
    @Test func aRefusedCourseReversedByAnkestyrelsenIsGrantedAfterwards() throws {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", months: 24)
        s.rerefer(meeting: "2023-02-06", on: "2023-01-20")
        s.recommend(.ressourceforloeb, months: 24, on: "2023-02-06")
        let refusal = s.decide(.refusal, on: "2023-02-20")
        #expect(s.state == .refused)
        let decisionId = try #require(refusal.transition?.messageId)

        let lodged = s.send(.appealLodged(decision: decisionId, receivedOn: day("2023-03-10")), on: "2023-03-10")
        #expect(lodged.transition?.to == .refused)
        #expect(s.current?.appeals?.first?.status == .lodged)
        // Four weeks after 10 March 2023 is Friday 7 April, Good Friday, then Easter: Tuesday 11 April.
        #expect(s.deadline(.appealReconsideration) == day("2023-04-11"))

        s.send(.appealReconsidered(outcome: .upheld), on: "2023-04-03")
        #expect(s.current?.appeals?.first?.status == .forwarded)
        #expect(s.deadline(.appealReconsideration) == nil, "reconsidered in time")
        #expect(s.state == .refused)

        let ruling = s.send(.appealDecided(outcome: .changed), on: "2023-08-14")
        #expect(ruling.transition?.from == .refused)
        #expect(ruling.transition?.to == .awaitingDecision)
        let change = try #require(ruling.transition?.notifications.first)
        guard case .stateChanged(let moved) = change else {
            Issue.record("expected state.changed, got \(change)")
            return
        }
        #expect(moved.from == .refused && moved.to == .awaitingDecision)
        #expect(s.current?.appeals?.first?.status == .changed)
        #expect(s.current?.appeals?.first?.reopened == true)
        #expect(s.current?.phase.recommendation?.step == .ressourceforloeb)

        let grant = s.decide(.ressourceforloeb, months: 24, on: "2023-08-21")
        #expect(grant.transition?.to == .active)
        #expect(s.current?.courseNumber == 1)
        #expect(s.current?.decisions?.count == 2)
    }

    /// When Ankestyrelsen changed the decision, the municipality decides as it said: R2 asks no renewed referral.
    @Test func aDecisionChangedByAnkestyrelsenNeedsNoRenewedReferral() throws {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", recommendation: .kontanthjaelp)
        let decision = try #require(s.decide(.kontanthjaelp, on: "2023-01-30").transition?.messageId)
        s.send(.appealLodged(decision: decision, receivedOn: day("2023-02-10")), on: "2023-02-10")
        s.send(.appealReconsidered(outcome: .upheld), on: "2023-03-01")
        s.send(.appealDecided(outcome: .changed), on: "2023-06-01")
        #expect(s.state == .awaitingDecision)
        #expect(s.decide(.ressourceforloeb, months: 12, on: "2023-06-12").transition?.to == .active)

        // Remitted, the municipality decides anew on the team's recommendation: R2 holds as before.
        var r = CaseScript("K-TEST-000002", journey: journey)
        r.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", recommendation: .kontanthjaelp)
        let first = try #require(r.decide(.kontanthjaelp, on: "2023-01-30").transition?.messageId)
        r.send(.appealLodged(decision: first, receivedOn: day("2023-02-10")), on: "2023-02-10")
        r.send(.appealReconsidered(outcome: .upheld), on: "2023-03-01")
        r.send(.appealDecided(outcome: .remitted), on: "2023-06-01")
        #expect(r.state == .awaitingDecision)
        #expect(r.decide(.ressourceforloeb, months: 12, on: "2023-06-12").rejection?.code == .rereferralRequired)
    }

    @Test func aTargetGroupRefusalChangedOnReconsiderationReturnsToRequested() throws {
        var s = CaseScript(journey: journey)
        s.open(born: "1990-01-01", on: "2023-01-10")
        let refusal = try #require(s.assess(.notInTargetGroup, on: "2023-02-20").transition?.messageId)
        s.send(.appealLodged(decision: refusal, receivedOn: day("2023-03-01")), on: "2023-03-01")
        let changed = s.send(.appealReconsidered(outcome: .changed), on: "2023-03-15")
        #expect(changed.transition?.from == .refused && changed.transition?.to == .requested)
        #expect(s.current?.appeals?.first?.status == .changedOnReconsideration)
        #expect(s.assess(.inTargetGroup, on: "2023-03-20").transition?.to == .preparing)
    }

    /// The period: 4 weeks from the day the citizen received the decision, to the next working day.
    @Test(arguments: [
        // notified, last day of the period (a Wednesday, a Saturday → Monday, Maundy Thursday → the Tuesday
        // after Easter, Christmas Eve's alike day and the holidays after it → 27 December)
        ("2023-03-01", "2023-03-29"), ("2023-02-04", "2023-03-06"), ("2023-03-09", "2023-04-11"),
        ("2023-11-26", "2023-12-27"),
    ])
    func thePeriodEndsOnAWorkingDay(notified: String, lastDay: String) throws {
        func attempt(receivedOn: CivilDate) throws -> CaseBook.Outcome {
            var s = CaseScript(journey: journey)
            s.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", recommendation: .kontanthjaelp)
            let made = s.send(
                .decisionMade(Decision(outcome: .step(.kontanthjaelp), notifiedOn: day(notified))), on: "2023-01-30")
            let id = try #require(made.transition?.messageId)
            #expect(s.current?.decisions?.last?.appealUntil == day(lastDay))
            return s.send(.appealLodged(decision: id, receivedOn: receivedOn), on: receivedOn.description)
        }
        #expect(try attempt(receivedOn: day(lastDay)).transition != nil, "the last day is in time")
        let late = try attempt(receivedOn: day(lastDay).adding(days: 1)).rejection
        #expect(late?.code == .appealOutOfTime)
        #expect(late?.rule == .r14)
    }

    @Test func withoutNotifiedOnThePeriodRunsFromTheDecision() throws {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", recommendation: .kontanthjaelp)
        let id = try #require(s.decide(.kontanthjaelp, on: "2023-01-30").transition?.messageId)
        #expect(s.send(.appealLodged(decision: id, receivedOn: day("2023-02-28")), on: "2023-02-28").rejection?.code
            == .appealOutOfTime)
        #expect(s.send(.appealLodged(decision: id, receivedOn: day("2023-02-27")), on: "2023-02-27").transition != nil)
    }

    @Test func aNotificationBeforeTheDecisionIsMalformed() {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", recommendation: .kontanthjaelp)
        let made = s.send(
            .decisionMade(Decision(outcome: .step(.kontanthjaelp), notifiedOn: day("2023-01-29"))), on: "2023-01-30")
        #expect(made.rejection?.code == .malformed)
    }

    @Test func unknownDecisionsRepeatedAppealsAndStrayAnswersAreInvalid() throws {
        var s = CaseScript(journey: journey)
        s.toAwaitingDecision(born: "1980-04-02", recommendedOn: "2023-01-16", recommendation: .kontanthjaelp)
        let id = try #require(s.decide(.kontanthjaelp, on: "2023-01-30").transition?.messageId)
        #expect(
            s.send(.appealLodged(decision: "no-such-decision", receivedOn: day("2023-02-01")), on: "2023-02-01")
                .rejection?.code == .invalidTransition)
        // A team recommendation is no decision the citizen can appeal.
        #expect(
            s.send(.appealLodged(decision: "K-TEST-000001-004", receivedOn: day("2023-02-01")), on: "2023-02-01")
                .rejection?.code == .invalidTransition)
        #expect(s.send(.appealReconsidered(outcome: .upheld), on: "2023-02-02").rejection?.code == .invalidTransition)
        #expect(s.send(.appealDecided(outcome: .upheld), on: "2023-02-02").rejection?.code == .invalidTransition)
        s.send(.appealLodged(decision: id, receivedOn: day("2023-02-01")), on: "2023-02-01")
        #expect(
            s.send(.appealLodged(decision: id, receivedOn: day("2023-02-02")), on: "2023-02-02").rejection?.code
                == .invalidTransition, "one appeal per decision")
        #expect(s.send(.appealDecided(outcome: .upheld), on: "2023-02-03").rejection?.code == .invalidTransition,
            "Ankestyrelsen rules only on what the municipality sent on")
        s.send(.appealReconsidered(outcome: .upheld), on: "2023-02-10")
        s.send(.appealDecided(outcome: .upheld), on: "2023-05-10")
        #expect(s.current?.appeals?.first?.status == .upheld)
        #expect(s.current?.appeals?.first?.reopened == nil)
        #expect(s.state == .kontanthjaelp)
        #expect(
            s.send(.appealLodged(decision: id, receivedOn: day("2023-02-20")), on: "2023-05-11").rejection?.code
                == .invalidTransition, "Ankestyrelsen's ruling is the last administrative word")
    }

    /// Every final state a decision leads to reopens where that decision is taken again; `closed` does not.
    @Test(arguments: [NextStep.fleksjob, .foertidspension, .kontanthjaelp, .revalidering, .selfSupport])
    func aNextStepSetAsideReopensTheDecision(step: NextStep) throws {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1975-01-01", decidedOn: "2023-01-02", months: 12)
        s.toPreEndDecision(step, referredOn: "2023-09-01", recommendedOn: "2023-10-02")
        let decision = s.decide(step, futile: step == .foertidspension ? true : nil, on: "2023-10-09")
        let id = try #require(decision.transition?.messageId, "\(decision)")
        #expect(s.state?.isFinal == true)
        s.send(.appealLodged(decision: id, receivedOn: day("2023-10-20")), on: "2023-10-20")
        s.send(.appealReconsidered(outcome: .upheld), on: "2023-11-01")
        let ruling = s.send(.appealDecided(outcome: .annulled), on: "2024-02-01")
        #expect(ruling.transition?.to == .preEndAwaitingDecision)
        #expect(s.course?.number == 1, "the course runs on while the next step is decided again (R5)")
        #expect(s.current?.phase.recommendation?.step == step)
    }

    @Test func anObviousFoertidspensionAssessmentSetAsideReturnsToRequested() throws {
        var s = CaseScript(journey: journey)
        s.open(born: "1965-01-01", on: "2023-03-01")
        let id = try #require(s.assess(.obviousFoertidspension, on: "2023-03-10").transition?.messageId)
        #expect(s.current?.futilityDocumented == true)
        s.send(.appealLodged(decision: id, receivedOn: day("2023-03-20")), on: "2023-03-20")
        s.send(.appealReconsidered(outcome: .changed), on: "2023-04-03")
        #expect(s.state == .requested)
        #expect(s.current?.futilityDocumented == false, "the assessment that documented futility no longer stands")
    }

    /// A decision a later one replaced is still set aside, but no longer decides where the case stands.
    @Test func aReplacedDecisionSetAsideDoesNotMoveTheCase() throws {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-01-01", decidedOn: "2023-03-01", months: 12)
        let grant = try #require(s.current?.decisions?.last?.messageId)
        s.decide(.selfSupport, on: "2023-03-10")
        s.send(.appealLodged(decision: grant, receivedOn: day("2023-03-20")), on: "2023-03-20")
        let changed = s.send(.appealReconsidered(outcome: .changed), on: "2023-04-03")
        #expect(changed.transition?.to == .selfSupport)
        #expect(s.current?.appeals?.first?.reopened == false)
        #expect(s.current?.appeals?.first?.status == .changedOnReconsideration)
    }

    @Test func aClosedCaseIsNotReopened() throws {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-01-01", decidedOn: "2023-03-01", months: 12)
        let grant = try #require(s.current?.decisions?.last?.messageId)
        s.send(.appealLodged(decision: grant, receivedOn: day("2023-03-20")), on: "2023-03-20")
        s.send(.caseClosed(reason: .emigrated), on: "2023-03-25")
        #expect(s.deadline(.appealReconsideration) == day("2023-04-17"), "the municipality still owes its answer")
        s.send(.appealReconsidered(outcome: .changed), on: "2023-04-03")
        #expect(s.state == .closed)
        #expect(s.current?.appeals?.first?.reopened == false)
    }

    @Test func aSanctionSetAsideNoLongerCounts() throws {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-01-01", decidedOn: "2023-03-01", months: 12)
        s.send(.absenceRecorded(date: day("2023-04-03"), reasonableCause: false), on: "2023-04-03")
        for date in ["2023-04-04", "2023-04-05", "2023-04-06"] {
            s.send(.contactAttempted(date: day(date), channel: .phone, reached: false), on: date)
        }
        let sanction = s.send(
            .sanctionDecided(absenceDate: day("2023-04-03"), notifiedOn: day("2023-04-12")), on: "2023-04-11")
        let id = try #require(sanction.transition?.messageId, "\(sanction)")
        #expect(s.course?.sanctions == 1)
        #expect(s.current?.decisions?.last?.kind == .sanction)
        #expect(s.current?.decisions?.last?.appealUntil == day("2023-05-10"))
        s.send(.appealLodged(decision: id, receivedOn: day("2023-05-10")), on: "2023-05-10")
        let changed = s.send(.appealReconsidered(outcome: .changed), on: "2023-05-20")
        #expect(changed.transition?.to == .active)
        #expect(s.course?.sanctions == 0)
        #expect(s.current?.appeals?.first?.reopened == false)
    }

    @Test func appealsOfSeveralDecisionsRunSideBySide() throws {
        var s = CaseScript(journey: journey)
        s.toActive(born: "1985-01-01", decidedOn: "2023-03-01", months: 12)
        let grant = try #require(s.current?.decisions?.last?.messageId)
        s.send(.absenceRecorded(date: day("2023-03-06"), reasonableCause: false), on: "2023-03-06")
        for date in ["2023-03-07", "2023-03-08", "2023-03-09"] {
            s.send(.contactAttempted(date: day(date), channel: .phone, reached: false), on: date)
        }
        let sanction = try #require(s.send(.sanctionDecided(absenceDate: day("2023-03-06")), on: "2023-03-10").transition?.messageId)
        s.send(.appealLodged(decision: grant, receivedOn: day("2023-03-20")), on: "2023-03-20")
        s.send(.appealLodged(decision: sanction, receivedOn: day("2023-03-21")), on: "2023-03-21")
        #expect(s.current?.openAppeals.count == 2)
        #expect(s.deadlines.filter { $0.kind == .appealReconsideration }.count == 2)
        // Named, the answer goes to that appeal; unnamed, to the oldest.
        s.send(.appealReconsidered(outcome: .changed, decision: sanction), on: "2023-04-03")
        #expect(s.current?.appeals?.last?.status == .changedOnReconsideration)
        s.send(.appealReconsidered(outcome: .upheld), on: "2023-04-04")
        #expect(s.current?.appeals?.first?.status == .forwarded)
        #expect(s.current?.openAppeals.map(\.decision) == [grant])
    }
}

