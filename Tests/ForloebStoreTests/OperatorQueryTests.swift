import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation
import Testing

/// The store queries behind the operator's verbs, on every back end, over the shipped sample stream
/// (Workflows/examples/sample-cases.jsonl: three running cases, two of them overrun, two cases across the 2026
/// reform, and one rejection of every kind).
@Suite struct OperatorQueryTests {
    typealias Fixture = StoreFixture

    static let now = Instant(rfc3339: "2026-11-23T12:00:00Z")!

    static func sample() throws -> [Data] {
        let path = WorkflowLoader.sourceTreeDirectory + "/examples/sample-cases.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.isEmpty }.map { Data($0.utf8) }
    }

    /// A store holding the sample, applied at `now`.
    static func withSample(_ backend: StoreBackend, _ body: (any CaseStore, Journey) async throws -> Void) async throws {
        try await withSample(backend) { store, journey, _ in try await body(store, journey) }
    }

    static func withSample(
        _ backend: StoreBackend, _ body: (any CaseStore, Journey, TestDatabase) async throws -> Void
    ) async throws {
        let journey = try Fixture.journey()
        let bodies = try sample()
        try await backend.withStore { db in
            let store = try await db.open()
            var start = 0
            while start < bodies.count {
                let end = min(start + 10, bodies.count)
                _ = try await store.applyRetrying(Fixture.messages(Array(bodies[start..<end])), journey: journey, at: now)
                start = end
            }
            try await body(store, journey, db)
        }
    }

    @Test(arguments: StoreBackend.available)
    func overrunCasesAreRunningCoursesPastTheirEnd(_ backend: StoreBackend) async throws {
        try await Self.withSample(backend) { (store: any CaseStore, _: Journey) async throws in
            let today = Self.now.date
            let running = CaseState.allCases.filter(\.hasRunningCourse)
            func overrun(_ before: CivilDate, after: CandidateRange.Position? = nil, limit: Int = 10) async throws
                -> [CandidateRange.Row]
            {
                try await store.candidates(.overrun(endedBefore: before, states: running), after: after, limit: limit)
            }
            #expect(try await overrun(today.adding(days: 1)).map(\.caseId) == ["K-2026-000107", "K-2026-000105"])
            #expect(try await overrun(CivilDate(iso: "2025-01-01")!).map(\.caseId) == ["K-2026-000107"])
            // A page of one, then the page after it: the keyset picks up where the first stopped.
            let first = try await overrun(today.adding(days: 1), limit: 1)
            #expect(first.map(\.caseId) == ["K-2026-000107"])
            #expect(try await overrun(today.adding(days: 1), after: first[0].position).map(\.caseId) == ["K-2026-000105"])
            // K-2026-000106's course ends 2027-03-15: not overrun yet, but it is on the day after.
            #expect(try await overrun(CivilDate(iso: "2027-03-16")!).map(\.caseId).contains("K-2026-000106"))
        }
    }

    @Test(arguments: StoreBackend.available)
    func rejectionsAreFilteredNewestFirstAndKeepTheirBody(_ backend: StoreBackend) async throws {
        let bodies = try Self.sample()
        try await Self.withSample(backend) { (store: any CaseStore, _: Journey) async throws in
            let all = try await store.rejections(matching: RejectionFilter())
            #expect(all.count == 20)
            #expect(all.first?.messageId == "broken-1")  // the last rejection of the stream
            let onCase = try await store.rejections(matching: RejectionFilter(caseId: "K-2026-000105"))
            #expect(onCase.map(\.messageId) == ["K-2026-000105-043", "K-2026-000105-042", "K-2026-000105-038"])
            let byCode = try await store.rejections(matching: RejectionFilter(code: .invalidTransition))
            #expect(byCode.map(\.messageId) == ["K-2026-000107-064"])
            #expect(try await store.rejections(matching: RejectionFilter(since: Self.now.adding(seconds: 1))).isEmpty)
            #expect(try await store.rejections(matching: RejectionFilter(limit: 2)).count == 2)

            let rejected = try #require(try await store.rejectedMessage("K-2026-000105-042"))
            #expect(rejected.rejection.code == .durationOutOfRange)
            #expect(rejected.rejection.attempt == 1)
            let original = bodies.first { String(decoding: $0, as: UTF8.self).contains("\"K-2026-000105-042\"") }
            #expect(rejected.body == original)
            #expect(try await store.rejectedMessage("K-2026-000105-035") == nil)  // accepted, not rejected
        }
    }

    @Test(arguments: StoreBackend.available)
    func sentNotificationsAreQueuedAgainWithTheirIdsAndAudited(_ backend: StoreBackend) async throws {
        try await Self.withSample(backend) { (store: any CaseStore, _: Journey) async throws in
            let rows = try await store.outbox(caseId: "K-2026-000106")
            #expect(!rows.isEmpty)
            #expect(rows.map(\.id) == rows.map(\.id).sorted())
            let all = try await store.pendingOutbox(limit: 10_000)
            try await store.markSent(all.map(\.id), at: Self.now)
            #expect(try await store.pendingOutbox(limit: 10).isEmpty)

            let pick = Array(rows.prefix(2))
            let audit = AuditEntry(operatorId: "op-1", at: Self.now, action: "resend", caseId: "K-2026-000106", reason: "lost")
            #expect(try await store.requeueOutbox(pick.map(\.id), audit: audit) == 2)
            let pending = try await store.pendingOutbox(limit: 10)
            #expect(pending.map(\.messageId) == pick.map(\.messageId))
            #expect(try await store.requeueOutbox(pick.map(\.id), audit: audit) == 0)  // already pending
            let log = try await store.auditLog(caseId: "K-2026-000106", limit: 10)
            #expect(log.map(\.entry.action) == ["resend", "resend"])
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test(arguments: StoreBackend.available)
    func statisticsGroupWhatTheOtherQueriesList(_ backend: StoreBackend) async throws {
        try await Self.withSample(backend) { (store: any CaseStore, _: Journey) async throws in
            let stats = try await store.statistics(at: Self.now.adding(seconds: 3600))
            #expect(stats.casesByState == [.active: 4, .refused: 1, .fleksjob: 2, .foertidspension: 1, .kontanthjaelp: 3])
            // K-2026-000111's kontanthjælp decision is under appeal, its reconsideration overdue since 12 October.
            #expect(stats.openAppeals == 1)
            #expect(stats.overdueAppeals == 1)
            var due: [DeadlineKind: Int] = [:]
            for d in try await store.dueDeadlines(dueBy: Self.now.adding(seconds: 3600), limit: 1000) { due[d.deadline.kind, default: 0] += 1 }
            #expect(stats.overdueByKind == due)
            #expect(stats.rejectionsLastDay.values.reduce(0, +) == 20)
            #expect(stats.rejectionsLastDay[.invalidTransition] == 1)
            #expect(stats.rejectionsLastWeek == stats.rejectionsLastDay)
            let counts = try await store.counts()
            #expect(stats.outboxPending == counts.outboxPending)
            #expect(stats.oldestPendingAt == Self.now)
            #expect(stats.openDeadLetters == 1)

            let later = try await store.statistics(at: Self.now.adding(seconds: 2 * 86_400))
            #expect(later.rejectionsLastDay.isEmpty)
            #expect(later.rejectionsLastWeek.values.reduce(0, +) == 20)
        }
    }

    @Test(arguments: StoreBackend.available)
    func snapshotsAndEventBodiesComeFromTheLog(_ backend: StoreBackend) async throws {
        try await Self.withSample(backend) { (store: any CaseStore, _: Journey) async throws in
            let snapshots = try await store.snapshots(["K-2026-000105", "K-NOPE"])
            #expect(Array(snapshots.keys) == ["K-2026-000105"])
            #expect(snapshots["K-2026-000105"]?.state == .active)
            let record = try #require(try await store.caseRecord("K-2026-000105"))
            let bodies = try await store.eventBodies("K-2026-000105")
            let ids = bodies.compactMap { try? EventDecoder.decode($0).get().messageId }
            #expect(ids == record.history.map(\.messageId))
            #expect(try await store.eventBodies("K-NOPE").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.available)
    func stuckCasesComeFromTheIndexesAndAreDiagnosed(_ backend: StoreBackend) async throws {
        try await Self.withSample(backend) { (store: any CaseStore, journey: Journey) async throws in
            let finder = StuckCaseFinder(store: store, journey: journey)
            let found = try await finder.find(at: Self.now)
            #expect(
                Set(found.map(\.caseId)) == [
                    "K-2026-000105", "K-2026-000106", "K-2026-000107", "K-2026-000110", "K-2026-000111",
                ])
            let overrun = found.filter { $0.reasons.contains { $0.code == "overrun" } }.map(\.caseId)
            #expect(Set(overrun) == ["K-2026-000105", "K-2026-000107"])
            #expect(found.filter { !$0.state.isFinal }.allSatisfy { $0.wouldMoveOn.contains(.decisionMade) })
            // A finished case is stuck on the appeal the municipality has not reconsidered.
            let appealed = try #require(found.first { $0.caseId == "K-2026-000111" })
            #expect(appealed.reasons == [.overdue(kind: .appealReconsideration, dueOn: CivilDate(iso: "2026-10-12")!, days: 42)])
            #expect(appealed.wouldMoveOn == [.appealReconsidered])
            #expect(try await finder.find(at: Self.now, states: [.awaitingDecision]).isEmpty)
            // Before anything fell due and with a generous idle threshold, nothing is stuck.
            #expect(try await finder.find(at: Instant(rfc3339: "2023-01-01T00:00:00Z")!, idleDays: 10_000).isEmpty)
        }
    }

    /// Issue 17, defect 3: one damaged case must fail only itself, not `stuck` for all. `stuck` reads no snapshot
    /// (issue 15), so a damaged snapshot does not even hide its case; a damaged indexed column is reported.
    @Test(arguments: StoreBackend.available)
    func aDamagedCaseFailsOnlyItself(_ backend: StoreBackend) async throws {
        try await Self.withSample(backend) { (store: any CaseStore, journey: Journey, db: TestDatabase) async throws in
            let expected: Set = ["K-2026-000105", "K-2026-000107", "K-2026-000110", "K-2026-000111"]
            try await db.execute(#"UPDATE cases SET snapshot = '{"damaged": true}' WHERE case_id = 'K-2026-000106'"#)
            let undamaged = try await StuckCaseFinder(store: store, journey: journey).survey(at: Self.now)
            #expect(Set(undamaged.cases.map(\.caseId)) == expected.union(["K-2026-000106"]))
            #expect(undamaged.unreadable.isEmpty)
            // The damaged snapshot still fails loudly where it is read.
            await #expect(throws: StoreError.self) { try await store.snapshots(["K-2026-000106"]) }

            // A course end that is no date, inside the overrun range's order.
            try await db.execute("UPDATE cases SET course_end = '2026-13-45' WHERE case_id = 'K-2026-000106'")
            let survey = try await StuckCaseFinder(store: store, journey: journey).survey(at: Self.now)
            #expect(Set(survey.cases.map(\.caseId)) == expected)
            #expect(survey.unreadable.map(\.code) == [.corrupt])
            #expect(survey.unreadable.first?.message.contains("K-2026-000106") == true)
        }
    }
}
