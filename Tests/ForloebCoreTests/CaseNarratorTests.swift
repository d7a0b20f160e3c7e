import ForloebCore
import ForloebWorkflows
import Foundation
import Testing

/// `explain`'s sentences and `stuck`'s diagnosis, on the shipped sample stream.
@Suite struct CaseNarratorTests {
    static let journey = try! WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey

    static func events(of caseId: String) throws -> [EventEnvelope] {
        let url = URL(fileURLWithPath: WorkflowLoader.sourceTreeDirectory + "/examples/sample-cases.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
            try? EventDecoder.decode(String($0)).get()
        }.filter { $0.caseId == caseId }
    }

    @Test func danishNarrationNamesDecisionsRulesAndAppealDeadlines() throws {
        let sentences = CaseNarrator(journey: Self.journey, language: .da).narrate(try Self.events(of: "K-2026-000101"))
        #expect(sentences.first == "2023-01-10: Sagen blev oprettet (efter borgerens egen anmodning, kommune 0260).")
        let grant = try #require(sentences.first { $0.contains("bevilgede") })
        #expect(grant.contains("24 måneder fra 2023-03-01 til 2025-03-01 efter reglerne fra 2022 (R3)"))
        #expect(grant.contains("påklages til Ankestyrelsen senest 2023-03-20 (R14)"))
        #expect(sentences.last?.contains("afgørelse om fleksjob") == true)
        #expect(sentences.contains { $0.contains("(R6)") })
    }

    @Test func englishNarrationSkipsRejectedEvents() throws {
        let events = try Self.events(of: "K-2026-000104")
        let sentences = CaseNarrator(journey: Self.journey, language: .en).narrate(events)
        // The deviating decision without a renewed referral, and the undocumented førtidspension, were
        // rejected: no sentence claims they happened.
        #expect(sentences.count == events.count - 2)
        #expect(sentences.contains { $0.contains("referred the case to the team again") && $0.contains("(R2)") })
        #expect(sentences.last?.contains("decided on kontanthjaelp under the 2022 rules") == true)
    }

    @Test func diagnosisFindsOverrunOverdueAndIdleAndNothingForFinalCases() throws {
        var book = CaseBook(journey: Self.journey)
        for caseId in ["K-2026-000101", "K-2026-000107"] {
            for event in try Self.events(of: caseId) { book.ingest(event) }
        }
        let explorer = JourneyExplorer(journey: Self.journey)
        let now = Instant(rfc3339: "2026-11-23T12:00:00Z")!
        let finished = CaseDiagnosis.of(try #require(book.cases["K-2026-000101"]), at: now, journey: Self.journey, explorer: explorer)
        #expect(!finished.isStuck)
        let overrun = CaseDiagnosis.of(try #require(book.cases["K-2026-000107"]), at: now, journey: Self.journey, explorer: explorer)
        #expect(overrun.reasons.contains(.overrun(courseEnd: CivilDate(iso: "2024-06-05")!, days: 901)))
        #expect(overrun.reasons.contains { $0.code == "overdue" })
        #expect(overrun.reasons.contains { $0.code == "idle" })
        #expect(overrun.wouldMoveOn.contains(.teamReferred))
        #expect(overrun.wouldMoveOn.contains(.decisionMade))
        let fresh = CaseDiagnosis.of(
            try #require(book.cases["K-2026-000107"]), at: Instant(rfc3339: "2023-06-09T00:00:00Z")!,
            journey: Self.journey, explorer: explorer)
        #expect(!fresh.isStuck)
    }
}
