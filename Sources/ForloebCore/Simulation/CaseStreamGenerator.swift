/// Generates realistic, valid case journeys: for benchmarks, load tests, seeding a store and demos.
///
/// Each case follows the common path of seed 004: assessment, referral, recommendation, a 12–36 month
/// course with a caseworker, conversations, a plan, an internship and a mentor, then a pre-end referral and
/// a next step (mostly fleksjob or førtidspension), which about one case in eight appeals. Dates are spread from `startingOn`; everything is
/// derived from `seed`, so the same arguments always give the same stream. A next step the team could no
/// longer recommend (`teamAbolishedOn`, the shipped rule set 2026's date) is decided as the reform has it: on the
/// samlet beskrivelse and the sundhedskoordinator's advice (R19), so that the stream stays valid today.
public struct CaseStreamGenerator: Sendable {
    public var seed: UInt64
    public var startingOn: CivilDate
    /// Cases stop here: events after this date are not generated (so a stream can end mid-course).
    public var until: CivilDate?
    public var caseIdPrefix: String
    /// From this day the generated cases decide their next step without the team; nil: always with it.
    public var teamAbolishedOn: CivilDate?

    public init(
        seed: UInt64 = 1, startingOn: CivilDate = CivilDate(year: 2022, month: 1, day: 3)!, until: CivilDate? = nil,
        caseIdPrefix: String = "SIM", teamAbolishedOn: CivilDate? = CivilDate(year: 2026, month: 7, day: 1)!
    ) {
        self.seed = seed
        self.startingOn = startingOn
        self.until = until
        self.caseIdPrefix = caseIdPrefix
        self.teamAbolishedOn = teamAbolishedOn
    }

    /// The events of case number `index`, in order.
    public func journey(_ index: Int) -> [EventEnvelope] {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let caseId = "\(caseIdPrefix)-\(String(index, radix: 10))"
        var events: [EventEnvelope] = []
        var day = startingOn.adding(days: index % 730)
        var sequence = 0
        func emit(_ event: CaseEvent, after days: Int) {
            day = day.adding(days: days)
            if let until, day > until { return }
            sequence += 1
            events.append(
                EventEnvelope(
                    messageId: "\(caseId)/\(sequence)", caseId: caseId,
                    occurredAt: day.startInstant.adding(seconds: 9 * 3600 + Int64(sequence) * 60),
                    actor: "sb-\(1000 + index % 97)", event: event))
        }
        let birth = CivilDate(
            year: 1966 + Int(random.next() % 36), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!
        emit(
            .caseOpened(
                Citizen(
                    birthDate: birth, municipality: "0\(101 + index % 98)", origin: .citizenRequest,
                    incomeBasis: .kontanthjaelp)), after: 0)
        emit(.targetGroupAssessed(outcome: .inTargetGroup, reason: "complex problems"), after: 10)
        emit(
            .teamReferred(meetingDate: day.adding(days: 14), consideredEfforts: ["mentor", "virksomhedspraktik"]),
            after: 7)
        let months = [12, 12, 12, 18, 24, 36][Int(random.next() % 6)]
        emit(.teamRecommended(recommendation: .ressourceforloeb, durationMonths: months), after: 14)
        emit(
            .decisionMade(
                Decision(outcome: .step(.ressourceforloeb), startDate: day.adding(days: 7), durationMonths: months)),
            after: 5)
        let start = day.adding(days: 2)
        emit(.caseworkerAssigned(caseworkerId: "sb-\(2000 + index % 53)", unit: .jobcenter), after: 1)
        emit(.meetingHeld(date: start.adding(days: 5), channel: .inPerson), after: 6)
        emit(.planUpdated(periodMonths: 6, goal: "afklaring"), after: 0)
        emit(.internshipStarted(startDate: start.adding(days: 21), weeks: 13), after: 14)
        emit(
            .mentorAgreed(startDate: start.adding(days: 21), endDate: start.adding(days: 21).adding(months: 6)),
            after: 0)
        for meeting in 1...3 {
            emit(
                .meetingHeld(date: start.adding(days: 5 + 42 * meeting), channel: meeting == 2 ? .inPerson : .phone),
                after: 42)
        }
        emit(.internshipExtended(weeks: 13), after: 10)
        emit(.effortStarted(startDate: day, area: .health, name: "smertehåndtering"), after: 20)
        emit(.planUpdated(periodMonths: 6, goal: "arbejdsprøvning"), after: 30)
        let end = start.adding(months: months)
        day = max(day, end.adding(months: -4))
        emit(.meetingHeld(date: day, channel: .inPerson), after: 0)
        let next: NextStep = [.fleksjob, .fleksjob, .foertidspension, .selfSupport, .kontanthjaelp][
            Int(random.next() % 5)]
        if let gone = teamAbolishedOn, day.adding(days: 37) >= gone {
            emit(.descriptionCompleted(date: day.adding(days: 7)), after: 7)
            emit(.healthAdviceGiven(date: day.adding(days: 13)), after: 13)
            // Decided once the team is gone (before that, fleksjob and førtidspension still need it).
            day = max(day, gone.adding(days: -10))
        } else {
            emit(.teamReferred(meetingDate: day.adding(days: 20), consideredEfforts: nil), after: 7)
            emit(.teamRecommended(recommendation: next, durationMonths: nil), after: 20)
        }
        let decided = Decision(outcome: .step(next), obviouslyFutile: next == .foertidspension ? true : nil)
        emit(.decisionMade(decided), after: 10)
        // About one case in eight appeals its next step (R14): most appeals are upheld by Ankestyrelsen; one in
        // four is changed on the municipality's reconsideration, and the step is then decided again.
        guard random.next() % 8 == 0, let decision = events.last?.messageId, events.last?.type == .decisionMade else {
            return events
        }
        emit(.appealLodged(decision: decision, receivedOn: day.adding(days: 14)), after: 14)
        if random.next() % 4 == 0 {
            emit(.appealReconsidered(outcome: .changed), after: 21)
            if let gone = teamAbolishedOn, day.adding(days: 7) >= gone {
                // The basis counts only since the case returned to where the decision is taken (R19).
                emit(.descriptionCompleted(date: day.adding(days: 7)), after: 7)
                emit(.healthAdviceGiven(date: day.adding(days: 7)), after: 7)
            }
            emit(.decisionMade(decided), after: 7)
        } else {
            emit(.appealReconsidered(outcome: .upheld), after: 21)
            emit(.appealDecided(outcome: .upheld), after: 120)
        }
        return events
    }

    /// `cases` journeys interleaved the way a live system would send them: by date, not case by case.
    public func stream(cases: Int) -> [EventEnvelope] {
        var all: [EventEnvelope] = []
        for index in 0..<cases { all += journey(index) }
        return all.sorted { ($0.occurredAt, $0.caseId) < ($1.occurredAt, $1.caseId) }
    }
}
