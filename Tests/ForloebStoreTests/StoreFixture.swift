import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation
import Testing

/// The shipped workflow and event streams for the store tests.
enum StoreFixture {
    static let loaded: Result<Workflow, WorkflowError> = Result { () throws(WorkflowError) -> Workflow in
        try WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory)
    }

    static func journey() throws -> Journey { try loaded.get().journey }

    /// The same law under Halsnæs's policy with a longer decision deadline and first plan period: other
    /// deadlines for running cases (a policy change, for the rebuild tests).
    static func changedPolicyJourney() throws -> Journey {
        var journey = try WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory, policyFile: "halsnaes")
            .journey
        journey.policy.decisionDueDays += 7
        journey.policy.firstPlanDays += 14
        journey.policy.nextStepReferralLeadMonths += 1
        return journey
    }

    static let now = Instant(rfc3339: "2026-11-23T10:00:00Z")!

    /// `cases` generated journeys, interleaved by date, as raw message bodies.
    static func stream(cases: Int, seed: UInt64 = 7, until: String? = "2025-06-30", prefix: String = "T") -> [Data] {
        CaseStreamGenerator(
            seed: seed, startingOn: CivilDate(iso: "2022-01-03")!, until: until.flatMap { CivilDate(iso: $0) },
            caseIdPrefix: prefix
        ).stream(cases: cases).map { $0.wireJSON() }
    }

    /// A stream with the deliveries a live system sees besides valid events: redeliveries of the same message,
    /// events that break the rules, events for unknown cases and unreadable messages.
    static func messyStream(cases: Int, seed: UInt64 = 11, until: String? = "2025-06-30") -> [Data] {
        var random = SplitMix64(seed: seed)
        var out: [Data] = []
        for (index, body) in stream(cases: cases, seed: seed, until: until).enumerated() {
            out.append(body)
            switch random.next() % 23 {
            case 0: out.append(body)  // redelivery
            case 1: out.append(Data(#"{"messageId":"bad-\#(index)","type":"case.opened"}"#.utf8))  // malformed, no case
            case 2: out.append(Data("not json \(index)".utf8))  // unreadable: dead letter
            case 3:  // an event for a case that was never opened: unattached
                out.append(
                    event(
                        "ghost-\(index)", caseId: "GHOST-\(index % 5)", type: "meeting.held",
                        data: #"{"date":"2024-01-01","channel":"phone"}"#))
            case 4:  // case.opened again: case_exists, recorded on the case once it exists
                if let caseId = caseId(of: body) {
                    out.append(event("dup-open-\(index)", caseId: caseId, type: "case.opened", data: openData))
                }
            case 5:  // an extension request: always rejected (R4)
                if let caseId = caseId(of: body) {
                    out.append(event("ext-\(index)", caseId: caseId, type: "course.extension_requested", data: "{}"))
                }
            default: break
            }
        }
        return out
    }

    static let openData =
        #"{"birthDate":"1980-05-01","municipality":"0260","origin":"municipality","incomeBasis":"kontanthjaelp"}"#

    static func event(
        _ messageId: String, caseId: String, type: String, at: String = "2024-03-01T09:00:00Z", data: String
    ) -> Data {
        Data(
            #"{"messageId":"\#(messageId)","caseId":"\#(caseId)","type":"\#(type)","occurredAt":"\#(at)","actor":"sb-1","data":\#(data)}"#
                .utf8)
    }

    static func caseId(of body: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["caseId"] as? String
    }

    static func messages(_ bodies: [Data]) -> [InboundMessage] {
        bodies.map { InboundMessage(body: $0) }
    }

    /// Applies `bodies` to `store` in batches of `batchSize` (retrying conflicts, as the worker does).
    @discardableResult
    static func apply(_ bodies: [Data], to store: any CaseStore, batchSize: Int, journey: Journey) async throws
        -> [ApplyOutcome]
    {
        var outcomes: [ApplyOutcome] = []
        var start = 0
        while start < bodies.count {
            let end = min(start + batchSize, bodies.count)
            outcomes += try await store.applyRetrying(messages(Array(bodies[start..<end])), journey: journey, at: now)
            start = end
        }
        return outcomes
    }

    /// The in-memory reference for the same bodies.
    static func book(_ bodies: [Data], journey: Journey) -> CaseBook {
        var book = CaseBook(journey: journey)
        for body in bodies { book.ingest(body) }
        return book
    }
}

/// A one-shot gate a test opens to let a paused writer go on.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var arrivals = 0
    private var arrivalWaiters: [CheckedContinuation<Void, Never>] = []

    /// Called by the paused party: records its arrival and waits for `open`.
    func pass() async {
        arrivals += 1
        for waiter in arrivalWaiters { waiter.resume() }
        arrivalWaiters = []
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Waits until someone is waiting at the gate.
    func arrived() async {
        if arrivals > 0 { return }
        await withCheckedContinuation { arrivalWaiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiting { waiter.resume() }
        waiting = []
    }
}

/// A failure injected by the atomicity tests.
struct InjectedFault: Error {}
