import ForloebCore

/// Finds the cases an operator must look at, from the store's indexes rather than a scan of every case, and hands
/// them out most urgent first as it finds them, so that the whole list runs in the same memory as its first page.
///
/// Candidates come from index ranges (`CandidateRange`), each read in keyset pages in the order that puts its
/// longest-running reason first: open deadlines due by now (the due-time index; in every state, for appeals run
/// on finished cases too), running courses whose end has passed (the course-end index) and, per non-final
/// state, cases whose last accepted event is older than that state's idle threshold (the (state, last event)
/// index). The ranges are merged whole days of urgency at a time, most urgent first. `CaseDiagnosis` (the same
/// pure rules for every back end) decides from each candidate's indexed columns and open deadlines, never its
/// snapshot, why it is stuck and which events would move it on. A case is diagnosed once, where its most urgent
/// reason meets it. The cost follows the number of stuck cases, not the size of the store.
public struct StuckCaseFinder: Sendable {
    public let store: any CaseStore
    public let journey: Journey
    /// What the machine accepts in each era of the law (before the reform, and after each of its steps), so
    /// that "would move it on" names what moves a case on the day it is asked, not what once did.
    let explorers: [(from: CivilDate, explorer: JourneyExplorer)]

    public init(store: any CaseStore, journey: Journey) {
        self.store = store
        self.journey = journey
        self.explorers = JourneyExplorer.eras(of: journey).map { ($0, JourneyExplorer(journey: journey, on: $0)) }
    }

    /// The explorer of the era `date` falls in.
    func explorer(on date: CivilDate) -> JourneyExplorer {
        explorers.last(where: { $0.from <= date })?.explorer ?? explorers[0].explorer
    }

    /// The stuck cases at `now`, most urgent first (most days past a deadline or idle), then by case id.
    /// `idleDays` replaces every state's threshold; `states` keeps only cases in those states.
    public func find(at now: Instant, idleDays: Int? = nil, states: [CaseState] = [], limit: Int = Int(Int32.max))
        async throws -> [CaseDiagnosis]
    {
        try await survey(at: now, idleDays: idleDays, states: states, limit: limit).cases
    }

    /// `find`, and the candidates whose stored row does not read: each of those fails alone, named, so that one
    /// damaged case never hides every other stuck case from the operator.
    public func survey(at now: Instant, idleDays: Int? = nil, states: [CaseState] = [], limit: Int = Int(Int32.max))
        async throws -> (cases: [CaseDiagnosis], unreadable: [StoreError])
    {
        var cases: [CaseDiagnosis] = []
        let unreadable = try await forEach(at: now, idleDays: idleDays, states: states, limit: limit) {
            cases.append($0)
        }
        return (cases, unreadable)
    }

    /// The stuck cases at `now`, in `find`'s order, handed to `body` one at a time as they are found; returns the
    /// candidates whose stored row does not read.
    public func forEach(
        at now: Instant, idleDays: Int? = nil, states: [CaseState] = [], limit: Int = Int(Int32.max),
        _ body: (CaseDiagnosis) throws -> Void
    ) async throws -> [StoreError] {
        let explorer = explorer(on: now.danishDate)
        let wanted = Set(states.isEmpty ? CaseState.allCases : states)
        // Today in Denmark, as `CaseDiagnosis` counts: between 22:00 and 24:00 UTC it is already tomorrow there.
        let today = now.danishDate
        // A finished case is stuck only on an appeal the municipality or Ankestyrelsen owes an answer to, which the
        // due range finds; the idle and overrun ranges are for cases still on their journey.
        let kinds = DeadlineKind.allCases.filter { $0 != .courseEnd && $0.holdsUpTheCase }
        var ranges = [Cursor(.due(by: now, kinds: kinds), today: today)]
        ranges.append(
            Cursor(
                .overrun(endedBefore: today.adding(days: 1), states: CaseState.allCases.filter(\.hasRunningCourse)),
                today: today))
        for state in CaseState.allCases where !state.isFinal && wanted.contains(state) {
            guard let threshold = idleDays ?? journey.policy.idleThreshold(state) else { continue }
            ranges.append(
                Cursor(
                    .idle(state, lastEventBefore: today.adding(days: -threshold).danishMidnight), today: today,
                    threshold: threshold))
        }

        var seen: Set<String> = []
        var unreadable: [StoreError] = []
        // Diagnosed cases not yet handed out, by urgency: one whose diagnosis is less urgent than the range row that
        // found it waits for its own day.
        var waiting: [Int: [CaseDiagnosis]] = [:]
        var handedOut = 0
        var exhausted = false
        while !exhausted || !waiting.isEmpty {
            // Whole days of urgency, most urgent first, until a batch is worth a read: every candidate at least as
            // urgent as `floor` is then in hand.
            var found: [String] = []
            var floor = Int.min
            while found.count < Self.batch {
                for index in ranges.indices { try await ranges[index].fill(from: store) }
                guard let level = ranges.compactMap(\.head?.urgency).max() else {
                    exhausted = true
                    floor = Int.min
                    break
                }
                floor = level
                for index in ranges.indices {
                    while let head = try await ranges[index].next(from: store), head.urgency >= level {
                        ranges[index].pop()
                        if seen.insert(head.caseId).inserted { found.append(head.caseId) }
                    }
                }
            }
            for chunk in found.chunked(500) {
                for indexed in try await read(Array(chunk), unreadable: &unreadable) {
                    let s = indexed.summary
                    guard wanted.contains(s.state) else { continue }
                    let diagnosis = CaseDiagnosis.of(
                        caseId: s.caseId, state: s.state, courseEnd: s.courseEnd, lastEventAt: s.lastEventAt,
                        deadlines: indexed.deadlines, at: now, policy: journey.policy, explorer: explorer,
                        idleDays: idleDays)
                    if diagnosis.isStuck { waiting[diagnosis.urgency, default: []].append(diagnosis) }
                }
            }
            for urgency in waiting.keys.filter({ $0 >= floor }).sorted(by: >) {
                for diagnosis in waiting.removeValue(forKey: urgency)!.sorted(by: { $0.caseId < $1.caseId }) {
                    try body(diagnosis)
                    handedOut += 1
                    if handedOut >= limit { return unreadable }
                }
            }
        }
        return unreadable
    }

    /// The chunk's indexed rows; when one does not read, each case is read alone and the damaged ones are left
    /// out and reported (the rare path costs a query per case of that chunk).
    private func read(_ chunk: [String], unreadable: inout [StoreError]) async throws -> [IndexedCase] {
        do {
            return try await store.indexedCases(chunk)
        } catch let error as StoreError where error.code == .corrupt {
            var cases: [IndexedCase] = []
            for id in chunk {
                do {
                    cases += try await store.indexedCases([id])
                } catch let error as StoreError where error.code == .corrupt {
                    unreadable.append(error)
                }
            }
            return cases
        }
    }

    /// Candidates gathered before they are read and diagnosed together.
    static let batch = 256

    /// One range being read: a buffered page, and where the next page starts. Pages start small (a first page
    /// of `stuck` reads little of each range) and grow.
    struct Cursor {
        let range: CandidateRange
        let today: CivilDate
        let threshold: Int
        var buffer: [(urgency: Int, caseId: String)] = []
        var consumed = 0
        var after: CandidateRange.Position?
        var pageSize = 64
        var exhausted = false

        init(_ range: CandidateRange, today: CivilDate, threshold: Int = 0) {
            self.range = range
            self.today = today
            self.threshold = threshold
        }

        var head: (urgency: Int, caseId: String)? { consumed < buffer.count ? buffer[consumed] : nil }

        mutating func pop() { consumed += 1 }

        /// The head, reading the next page when the buffer is spent.
        mutating func next(from store: any CaseStore) async throws -> (urgency: Int, caseId: String)? {
            try await fill(from: store)
            return head
        }

        mutating func fill(from store: any CaseStore) async throws {
            guard head == nil, !exhausted else { return }
            let rows = try await store.candidates(range, after: after, limit: pageSize)
            buffer = rows.map { (urgency($0.since), $0.caseId) }
            consumed = 0
            after = rows.last?.position ?? after
            exhausted = rows.count < pageSize
            pageSize = min(pageSize * 2, 2048)
        }

        /// How long the row's reason has run, as `CaseDiagnosis.urgency` counts it.
        func urgency(_ since: CandidateRange.Since) -> Int {
            switch since {
            case .deadline(let deadline): deadline.dueOn.days(until: today)
            case .courseEnd(let end): end.days(until: today)
            case .lastEvent(let last): last.danishDate.days(until: today) - threshold
            case .unreadable: Int.max
            }
        }
    }
}
