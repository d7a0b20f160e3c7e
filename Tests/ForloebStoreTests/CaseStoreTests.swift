import ForloebCore
import ForloebStore
import Foundation
import Testing

/// The shared suite: every test runs against SQLite and (when a server is configured) PostgreSQL.
@Suite struct CaseStoreTests {
    typealias Fixture = StoreFixture

    @Test(arguments: StoreBackend.available)
    func migrationsAreNamedOrderedAndAppliedOnce(_ backend: StoreBackend) async throws {
        try await backend.withStore { db in
            let store = try await db.open(migrate: false)
            #expect(try await store.appliedMigrations() == [])
            let first = try await store.migrate()
            #expect(first.applied == StoreMigration.ordered.map(\.rawValue))
            #expect(first.alreadyApplied == [])
            let second = try await store.migrate()
            #expect(second.applied == [])
            #expect(second.alreadyApplied == StoreMigration.ordered.map(\.rawValue))
            #expect(try await store.appliedMigrations() == StoreMigration.ordered.map(\.rawValue))
            #expect(
                try await store.counts()
                    == StoreCounts(
                        cases: 0, events: 0, processed: 0, rejections: 0, deadlines: 0, outboxPending: 0, outboxSent: 0,
                        deadLetters: 0, auditEntries: 0))
        }
    }

    @Test(arguments: StoreBackend.available)
    func workersMigratingAtOnceApplyEachMigrationOnce(_ backend: StoreBackend) async throws {
        try await backend.withStore { db in
            let a = try await db.open(migrate: false)
            let b = try await db.open(migrate: false)
            async let fromA = a.migrate()
            async let fromB = b.migrate()
            let (reportA, reportB) = try await (fromA, fromB)
            #expect((reportA.applied + reportB.applied).sorted() == StoreMigration.ordered.map(\.rawValue))
            #expect(try await a.appliedMigrations() == StoreMigration.ordered.map(\.rawValue))
        }
    }

    @Test(arguments: StoreBackend.available)
    func theSameMessageTwiceHasTheEffectOfOnce(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.stream(cases: 6)
        try await backend.withStore { db in
            let store = try await db.open()
            let first = try await Fixture.apply(bodies, to: store, batchSize: 10, journey: journey)
            #expect(first.allSatisfy { if case .applied = $0 { true } else { false } })
            let before = try await store.counts()
            let again = try await Fixture.apply(bodies, to: store, batchSize: 7, journey: journey)
            #expect(again.allSatisfy { if case .duplicate = $0 { true } else { false } })
            #expect(try await store.counts() == before)
            #expect(before.events == bodies.count)
            #expect(before.processed == bodies.count)

            // Within one batch too: the second copy is a duplicate of the first.
            let extra = Fixture.event("late-1", caseId: "T-0", type: "case.closed", data: #"{"reason":"withdrawn"}"#)
            let outcomes = try await store.apply(Fixture.messages([extra, extra]), journey: journey, at: Fixture.now)
            #expect(outcomes.count == 2)
            if case .duplicate(let id) = outcomes[1] {
                #expect(id == "late-1")
            } else {
                Issue.record("not a duplicate: \(outcomes[1])")
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func aRejectedMessageTwiceIsRecordedOnce(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        try await backend.withStore { db in
            let store = try await db.open()
            let open = Fixture.event(
                "open-1", caseId: "K-1", type: "case.opened", at: "2024-01-02T09:00:00Z", data: Fixture.openData)
            let extension1 = Fixture.event("ext-1", caseId: "K-1", type: "course.extension_requested", data: "{}")
            let unreadable = Data("{ not json".utf8)
            let outcomes = try await store.apply(
                Fixture.messages([open, extension1, unreadable]), journey: journey, at: Fixture.now)
            guard case .rejected(let rejected) = outcomes[1] else { Issue.record("\(outcomes[1])"); return }
            #expect(rejected.rejection.code == .extensionNotAllowed)
            let again = try await store.apply(
                Fixture.messages([extension1, unreadable]), journey: journey, at: Fixture.now)
            #expect(again.map(\.messageId) == [rejected.messageId, EventDecoder.fallbackMessageId(unreadable)])
            #expect(again.allSatisfy { if case .duplicate = $0 { true } else { false } })
            let counts = try await store.counts()
            #expect(counts.rejections == 2)
            #expect(counts.deadLetters == 1)
            let record = try #require(try await store.caseRecord("K-1"))
            #expect(record.rejections.map(\.messageId) == ["ext-1"])
            #expect(record.rejections.map(\.code) == [.extensionNotAllowed])
            #expect(
                try await store.unattachedRejections(limit: 10).map(\.messageId) == [
                    EventDecoder.fallbackMessageId(unreadable)
                ])
            let letters = try await store.deadLetters(includeResolved: false, limit: 10)
            #expect(letters.map(\.body) == [unreadable])
            #expect(letters.map(\.code) == [.malformed])
        }
    }

    @Test(arguments: StoreBackend.available)
    func aReplayOfARejectedMessageIsANewAuditedAttempt(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        try await backend.withStore { db in
            let store = try await db.open()
            // Closed before its case exists: unknown_case. Replayed after the case is opened, it applies.
            let close = Fixture.event(
                "close-1", caseId: "K-2", type: "case.closed", at: "2024-02-01T09:00:00Z",
                data: #"{"reason":"withdrawn"}"#)
            let open = Fixture.event(
                "open-2", caseId: "K-2", type: "case.opened", at: "2024-01-02T09:00:00Z", data: Fixture.openData)
            _ = try await store.apply(Fixture.messages([close, open]), journey: journey, at: Fixture.now)
            let redelivered = try await store.apply(Fixture.messages([close]), journey: journey, at: Fixture.now)
            #expect(redelivered == [.duplicate(messageId: "close-1")])
            let audit = AuditEntry(
                operatorId: "ops-1", at: Fixture.now, action: "replay", caseId: "K-2", reason: "opened late",
                detail: "close-1")
            let stored = try #require(try await store.rejectedMessage("close-1"))
            #expect(stored.body == close)
            #expect(try await store.rejectedMessage("open-2") == nil)
            let replayed = try await store.apply(
                [InboundMessage(body: stored.body, isReplay: true)], journey: journey, at: Fixture.now,
                options: ApplyOptions(audit: audit))
            guard case .applied(let transition) = replayed.first else { Issue.record("\(replayed)"); return }
            #expect(transition.to == .closed)
            let record = try #require(try await store.caseRecord("K-2"))
            #expect(record.history.map(\.messageId) == ["open-2", "close-1"])
            // Stored with the identity the system vouches for beside the display name.
            var vouched = audit
            vouched.identity = try await store.identity()
            #expect(try await store.auditLog(caseId: "K-2", limit: 10).map(\.entry) == [vouched])
            // Once applied, even a replay is a duplicate.
            let twice = try await store.apply(
                [InboundMessage(body: close, isReplay: true)], journey: journey, at: Fixture.now)
            #expect(twice == [.duplicate(messageId: "close-1")])
        }
    }

    /// A worker behind its queue plans each batch while the one before commits (`plan(_:journey:at:after:)`):
    /// committed in turn, the batches leave what applying them one by one leaves, duplicates included; a batch
    /// planned after one that did not commit is a conflict and writes nothing.
    @Test(arguments: StoreBackend.available)
    func aBatchPlannedAfterAnotherCommitsAsIfAppliedInTurn(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.messyStream(cases: 40)
        let book = Fixture.book(bodies, journey: journey)
        try await backend.withStore { db in
            let store = try await db.open()
            var previous: PlannedBatch?
            var start = 0
            var size = 3
            while start < bodies.count {
                let end = min(start + size, bodies.count)
                // Each batch repeats the last messages of the one before: duplicates only by the earlier plan.
                let batch = Array(bodies[max(0, start - 2)..<end])
                let planned = try await store.plan(
                    Fixture.messages(batch), journey: journey, at: Fixture.now, after: previous)
                // The batch before commits only now, after this one was planned.
                if let previous { _ = try await store.commit(previous) }
                previous = planned
                start = end
                size = size % 29 + 4
            }
            if let previous { _ = try await store.commit(previous) }
            try await StoreComparison.expectAgreement(store, book)

            // Planned after a batch that never commits: its case is not at the revision the plan assumed.
            let open = Fixture.event(
                "ahead-open", caseId: "AHEAD-1", type: "case.opened", at: "2024-01-02T09:00:00Z",
                data: Fixture.openData)
            let close = Fixture.event(
                "ahead-close", caseId: "AHEAD-1", type: "case.closed", at: "2024-02-01T09:00:00Z",
                data: #"{"reason":"withdrawn"}"#)
            let never = try await store.plan(Fixture.messages([open]), journey: journey, at: Fixture.now, after: nil)
            let after = try await store.plan(Fixture.messages([close]), journey: journey, at: Fixture.now, after: never)
            let before = try await store.counts()
            await #expect(throws: StoreError.self) { _ = try await store.commit(after) }
            #expect(try await store.counts() == before)
            #expect(try await store.caseRecord("AHEAD-1") == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func theStoreAgreesWithCaseBookOnAMessyStream(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.messyStream(cases: 40)
        let book = Fixture.book(bodies, journey: journey)
        try await backend.withStore { db in
            let store = try await db.open()
            // Uneven batch sizes, so that cases span batches and batches hold many events of one case.
            var start = 0
            var size = 1
            while start < bodies.count {
                let end = min(start + size, bodies.count)
                _ = try await store.applyRetrying(
                    Fixture.messages(Array(bodies[start..<end])), journey: journey, at: Fixture.now)
                start = end
                size = size % 37 + 5
            }
            try await StoreComparison.expectAgreement(store, book)
        }
    }

    @Test(arguments: StoreBackend.available)
    func twoConcurrentWritersOnOneCaseNeitherLoseNorDouble(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        try await backend.withStore { db in
            let gate = Gate()
            let paused = try await db.open(faults: StoreFaultHooks(afterLoad: { await gate.pass() }))
            let other = try await db.open()
            let open = Fixture.event(
                "open-3", caseId: "K-3", type: "case.opened", at: "2024-01-02T09:00:00Z", data: Fixture.openData)
            _ = try await other.apply(Fixture.messages([open]), journey: journey, at: Fixture.now)

            let assess = Fixture.event(
                "assess-3", caseId: "K-3", type: "target_group.assessed", at: "2024-01-10T09:00:00Z",
                data: #"{"outcome":"in_target_group","reason":"complex"}"#)
            let moved = Fixture.event(
                "move-3", caseId: "K-3", type: "municipality.changed", at: "2024-01-11T09:00:00Z",
                data: #"{"municipality":"0101"}"#)

            // Writer A reads version 1, then waits; writer B commits version 2; A's write is stale.
            async let first: [ApplyOutcome] = paused.apply(
                Fixture.messages([assess]), journey: journey, at: Fixture.now)
            await gate.arrived()
            let second = try await other.apply(Fixture.messages([moved]), journey: journey, at: Fixture.now)
            #expect(second.count == 1)
            await gate.open()
            do {
                _ = try await first
                Issue.record("a write based on a stale version succeeded")
            } catch let error as StoreError {
                #expect(error.code == .conflict)
            }
            // Nothing of A was written; its retry applies on top of B's change.
            #expect(try await other.caseRecord("K-3")?.history.map(\.messageId) == ["open-3", "move-3"])
            let retried = try await paused.applyRetrying(Fixture.messages([assess]), journey: journey, at: Fixture.now)
            guard case .applied(let transition) = retried.first else { Issue.record("\(retried)"); return }
            #expect(transition.after.version == 3)
            let record = try #require(try await other.caseRecord("K-3"))
            #expect(record.history.map(\.messageId) == ["open-3", "move-3", "assess-3"])
            #expect(record.snapshot.state == .preparing)
            #expect(record.snapshot.citizen.municipality == "0101")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aRebuildBetweenAWritersReadAndWriteMakesTheWriteStale(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let changed = try Fixture.changedPolicyJourney()
        // A case awaiting its decision: its decision_due deadline depends on the policy.
        let bodies = Fixture.stream(cases: 1, seed: 2).prefix(4).map { $0 }
        try await backend.withStore { db in
            let gate = Gate()
            let paused = try await db.open(faults: StoreFaultHooks(afterLoad: { await gate.pass() }))
            let rebuilder = try await db.open()
            _ = try await rebuilder.apply(Fixture.messages(bodies), journey: journey, at: Fixture.now)
            let caseId = try #require(Fixture.caseId(of: bodies[0]))
            #expect(try await rebuilder.caseRecord(caseId)?.snapshot.state == .awaitingDecision)
            let moved = Fixture.event(
                "move-r", caseId: caseId, type: "municipality.changed", at: "2022-12-30T09:00:00Z",
                data: #"{"municipality":"0101"}"#)
            async let first: [ApplyOutcome] = paused.apply(Fixture.messages([moved]), journey: journey, at: Fixture.now)
            await gate.arrived()
            let report = try await rebuilder.rebuild(journey: changed, dryRun: false, at: Fixture.now, audit: nil)
            #expect(report.changed.map(\.caseId) == [caseId])
            await gate.open()
            do {
                _ = try await first
                Issue.record("a write read before the rebuild succeeded")
            } catch let error as StoreError {
                #expect(error.code == .conflict)
            }
            // Retried, the event lands on the rebuilt case; the rebuilt deadlines were not overwritten by a
            // snapshot read before the rebuild.
            _ = try await paused.applyRetrying(Fixture.messages([moved]), journey: changed, at: Fixture.now)
            let record = try #require(try await rebuilder.caseRecord(caseId))
            #expect(record.history.count == 5)
            #expect(record.deadlines == changed.deadlines(for: record.snapshot))
        }
    }

    @Test(arguments: StoreBackend.available)
    func twoWritersRacingWithTheSameMessageApplyItOnce(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.stream(cases: 12)
        try await backend.withStore { db in
            let a = try await db.open()
            let b = try await db.open()
            // Both writers get every message (a redelivery to a second worker): each applies once in all.
            async let fromA = Fixture.apply(bodies, to: a, batchSize: 9, journey: journey)
            async let fromB = Fixture.apply(bodies, to: b, batchSize: 13, journey: journey)
            let (outcomesA, outcomesB) = try await (fromA, fromB)
            let appliedA = Set(outcomesA.compactMap { if case .applied(let t) = $0 { t.messageId } else { nil } })
            let appliedB = Set(outcomesB.compactMap { if case .applied(let t) = $0 { t.messageId } else { nil } })
            #expect(appliedA.isDisjoint(with: appliedB))
            #expect(appliedA.count + appliedB.count == bodies.count)
            try await StoreComparison.expectAgreement(a, Fixture.book(bodies, journey: journey))
        }
    }

    @Test(arguments: StoreBackend.available, StoreStep.allCases)
    func aFailureBetweenStepsLeavesNothingHalfWritten(_ backend: StoreBackend, _ step: StoreStep) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.messyStream(cases: 8, seed: 3)
        let head = Array(bodies.prefix(bodies.count / 2))
        let tail = Array(bodies.dropFirst(bodies.count / 2))
        try await backend.withStore { db in
            let healthy = try await db.open()
            _ = try await healthy.apply(Fixture.messages(head), journey: journey, at: Fixture.now)
            let before = try await healthy.counts()
            let snapshotsBefore = try await healthy.cases(matching: CaseFilter())

            let failing = try await db.open(
                faults: StoreFaultHooks(inTransaction: { at in
                    if at == step { throw InjectedFault() }
                }))
            let audit = AuditEntry(operatorId: "ops", at: Fixture.now, action: "import", reason: "backfill")
            await #expect(throws: (any Error).self) {
                _ = try await failing.apply(
                    Fixture.messages(tail), journey: journey, at: Fixture.now, options: ApplyOptions(audit: audit))
            }
            #expect(try await healthy.counts() == before)
            #expect(try await healthy.cases(matching: CaseFilter()) == snapshotsBefore)

            // The same batch applied again, without the fault, lands once, whole.
            _ = try await healthy.apply(
                Fixture.messages(tail), journey: journey, at: Fixture.now, options: ApplyOptions(audit: audit))
            try await StoreComparison.expectAgreement(healthy, Fixture.book(bodies, journey: journey))
            #expect(try await healthy.counts().auditEntries == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func theOutboxKeepsCommitOrderAndMarksSentOnce(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.messyStream(cases: 10, seed: 5)
        let book = Fixture.book(bodies, journey: journey)
        try await backend.withStore { db in
            let store = try await db.open()
            try await Fixture.apply(bodies, to: store, batchSize: 17, journey: journey)
            let pending = try await store.pendingOutbox(limit: 100_000)
            #expect(pending.map(\.id) == pending.map(\.id).sorted())
            #expect(Set(pending.map(\.messageId)).count == pending.count)
            // Per case, state changes in the order of the case's history; one per changing event.
            for caseId in book.caseOrder {
                let expected = (book.history[caseId] ?? []).filter { $0.from != $0.to }.map {
                    "\($0.messageId)/state.changed"
                }
                let got = pending.filter { $0.caseId == caseId && $0.routingKey == "state.changed" }.map(\.messageId)
                #expect(got == expected, "case \(caseId)")
            }
            // One event.rejected per rejected message.
            let rejectedIds = Set(
                book.rejections.values.flatMap { $0 }.map(\.messageId) + book.unattached.map(\.messageId))
            #expect(
                Set(pending.filter { $0.routingKey == "event.rejected" }.map(\.messageId))
                    == Set(rejectedIds.map { "\($0)/event.rejected" }))

            let firstTen = pending.prefix(10).map(\.id)
            try await store.markSent(firstTen, at: Fixture.now)
            try await store.markSent(firstTen, at: Fixture.now.adding(seconds: 60))
            let still = try await store.pendingOutbox(limit: 100_000)
            #expect(still.map(\.id) == Array(pending.dropFirst(10)).map(\.id))
            let counts = try await store.counts()
            #expect(counts.outboxSent == 10)
        }
    }

    @Test(arguments: StoreBackend.available)
    func dueDeadlinesAreTheOpenDeadlinesUpToTheInstant(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.stream(cases: 30, seed: 9, until: "2022-09-30")
        let book = Fixture.book(bodies, journey: journey)
        let all = book.caseOrder.flatMap { id in
            journey.deadlines(for: book.cases[id]!).map { DueDeadline(caseId: id, deadline: $0) }
        }
        try await backend.withStore { db in
            let store = try await db.open()
            try await Fixture.apply(bodies, to: store, batchSize: 50, journey: journey)
            #expect(all.count > 30, "the stream should leave deadlines open")
            #expect(try await store.counts().deadlines == all.count)
            for text in [
                "2022-06-01T00:00:00Z", "2024-01-01T00:00:00Z", "2025-03-01T00:00:00Z", "2026-01-01T00:00:00Z",
                "2030-01-01T00:00:00Z",
            ] {
                let t = Instant(rfc3339: text)!
                let expected = all.filter { $0.deadline.dueAt <= t }
                let got = try await store.dueDeadlines(dueBy: t, limit: 100_000)
                #expect(Set(got) == Set(expected), "due by \(text)")
                #expect(got.map(\.deadline.dueAt) == got.map(\.deadline.dueAt).sorted())
                #expect(try await store.dueDeadlines(dueBy: t, limit: 3).count == min(3, expected.count))
            }
            // The scheduler's notices: each (case, kind, due date, notice) is recorded and queued once.
            let dueTimes = all.map(\.deadline.dueAt).sorted()
            let t = try #require(dueTimes.isEmpty ? nil : dueTimes[dueTimes.count / 2])
            let due = try await store.unnotifiedDeadlines(dueBy: t, notice: .overdue, limit: 100_000)
            #expect(!due.isEmpty)
            let notices = due.map {
                CaseNotification.deadlineOverdue(
                    DeadlineNotice(caseId: $0.caseId, kind: $0.deadline.kind, dueAt: $0.deadline.dueAt))
            }
            #expect(try await store.recordNotices(notices, at: Fixture.now).count == notices.count)
            #expect(try await store.recordNotices(notices, at: Fixture.now).isEmpty)
            #expect(try await store.unnotifiedDeadlines(dueBy: t, notice: .overdue, limit: 100_000).isEmpty)
            #expect(try await store.unnotifiedDeadlines(dueBy: t, notice: .reminder, limit: 100_000).count == due.count)
            let queued = try await store.pendingOutbox(limit: 1_000_000).filter { $0.routingKey == "deadline.overdue" }
            #expect(queued.count == notices.count)
        }
    }

    @Test(arguments: StoreBackend.available)
    func listsAndIdleCasesFollowTheIndexedColumns(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.stream(cases: 25, seed: 4, until: "2024-06-30")
        let book = Fixture.book(bodies, journey: journey)
        try await backend.withStore { db in
            let store = try await db.open()
            try await Fixture.apply(bodies, to: store, batchSize: 40, journey: journey)
            for state in CaseState.allCases {
                let expected = book.caseOrder.filter { book.cases[$0]!.state == state }.sorted()
                #expect(
                    try await store.cases(matching: CaseFilter(states: [state])).map(\.caseId) == expected, "\(state)")
            }
            let all = try await store.cases(matching: CaseFilter())
            #expect(all.map(\.caseId) == book.caseOrder.sorted())
            #expect(all == book.caseOrder.sorted().map { CaseSummary(book.cases[$0]!) })
            // Keyset paging gives the same list.
            var paged: [String] = []
            var after: String?
            while true {
                let page = try await store.cases(matching: CaseFilter(after: after, limit: 7)).map(\.caseId)
                guard let last = page.last else { break }
                paged += page
                after = last
            }
            #expect(paged == all.map(\.caseId))
            if let caseworker = all.compactMap(\.caseworker).first {
                #expect(
                    try await store.cases(matching: CaseFilter(caseworker: caseworker)).map(\.caseId)
                        == all.filter { $0.caseworker == caseworker }.map(\.caseId))
            }
            let cutoff = Instant(rfc3339: "2024-03-01T00:00:00Z")!
            // The idle range read in pages of three, each starting after the last: every idle case once, stalest
            // first.
            var idle: [CandidateRange.Row] = []
            while true {
                let page = try await store.candidates(
                    .idle(.active, lastEventBefore: cutoff), after: idle.last?.position, limit: 3)
                idle += page
                if page.count < 3 { break }
            }
            let expectedIdle = book.caseOrder.compactMap { book.cases[$0] }.filter {
                $0.state == .active && $0.lastEventAt < cutoff
            }
            #expect(!expectedIdle.isEmpty, "the stream should have idle active cases")
            #expect(idle.map(\.caseId).sorted() == expectedIdle.map(\.caseId).sorted())
            let since = idle.map { row -> Instant in
                if case .lastEvent(let at) = row.since { return at } else { return Instant(secondsSinceEpoch: 0) }
            }
            #expect(since == since.sorted())
        }
    }

    @Test(arguments: StoreBackend.available)
    func rebuildEqualsLiveStateAndWritesOnlyWhatChanged(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let halsnaes = try Fixture.changedPolicyJourney()
        let bodies = Fixture.messyStream(cases: 20, seed: 13, until: "2023-06-30")
        try await backend.withStore { db in
            let store = try await db.open()
            try await Fixture.apply(bodies, to: store, batchSize: 25, journey: journey)
            let book = Fixture.book(bodies, journey: journey)
            let same = try await store.rebuild(journey: journey, dryRun: false, at: Fixture.now, audit: nil)
            #expect(same.casesExamined == book.cases.count)
            #expect(same.changed.isEmpty)
            #expect(same.unreplayable.isEmpty)

            // Another policy: a dry run reports, writes nothing; the real run writes; a second run finds nothing.
            let countsBefore = try await store.counts()
            let dry = try await store.rebuild(journey: halsnaes, dryRun: true, at: Fixture.now, audit: nil)
            let rebuiltBook = Fixture.book(bodies, journey: halsnaes)
            let expectedChanged = book.caseOrder.filter {
                book.cases[$0] != rebuiltBook.cases[$0]
                    || journey.deadlines(for: book.cases[$0]!) != halsnaes.deadlines(for: rebuiltBook.cases[$0]!)
            }
            #expect(!expectedChanged.isEmpty, "the stream should have cases the policy change affects")
            #expect(dry.changed.map(\.caseId) == expectedChanged.sorted())
            try await StoreComparison.expectAgreement(store, book)
            let audit = AuditEntry(operatorId: "ops", at: Fixture.now, action: "rebuild", reason: "policy change")
            let real = try await store.rebuild(journey: halsnaes, dryRun: false, at: Fixture.now, audit: audit)
            #expect(real.changed == dry.changed)
            try await StoreComparison.expectAgreement(store, rebuiltBook)
            let again = try await store.rebuild(journey: halsnaes, dryRun: false, at: Fixture.now, audit: nil)
            #expect(again.changed.isEmpty)
            let countsAfter = try await store.counts()
            #expect(countsAfter.events == countsBefore.events)
            #expect(countsAfter.auditEntries == countsBefore.auditEntries + 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func theAuditLogIsAHashChainWrittenWithItsEffect(_ backend: StoreBackend) async throws {
        try await backend.withStore { db in
            let store = try await db.open()
            #expect(try await store.verifyAudit() == AuditVerification(records: 0, firstBroken: nil))
            var records: [AuditRecord] = []
            for index in 1...3 {
                records.append(
                    try await store.appendAudit(
                        AuditEntry(
                            operatorId: "ops-\(index)", at: Fixture.now, action: "note",
                            caseId: index == 2 ? "K-9" : nil,
                            reason: "reason \(index)", detail: "{\"n\":\(index)}")))
            }
            #expect(records.map(\.sequence) == [1, 2, 3])
            #expect(records[0].prevHash == AuditChain.genesis)
            #expect(records[1].prevHash == records[0].hash)
            #expect(try await store.auditLog(caseId: nil, limit: 10) == records)
            #expect(try await store.auditLog(caseId: "K-9", limit: 10) == [records[1]])
            #expect(try await store.verifyAudit().isIntact)

            // Dropping a dead letter is audited in the same transaction; settling it twice is refused.
            let journey = try Fixture.journey()
            _ = try await store.apply(Fixture.messages([Data("garbage".utf8)]), journey: journey, at: Fixture.now)
            let letter = try #require(try await store.deadLetters(includeResolved: false, limit: 10).first)
            let drop = AuditEntry(operatorId: "ops-1", at: Fixture.now, action: "dead-letter.drop", reason: "test junk")
            #expect(try await store.resolveDeadLetter(letter.id, as: .dropped, at: Fixture.now, audit: drop))
            #expect(try await !store.resolveDeadLetter(letter.id, as: .dropped, at: Fixture.now, audit: drop))
            #expect(try await store.deadLetters(includeResolved: false, limit: 10).isEmpty)
            #expect(try await store.deadLetters(includeResolved: true, limit: 10).first?.resolution == .dropped)
            #expect(try await store.auditLog(caseId: nil, limit: 10).count == 4)
            #expect(try await store.verifyAudit() == AuditVerification(records: 4, firstBroken: nil))
        }
    }

    /// Issue 17: a message the worker gave up retrying is a `retry_exhausted` dead letter in the store too, listed
    /// and replayed like any other, and recorded once however often the worker is interrupted before the ack.
    @Test(arguments: StoreBackend.available)
    func retryExhaustedDeadLettersAreRecordedOnceListedAndReplayed(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        try await backend.withStore { db in
            let store = try await db.open()
            let body = Fixture.event(
                "open-R", caseId: "K-R", type: "case.opened", at: "2024-01-02T09:00:00Z", data: Fixture.openData)
            let entry = DeadLetterEntry(
                messageId: "open-R", body: body, code: .retryExhausted, detail: "the store failed on every retry")
            #expect(try await store.recordDeadLetters([entry], at: Fixture.now) == 1)
            #expect(try await store.recordDeadLetters([entry], at: Fixture.now) == 0, "a redelivery records it once")
            let letters = try await store.deadLetters(includeResolved: false, limit: 10)
            #expect(letters.map(\.code) == [.retryExhausted])
            #expect(letters.map(\.code.rawValue) == ["retry_exhausted"])
            #expect(letters.map(\.messageId) == ["open-R"])
            #expect(letters.map(\.body) == [body])
            #expect(letters.map(\.detail) == ["the store failed on every retry"])
            #expect(letters.map(\.receivedAt) == [Fixture.now])
            #expect(try await store.statistics(at: Fixture.now).openDeadLetters == 1)

            // Replayed as `forloeb dead-letters replay` does: applied, settled and audited in one transaction.
            let letter = try #require(letters.first)
            let audit = AuditEntry(
                operatorId: "ops-1", at: Fixture.now, action: "dead-letter.replay", caseId: "K-R", reason: "store back")
            let outcomes = try await store.apply(
                [InboundMessage(body: letter.body, isReplay: true)], journey: journey, at: Fixture.now,
                options: ApplyOptions(audit: audit, resolvesDeadLetter: letter.id))
            #expect(outcomes.map { if case .applied = $0 { true } else { false } } == [true])
            #expect(try await store.deadLetters(includeResolved: false, limit: 10).isEmpty)
            #expect(try await store.deadLetters(includeResolved: true, limit: 10).map(\.resolution) == [.replayed])
            #expect(try await store.caseRecord("K-R")?.history.map(\.messageId) == ["open-R"])
            // Once settled, the same message exhausting its retries again is a new dead letter.
            #expect(try await store.recordDeadLetters([entry], at: Fixture.now) == 1)
        }
    }
}
