import ForloebCore
import ForloebStore
import Foundation
import Testing

/// Appeals as both back ends store them (CONTRACT.md §6.4): every path of an appeal, the reopened state, the
/// `appeal_reconsideration` and `appeal_ruling` deadlines in final states, `list --open-appeal` and `stats`.
@Suite struct AppealStoreTests {
    typealias Fixture = StoreFixture
    static let now = Instant(rfc3339: "2026-11-23T12:00:00Z")!

    /// One line of the contract's JSON.
    static func line(_ caseId: String, _ n: Int, _ type: String, _ date: String, _ data: String) -> Data {
        Data(
            #"{"messageId": "\#(caseId)-\#(n)", "caseId": "\#(caseId)", "type": "\#(type)", "occurredAt": "\#(date)T10:00:00Z", "actor": "sb-1", "data": \#(data)}"#
                .utf8)
    }

    /// A case brought to a kontanthjælp decision on 2 February 2026 (message 5), then `appeal` lines after it.
    static func decided(_ caseId: String, _ appeal: [(String, String, String)]) -> [Data] {
        var lines = [
            line(caseId, 1, "case.opened", "2025-10-01", #"{"birthDate": "1980-01-01", "municipality": "0260", "origin": "municipality", "incomeBasis": "kontanthjaelp"}"#),
            line(caseId, 2, "target_group.assessed", "2025-10-15", #"{"outcome": "in_target_group", "reason": "r"}"#),
            line(caseId, 3, "team.referred", "2025-11-01", #"{"meetingDate": "2026-01-20", "consideredEfforts": ["mentor"]}"#),
            line(caseId, 4, "team.recommended", "2026-01-20", #"{"recommendation": "kontanthjaelp"}"#),
            line(caseId, 5, "decision.made", "2026-02-02", #"{"outcome": "kontanthjaelp", "notifiedOn": "2026-02-03"}"#),
        ]
        for (n, entry) in appeal.enumerated() { lines.append(line(caseId, 6 + n, entry.0, entry.1, entry.2)) }
        return lines
    }

    static func stream() -> [Data] {
        let lodged = ("appeal.lodged", "2026-02-20", #"{"decision": "%-5", "receivedOn": "2026-02-20"}"#)
        let upheld = ("appeal.reconsidered", "2026-03-10", #"{"outcome": "upheld"}"#)
        func named(_ caseId: String, _ entries: [(String, String, String)]) -> [Data] {
            decided(caseId, entries.map { ($0.0, $0.1, $0.2.replacingOccurrences(of: "%", with: caseId)) })
        }
        return named("A-LODGED", [lodged])
            + named("A-CHANGED", [lodged, ("appeal.reconsidered", "2026-03-10", #"{"outcome": "changed"}"#)])
            + named("A-FORWARDED", [lodged, upheld])
            + named("A-UPHELD", [lodged, upheld, ("appeal.decided", "2026-06-01", #"{"outcome": "upheld"}"#)])
            + named("A-ANNULLED", [lodged, upheld, ("appeal.decided", "2026-06-01", #"{"outcome": "annulled"}"#)])
            + named("A-REMITTED", [lodged, upheld, ("appeal.decided", "2026-06-01", #"{"outcome": "remitted"}"#)])
            // 3 February + 4 weeks = Tuesday 3 March: the 4th is too late.
            + named("A-LATE", [("appeal.lodged", "2026-03-04", #"{"decision": "%-5", "receivedOn": "2026-03-04"}"#)])
    }

    @Test(arguments: StoreBackend.available)
    func everyAppealPathIsStoredAsTheJourneyDecides(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Self.stream()
        let book = Fixture.book(bodies, journey: journey)
        try await backend.withStore { db in
            let store = try await db.open()
            try await Fixture.apply(bodies, to: store, batchSize: 7, journey: journey)
            try await StoreComparison.expectAgreement(store, book)

            func state(_ id: String) async throws -> CaseState? { try await store.caseRecord(id)?.snapshot.state }
            #expect(try await state("A-LODGED") == .kontanthjaelp)
            #expect(try await state("A-CHANGED") == .awaitingDecision)
            #expect(try await state("A-UPHELD") == .kontanthjaelp)
            #expect(try await state("A-ANNULLED") == .awaitingDecision)
            #expect(try await state("A-REMITTED") == .awaitingDecision)
            let late = try #require(try await store.caseRecord("A-LATE")).rejections
            #expect(late.map(\.code) == [.appealOutOfTime])
            #expect(late.first?.event.rejection.rule == .r14)

            // The reconsideration is a deadline of a finished case, and so is the wait for Ankestyrelsen.
            let lodged = try #require(try await store.caseRecord("A-LODGED"))
            #expect(lodged.deadlines == [Deadline(kind: .appealReconsideration, dueOn: CivilDate(iso: "2026-03-20")!)])
            let forwarded = try #require(try await store.caseRecord("A-FORWARDED"))
            #expect(forwarded.deadlines.map(\.kind) == [.appealRuling])

            let open = try await store.cases(matching: CaseFilter(openAppeal: true))
            #expect(open.map(\.caseId) == ["A-FORWARDED", "A-LODGED"])
            let openAndRefused = try await store.cases(matching: CaseFilter(states: [.refused], openAppeal: true))
            #expect(openAndRefused.isEmpty)

            let stats = try await store.statistics(at: Self.now)
            #expect(stats.openAppeals == 2)
            // The reconsideration was due 20 March; the ruling waits 180 days from 10 March, until 6 September.
            #expect(stats.overdueByKind[.appealReconsideration] == 1)
            #expect(stats.overdueByKind[.appealRuling] == 1)
            #expect(stats.overdueAppeals == 2)

            // `stuck` lists both finished cases, on the answer each waits for.
            let stuck = try await StuckCaseFinder(store: store, journey: journey).find(at: Self.now)
            let byId = Dictionary(uniqueKeysWithValues: stuck.map { ($0.caseId, $0) })
            #expect(byId["A-LODGED"]?.wouldMoveOn == [.appealReconsidered])
            #expect(byId["A-FORWARDED"]?.wouldMoveOn == [.appealDecided])
            #expect(byId["A-UPHELD"] == nil)
        }
    }
}
