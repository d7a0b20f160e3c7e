import ForloebCore
import ForloebWorkflows
import Foundation
import Testing

/// The shipped workflow, loaded once from the source tree, and small helpers that keep the tests about the
/// journey rather than about building envelopes.
enum JourneyFixture {
    /// `Workflows/` of this checkout with the default policy; loaded once for every test.
    static let loaded: Result<Workflow, WorkflowError> = Result { () throws(WorkflowError) -> Workflow in
        try WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory)
    }

    static func workflow() throws -> Workflow {
        try loaded.get()
    }

    static func journey() throws -> Journey {
        try loaded.get().journey
    }

    /// The journey under a municipal policy (`halsnaes`) or a pinned rule set.
    static func journey(policyFile: String? = nil, pin: RuleSetID? = nil) throws -> Journey {
        try WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory, policyFile: policyFile, pin: pin).journey
    }

    /// A default citizen; only the birth date matters to the rules.
    static func citizen(born: String, municipality: String = "0260") -> Citizen {
        Citizen(birthDate: day(born), municipality: municipality, origin: .citizenRequest, incomeBasis: .kontanthjaelp)
    }
}

/// An ISO date from a literal; a typo records an issue instead of trapping the test process.
func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDate {
    guard let date = CivilDate(iso: text) else {
        Issue.record("not an ISO date: \(text)", sourceLocation: sourceLocation)
        return CivilDate(dayNumber: 0)
    }
    return date
}

/// An RFC 3339 instant from a literal.
func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Instant {
    guard let value = Instant(rfc3339: text) else {
        Issue.record("not an RFC 3339 instant: \(text)", sourceLocation: sourceLocation)
        return Instant(secondsSinceEpoch: 0)
    }
    return value
}

/// Sends typed events for one case into a `CaseBook`, numbering message ids in order.
///
/// Each call names the date the event happened (its `occurredAt`, 10:00 UTC unless a time is given), so
/// every test reads as the case's diary.
struct CaseScript {
    var book: CaseBook
    let caseId: String
    var actor = "sb-4711"
    private(set) var sequence = 0
    /// Every envelope sent, accepted or not, in order.
    private(set) var sent: [EventEnvelope] = []

    init(_ caseId: String = "K-TEST-000001", journey: Journey) {
        self.book = CaseBook(journey: journey)
        self.caseId = caseId
    }

    init(_ caseId: String = "K-TEST-000001", book: CaseBook) {
        self.book = book
        self.caseId = caseId
    }

    var journey: Journey { book.journey }
    var current: CitizenCase? { book.cases[caseId] }
    var state: CaseState? { current?.state }
    var course: Course? { current?.phase.course }
    var history: [Transition] { book.history[caseId] ?? [] }
    var deadlines: [Deadline] { current.map { journey.deadlines(for: $0) } ?? [] }

    /// The next message id this script will use.
    var nextMessageId: String { caseId + "-" + String(format: "%03d", sequence + 1) }

    func envelope(_ event: CaseEvent, on date: String, at time: String = "10:00:00", actor: String? = nil)
        -> EventEnvelope
    {
        EventEnvelope(
            messageId: nextMessageId, caseId: caseId, occurredAt: instant(date + "T" + time + "Z"),
            actor: actor ?? self.actor, event: event)
    }

    @discardableResult
    mutating func send(_ event: CaseEvent, on date: String, at time: String = "10:00:00", actor: String? = nil)
        -> CaseBook.Outcome
    {
        let envelope = envelope(event, on: date, at: time, actor: actor)
        sequence += 1
        sent.append(envelope)
        return book.ingest(envelope)
    }

    /// The deadline of `kind` open now, if any.
    func deadline(_ kind: DeadlineKind) -> CivilDate? {
        deadlines.first { $0.kind == kind }?.dueOn
    }

    // MARK: The usual steps, with the data the tests rarely vary

    @discardableResult
    mutating func open(born: String, on date: String, municipality: String = "0260") -> CaseBook.Outcome {
        send(.caseOpened(JourneyFixture.citizen(born: born, municipality: municipality)), on: date)
    }

    @discardableResult
    mutating func assess(_ outcome: TargetGroupOutcome = .inTargetGroup, on date: String) -> CaseBook.Outcome {
        send(.targetGroupAssessed(outcome: outcome, reason: "complex problems beyond unemployment"), on: date)
    }

    @discardableResult
    mutating func refer(meeting: String, on date: String, efforts: [String]? = ["mentor", "virksomhedspraktik"])
        -> CaseBook.Outcome
    {
        send(.teamReferred(meetingDate: day(meeting), consideredEfforts: efforts), on: date)
    }

    @discardableResult
    mutating func recommend(_ step: NextStep, months: Int? = nil, on date: String) -> CaseBook.Outcome {
        send(.teamRecommended(recommendation: step, durationMonths: months), on: date)
    }

    @discardableResult
    mutating func rerefer(meeting: String, on date: String) -> CaseBook.Outcome {
        send(
            .teamRereferred(reason: "the municipality will not follow the recommendation", meetingDate: day(meeting)),
            on: date)
    }

    @discardableResult
    mutating func decide(
        _ outcome: DecisionOutcome, months: Int? = nil, start: String? = nil, consent: Bool? = nil,
        futile: Bool? = nil, on date: String, actor: String? = nil
    ) -> CaseBook.Outcome {
        send(
            .decisionMade(
                Decision(
                    outcome: outcome, startDate: start.map { day($0) }, durationMonths: months, citizenConsent: consent,
                    obviouslyFutile: futile)), on: date, actor: actor)
    }

    @discardableResult
    mutating func decide(
        _ step: NextStep, months: Int? = nil, start: String? = nil, consent: Bool? = nil, futile: Bool? = nil,
        on date: String, actor: String? = nil
    ) -> CaseBook.Outcome {
        decide(.step(step), months: months, start: start, consent: consent, futile: futile, on: date, actor: actor)
    }

    /// Opens a case and walks it to the team's first recommendation of a course, dated `days` before `decidedOn`.
    mutating func toAwaitingDecision(
        born: String, recommendedOn: String, recommendation: NextStep = .ressourceforloeb, months: Int? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let recommended = day(recommendedOn)
        open(born: born, on: recommended.adding(days: -60).description)
        assess(on: recommended.adding(days: -45).description)
        refer(meeting: recommended.description, on: recommended.adding(days: -30).description)
        recommend(recommendation, months: months, on: recommended.description)
        #expect(state == .awaitingDecision, "the case did not reach awaiting_decision", sourceLocation: sourceLocation)
    }

    /// Brings a new case to `active`: the team recommends a course of `months` a week before `decidedOn`, and
    /// the decision grants it from `start` (the decision's date if none).
    mutating func toActive(
        born: String, decidedOn: String, months: Int, start: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let decided = day(decidedOn)
        toAwaitingDecision(
            born: born, recommendedOn: decided.adding(days: -7).description, months: months,
            sourceLocation: sourceLocation)
        let outcome = decide(.ressourceforloeb, months: months, start: start, on: decidedOn)
        #expect(
            outcome.transition?.to == .active, "the grant was not accepted: \(outcome)", sourceLocation: sourceLocation)
    }

    /// Refers a running course to the team and has it recommend `step`.
    mutating func toPreEndDecision(
        _ step: NextStep, months: Int? = nil, referredOn: String, recommendedOn: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        refer(meeting: recommendedOn, on: referredOn, efforts: nil)
        recommend(step, months: months, on: recommendedOn)
        #expect(state == .preEndAwaitingDecision, sourceLocation: sourceLocation)
    }
}

extension CaseBook.Outcome {
    var transition: Transition? {
        if case .applied(let transition) = self { return transition }
        return nil
    }

    var rejected: RejectedEvent? {
        if case .rejected(let rejected) = self { return rejected }
        return nil
    }

    var rejection: Rejection? { rejected?.rejection }
    var code: RejectionCode? { rejection?.code }
    var rule: RuleID? { rejection?.rule }

    var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}

extension Transition {
    var stateChanges: [StateChange] {
        notifications.compactMap {
            if case .stateChanged(let change) = $0 { return change }
            return nil
        }
    }
}

/// One wire message as a case system writes it, for the tests that go through the decoder.
func wireLine(
    _ messageId: String, _ caseId: String, _ type: String, _ occurredAt: String, _ data: String = "{}"
) -> Data {
    Data(
        """
        {"messageId": "\(messageId)", "caseId": "\(caseId)", "type": "\(type)", "occurredAt": "\(occurredAt)", \
        "actor": "sb-4711", "data": \(data)}
        """.utf8)
}
