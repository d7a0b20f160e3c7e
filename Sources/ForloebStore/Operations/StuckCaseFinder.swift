import ForloebCore

/// Finds the cases an operator must look at, from the store's indexes rather than a scan of every case.
///
/// Candidates come from three range scans: open deadlines due by now (the due-time index; in every state, for
/// appeals run on finished cases too), running courses
/// whose end has passed (the course-end index) and, per non-final state, cases whose last accepted event is
/// older than that state's idle threshold (the (state, last event) index). Only the candidates' snapshots are
/// read, and `CaseDiagnosis` (the same pure rules for every back end) decides why each is stuck and which
/// events would move it on. The cost follows the number of stuck cases, not the size of the store.
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

    /// `find`, and the candidates whose stored snapshot does not decode: each of those fails alone, named, so
    /// that one damaged case never hides every other stuck case from the operator.
    public func survey(at now: Instant, idleDays: Int? = nil, states: [CaseState] = [], limit: Int = Int(Int32.max))
        async throws -> (cases: [CaseDiagnosis], unreadable: [StoreError])
    {
        let explorer = explorer(on: now.danishDate)
        // A finished case is stuck only on an appeal the municipality or Ankestyrelsen owes an answer to, which the
        // due-deadline scan finds; the idle and overrun scans are for cases still on their journey.
        let wanted = states.isEmpty ? CaseState.allCases : states
        let open = wanted.filter { !$0.isFinal }
        var candidates: [String] = []
        var seen: Set<String> = []
        func add(_ id: String) {
            if seen.insert(id).inserted { candidates.append(id) }
        }
        for due in try await store.dueDeadlines(dueBy: now, limit: limit) where due.deadline.kind != .courseEnd {
            add(due.caseId)
        }
        // Today in Denmark, as `CaseDiagnosis` counts: between 22:00 and 24:00 UTC it is already tomorrow there.
        let today = now.danishDate
        for summary in try await store.overrunCases(endedBefore: today.adding(days: 1), limit: limit)
        where wanted.contains(summary.state) {
            add(summary.caseId)
        }
        // One range scan per state, with the threshold of that state (or the operator's).
        for state in open {
            guard let threshold = idleDays ?? journey.policy.idleThreshold(state) else { continue }
            let before = today.adding(days: -threshold).danishMidnight
            for summary in try await store.idleCases(states: [state], lastEventBefore: before, limit: limit) {
                add(summary.caseId)
            }
        }
        var found: [CaseDiagnosis] = []
        var unreadable: [StoreError] = []
        var index = 0
        while index < candidates.count {
            let chunk = Array(candidates[index..<min(index + 2000, candidates.count)])
            index += chunk.count
            let snapshots = try await readSnapshots(chunk, unreadable: &unreadable)
            for id in chunk {
                guard let snapshot = snapshots[id], wanted.contains(snapshot.state) else { continue }
                let diagnosis = CaseDiagnosis.of(snapshot, at: now, journey: journey, explorer: explorer, idleDays: idleDays)
                if diagnosis.isStuck { found.append(diagnosis) }
            }
        }
        let cases = found.sorted { ($0.urgency, $1.caseId) > ($1.urgency, $0.caseId) }.prefix(limit).map { $0 }
        return (cases, unreadable)
    }

    /// The chunk's snapshots; when one does not decode, each case is read alone and the damaged ones are left
    /// out and reported (the rare path costs a query per case of that chunk).
    private func readSnapshots(_ chunk: [String], unreadable: inout [StoreError]) async throws -> [String: CitizenCase] {
        do {
            return try await store.snapshots(chunk)
        } catch let error as StoreError where error.code == .corrupt {
            var snapshots: [String: CitizenCase] = [:]
            for id in chunk {
                do {
                    snapshots.merge(try await store.snapshots([id])) { $1 }
                } catch let error as StoreError where error.code == .corrupt {
                    unreadable.append(error)
                }
            }
            return snapshots
        }
    }
}

extension CaseDiagnosis {
    /// The largest number of days any reason has been running: what sorts `forloeb stuck`.
    public var urgency: Int {
        reasons.map { reason in
            switch reason {
            case .overrun(_, let days), .overdue(_, _, let days): days
            case .idle(let days, let threshold): days - threshold
            }
        }.max() ?? 0
    }
}
