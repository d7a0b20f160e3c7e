import ForloebCore
import Foundation
import PropertyBased
import Testing

/// Random event streams over a few cases: plausible next steps mixed with arbitrary, invalid, late and
/// duplicate messages, some through the wire decoder. Whatever arrives, the machine keeps its invariants.
@Suite struct PropertyTests {
    static let explorerTriples: Set<String> = {
        guard let journey = try? JourneyFixture.journey() else { return [] }
        return Set(JourneyExplorer(journey: journey).edges.map { triple($0.from, $0.event, $0.to) })
    }()

    static func triple(_ from: CaseState?, _ event: EventType, _ to: CaseState) -> String {
        "\(from?.rawValue ?? "(none)") --\(event.rawValue)--> \(to.rawValue)"
    }

    /// The rules each code may carry (CONTRACT.md §3): law codes always name theirs.
    static let allowedRules: [RejectionCode: Set<RuleID?>] = [
        .malformed: [nil], .unknownType: [nil], .unknownCase: [nil], .caseExists: [nil],
        .invalidTransition: [nil, .r5, .r9, .r16, .r17], .rereferralRequired: [.r2],
        .teamRecommendationRequired: [.r1, .r6, .r17], .durationOutOfRange: [.r3], .extensionNotAllowed: [.r4],
        .consentRequired: [.r7], .futilityNotDocumented: [.r8], .sanctionPreconditionsUnmet: [.r11],
        .planPeriodTooShort: [.r12], .mentorAgreementTooLong: [.r13], .internshipTooLong: [nil],
        .preparationUndocumented: [nil], .schemeAbolished: [.r18], .healthAdviceRequired: [.r19],
    ]

    /// The course lengths a rule set grants (R3).
    static func courseRange(_ ruleSet: RuleSetID) -> ClosedRange<Int> {
        ruleSet >= .y2022 ? 12...36 : 12...60
    }

    static let streams = Gen.int(in: 0...Int(UInt32.max)).array(of: 1...90)

    @Test func randomStreamsKeepTheInvariants() async throws {
        let journey = try JourneyFixture.journey()
        #expect(!Self.explorerTriples.isEmpty)
        var reached: Set<CaseState> = []
        var codes: Set<RejectionCode> = []
        var courses = 0
        await propertyCheck(count: 250, input: Self.streams) { rolls in
            var run = RandomStream(journey: journey)
            for roll in rolls { run.step(roll) }
            run.checkReplayAndDuplicates()
            reached.formUnion(run.reached)
            codes.formUnion(run.codes)
            courses = max(courses, run.book.cases.values.map(\.courseNumber).max() ?? 0)
        }
        // The streams go deep enough to mean something: through courses, next steps and most rejections.
        #expect(reached == Set(CaseState.allCases), "never reached: \(Set(CaseState.allCases).subtracting(reached))")
        #expect(courses >= 2, "a new course was granted")
        #expect(codes.count >= 12, "codes seen: \(codes.map(\.rawValue).sorted())")
    }

    /// The same with the rule set pinned, so courses of every rule set meet every date.
    @Test func randomStreamsKeepTheInvariantsUnderAPinnedRuleSet() async throws {
        for pin in RuleSetID.allCases {
            let journey = try JourneyFixture.journey(pin: pin)
            await propertyCheck(count: 60, input: Self.streams) { rolls in
                var run = RandomStream(journey: journey)
                for roll in rolls { run.step(roll) }
                run.checkReplayAndDuplicates()
            }
        }
    }
}

/// A deterministic generator of numbers from one roll, so that a failing stream reproduces exactly.
struct Dice {
    var state: UInt64

    init(_ seed: Int) { state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ options: [T]) -> T { options[int(0...(options.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

/// One random stream in progress: the book, what was sent and accepted, and the invariants checked after
/// every message.
struct RandomStream {
    static let caseIds = ["P-1", "P-2", "P-3"]
    static let months: [Int?] = [nil, 1, 6, 11, 12, 18, 24, 36, 37, 48, 60, 61, 120]

    let journey: Journey
    var book: CaseBook
    var sent: [EventEnvelope] = []
    var sentBytes: [Data] = []
    var accepted: [String: [EventEnvelope]] = [:]
    var clocks: [String: CivilDate] = [:]
    /// The end of the course each case is running, by course number: it must never move.
    var courseEnds: [String: (number: Int, end: CivilDate)] = [:]
    var sequence = 0
    /// What the stream exercised, to show it went deep.
    var reached: Set<CaseState> = []
    var codes: Set<RejectionCode> = []

    init(journey: Journey) {
        self.journey = journey
        self.book = CaseBook(journey: journey)
    }

    mutating func step(_ roll: Int) {
        var dice = Dice(roll)
        let caseId = dice.pick(Self.caseIds)
        let mode = dice.int(0...99)
        if mode < 6, !sent.isEmpty {
            resend(dice.int(0...(sent.count - 1)))
            return
        }
        if mode < 9 {
            sendBytes(garbage(&dice, caseId: caseId))
            return
        }
        // The case's own clock: mostly forward, now and then an event reported late.
        let start = CivilDate(year: 2012, month: 6, day: 1)!.adding(days: dice.int(0...5200))
        var date = clocks[caseId] ?? start
        date = date.adding(days: dice.chance(10) ? -dice.int(1...60) : dice.int(0...120))
        clocks[caseId] = date
        let event = mode < 65 ? plausible(&dice, for: book.cases[caseId], on: date) : arbitrary(&dice, on: date)
        sequence += 1
        let envelope = EventEnvelope(
            messageId: "msg-\(sequence)", caseId: caseId,
            occurredAt: date.startInstant.adding(seconds: Int64(dice.int(0...86_399))),
            actor: dice.chance(15) ? "sw-9" : "sb-1", event: event)
        if dice.chance(30) {
            sendBytes(envelope.wireJSON(), expecting: envelope)
        } else {
            sent.append(envelope)
            check(book.ingest(envelope), for: envelope)
        }
    }

    // MARK: Sending

    mutating func resend(_ index: Int) {
        let before = Snapshot(book)
        let outcome = book.ingest(sent[index])
        #expect(outcome == .duplicate(messageId: sent[index].messageId))
        #expect(Snapshot(book) == before, "a duplicate has no effect")
    }

    mutating func sendBytes(_ bytes: Data, expecting envelope: EventEnvelope? = nil) {
        sentBytes.append(bytes)
        let outcome = book.ingest(bytes)
        if let envelope {
            sent.append(envelope)
            check(outcome, for: envelope)
        } else if case .applied = outcome {
            Issue.record("garbage was applied: \(String(decoding: bytes, as: UTF8.self))")
        } else {
            check(outcome, for: nil)
        }
    }

    func garbage(_ dice: inout Dice, caseId: String) -> Data {
        let text: String
        switch dice.int(0...4) {
        case 0: text = "not json \(dice.int(0...9))"
        case 1:
            text =
                #"{"messageId":"bad-\#(dice.int(0...50))","caseId":"\#(caseId)","type":"plan.updated","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"periodMonths":"six"}}"#
        case 2:
            text =
                #"{"messageId":"odd-\#(dice.int(0...50))","caseId":"\#(caseId)","type":"case.reopened","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{}}"#
        case 3:
            text =
                #"{"caseId":"\#(caseId)","type":"meeting.held","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"date":"2023-01-01","channel":"phone"}}"#
        default: text = "[\(dice.int(0...9))]"
        }
        return Data(text.utf8)
    }

    // MARK: Events

    /// What a case system would plausibly send next in the case's state, with values that may break a rule.
    func plausible(_ dice: inout Dice, for current: CitizenCase?, on date: CivilDate) -> CaseEvent {
        guard let current else {
            return .caseOpened(
                Citizen(
                    birthDate: date.adding(days: -dice.int(17 * 365...67 * 365)), municipality: "0260",
                    origin: dice.pick(CaseOrigin.allCases), incomeBasis: dice.pick(IncomeBasis.allCases)))
        }
        // The reform's basis for a decision without the team (R19), in any open state.
        if !current.state.isFinal && dice.chance(6) {
            return dice.chance(50) ? .descriptionCompleted(date: date) : .healthAdviceGiven(date: date)
        }
        switch current.phase {
        case .requested:
            return .targetGroupAssessed(
                outcome: dice.chance(80) ? .inTargetGroup : dice.pick(TargetGroupOutcome.allCases), reason: "r")
        case .preparing:
            return .teamReferred(
                meetingDate: date.adding(days: 14),
                consideredEfforts: dice.chance(85) ? ["mentor"] : dice.pick([nil, [], [""]]))
        case .awaitingTeam, .preEndAwaitingTeam:
            if dice.chance(15) { return .meetingHeld(date: date, channel: dice.pick(MeetingChannel.allCases)) }
            // §6.1: the course runs on while the team considers, and (after the reform) the municipality decides.
            if let course = current.phase.course, dice.chance(15) { return courseEvent(&dice, course, on: date) }
            let step =
                dice.chance(50)
                ? (current.courseNumber == 0 ? .ressourceforloeb : .newCourse) : dice.pick(NextStep.allCases)
            return .teamRecommended(recommendation: step, durationMonths: step.isCourse ? dice.pick(Self.months) : nil)
        case .awaitingDecision(let recommendation), .preEndAwaitingDecision(_, let recommendation):
            if dice.chance(15) { return .teamRereferred(reason: "r", meetingDate: date.adding(days: 10)) }
            let outcome: DecisionOutcome =
                dice.chance(70)
                ? .step(recommendation.step) : dice.chance(20) ? .refusal : .step(dice.pick(NextStep.allCases))
            var made = decision(&dice, outcome, on: date)
            // Mostly the length the team recommended: another one is a deviation (R2).
            if dice.chance(70) { made.durationMonths = recommendation.durationMonths }
            return .decisionMade(made)
        case .active(let course):
            if course.reviewMeetingOn != nil && dice.chance(50) {
                return .teamRecommended(recommendation: dice.pick(NextStep.allCases), durationMonths: nil)
            }
            return courseEvent(&dice, course, on: date)
        case .ended:
            return arbitrary(&dice, on: date)
        }
    }

    func decision(_ dice: inout Dice, _ outcome: DecisionOutcome, on date: CivilDate) -> Decision {
        Decision(
            outcome: outcome, startDate: dice.chance(50) ? date.adding(days: dice.int(0...40)) : nil,
            durationMonths: dice.pick(Self.months), citizenConsent: dice.pick([nil, true, false]),
            obviouslyFutile: dice.chance(10) ? dice.pick([true, false]) : nil)
    }

    func courseEvent(_ dice: inout Dice, _ course: Course, on date: CivilDate) -> CaseEvent {
        switch dice.int(0...16) {
        case 0:
            return .caseworkerAssigned(
                caseworkerId: dice.pick(["sb-1", "sw-9"]), unit: dice.pick(CaseworkerUnit.allCases))
        case 1, 2: return .meetingHeld(date: date, channel: dice.pick(MeetingChannel.allCases))
        case 3: return .planUpdated(periodMonths: dice.int(1...12), goal: "g")
        case 4: return .mentorAgreed(startDate: date, endDate: date.adding(days: dice.int(0...240)))
        case 5:
            return .effortStarted(
                startDate: date, area: dice.pick(EffortArea.allCases), name: dice.pick(["mentor", "fleksjob"]))
        case 6: return .internshipStarted(startDate: date, weeks: dice.int(1...16))
        case 7: return .internshipExtended(weeks: dice.int(1...30))
        case 8: return .absenceRecorded(date: date, reasonableCause: dice.chance(40))
        case 9:
            return .contactAttempted(date: date, channel: dice.pick(ContactChannel.allCases), reached: dice.chance(30))
        case 10:
            let absence = dice.chance(70) ? course.absences.last?.date ?? date : date
            return .sanctionDecided(absenceDate: absence)
        case 11, 12:
            return .teamReferred(
                meetingDate: date.adding(days: 14), consideredEfforts: nil, purpose: dice.chance(25) ? .review : .nextStep)
        case 13:
            return .decisionMade(
                decision(&dice, dice.chance(90) ? .step(dice.pick(NextStep.allCases)) : .refusal, on: date))
        case 14: return .courseExtensionRequested
        case 15: return .municipalityChanged(municipality: dice.pick(["0250", "0101"]))
        default:
            return dice.chance(30)
                ? .caseClosed(reason: dice.pick(ClosureReason.allCases)) : .meetingHeld(date: date, channel: .inPerson)
        }
    }

    /// Any event of any type, whatever the state.
    func arbitrary(_ dice: inout Dice, on date: CivilDate) -> CaseEvent {
        let course = Course(number: 1, start: date, months: 12, ruleSet: .y2013)
        switch dice.int(0...7) {
        case 0:
            return .caseOpened(
                Citizen(
                    birthDate: date.adding(days: -dice.int(0...30_000)), municipality: "0260", origin: .municipality,
                    incomeBasis: .other))
        case 1: return .targetGroupAssessed(outcome: dice.pick(TargetGroupOutcome.allCases), reason: "r")
        case 2: return .teamReferred(meetingDate: date, consideredEfforts: dice.pick([nil, ["x"]]))
        case 3:
            return .teamRecommended(
                recommendation: dice.pick(NextStep.allCases), durationMonths: dice.pick(Self.months))
        case 4: return .teamRereferred(reason: "r", meetingDate: date)
        case 5:
            return .decisionMade(
                decision(&dice, dice.chance(85) ? .step(dice.pick(NextStep.allCases)) : .refusal, on: date))
        default: return courseEvent(&dice, course, on: date)
        }
    }

    // MARK: Invariants

    mutating func check(_ outcome: CaseBook.Outcome, for envelope: EventEnvelope?) {
        switch outcome {
        case .applied(let transition):
            guard let envelope else { return }
            accepted[envelope.caseId, default: []].append(envelope)
            reached.insert(transition.to)
            let triple = PropertyTests.triple(transition.from, transition.type, transition.to)
            #expect(PropertyTests.explorerTriples.contains(triple), "the explorer never saw \(triple)")
            #expect(transition.deadlines == journey.deadlines(for: transition.after))
        case .rejected(let rejected):
            let rejection = rejected.rejection
            codes.insert(rejection.code)
            #expect(!rejection.detail.isEmpty)
            let allowed = PropertyTests.allowedRules[rejection.code] ?? []
            #expect(
                allowed.contains(rejection.rule),
                "\(rejection.code.rawValue) with rule \(String(describing: rejection.rule))")
            if let envelope { #expect(rejected.messageId == envelope.messageId) }
        case .duplicate(let messageId):
            // Only garbage repeats itself by accident (the same bytes, the same fallback id).
            #expect(envelope == nil, "a fresh message \(messageId) was taken for a duplicate")
        }
        for (caseId, c) in book.cases { checkCourse(caseId, c) }
    }

    mutating func checkCourse(_ caseId: String, _ c: CitizenCase) {
        if let decision = c.lastDecision {
            // R14: 4 weeks, run on to the first working day from there (CONTRACT.md §6.6).
            let fourWeeks = decision.decidedOn.adding(days: 28)
            let runOn = fourWeeks.days(until: decision.appealUntil)
            #expect((0...5).contains(runOn), "\(decision.decidedOn) → \(decision.appealUntil)")
            let calendar = DanishCalendar.standard
            #expect(calendar.isWorkingDay(decision.appealUntil))
            #expect((0..<max(runOn, 0)).allSatisfy { !calendar.isWorkingDay(fourWeeks.adding(days: $0)) })
        }
        guard let course = c.phase.course else {
            #expect(!c.state.hasRunningCourse)
            courseEnds[caseId] = nil
            return
        }
        #expect(c.state.hasRunningCourse)
        #expect(
            PropertyTests.courseRange(course.ruleSet).contains(course.months),
            "a course of \(course.months) months under \(course.ruleSet)")
        #expect(course.end == course.start.adding(months: course.months))
        #expect(course.number == c.courseNumber && c.courseNumber >= 1)
        if let running = courseEnds[caseId], running.number == course.number {
            #expect(running.end == course.end, "the end of course \(course.number) moved")
        }
        courseEnds[caseId] = (course.number, course.end)
    }

    /// Replaying each case's accepted events from nothing gives the same case and the same transitions; and
    /// every message sent again is a duplicate with no effect.
    mutating func checkReplayAndDuplicates() {
        for (caseId, envelopes) in accepted {
            var replayed: CitizenCase?
            var transitions: [Transition] = []
            for envelope in envelopes {
                switch journey.apply(envelope, to: replayed) {
                case .success(let transition):
                    replayed = transition.after
                    transitions.append(transition)
                case .failure(let rejection):
                    Issue.record("replaying \(envelope.messageId) was rejected: \(rejection)")
                }
            }
            #expect(replayed == book.cases[caseId])
            #expect(transitions == book.history[caseId] ?? [])
            if let replayed {
                let data = try? JSONEncoder().encode(replayed)
                #expect(
                    data.flatMap { try? JSONDecoder().decode(CitizenCase.self, from: $0) } == replayed,
                    "the snapshot round-trips")
            }
        }
        let before = Snapshot(book)
        for envelope in sent { #expect(book.ingest(envelope).isDuplicate) }
        for bytes in sentBytes { #expect(book.ingest(bytes).isDuplicate) }
        #expect(Snapshot(book) == before)
    }
}

/// What a `CaseBook` holds, comparable.
struct Snapshot: Equatable {
    var cases: [String: CitizenCase]
    var rejections: [String: [RejectedEvent]]
    var unattached: [RejectedEvent]
    var history: [String: [Transition]]

    init(_ book: CaseBook) {
        cases = book.cases
        rejections = book.rejections
        unattached = book.unattached
        history = book.history
    }
}
