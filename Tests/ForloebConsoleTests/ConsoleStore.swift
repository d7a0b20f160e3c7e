import ForloebConsole
import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebTestSupport
import ForloebWorkflows
import Foundation
import Testing

/// A throwaway SQLite store for the console's tests, filled through `forloeb import` as a user would: the
/// shipped sample, the README's out-of-order case (K-2026-000300, stuck with a rejection), a case whose actor
/// tries to inject markup, and a dead letter. The clock is fixed as in the CLI tests.
struct ConsoleStore {
    static let now = "2026-11-23T12:00:00Z"
    static let nowInstant = Instant(rfc3339: now)!
    static let journey = try! WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey

    let folder: URL
    var path: String { folder.appendingPathComponent("store.sqlite").path }
    var environment: [String: String] { ["FORLOEB_STORE": "sqlite:\(path)", "FORLOEB_NOW": Self.now, "NO_COLOR": "1"] }

    static func event(
        _ messageId: String, _ caseId: String, _ type: String, _ at: String, _ data: String, actor: String = "sb-1"
    )
        -> String
    {
        #"{"messageId":"\#(messageId)","caseId":"\#(caseId)","type":"\#(type)","occurredAt":"\#(at)T09:00:00Z","actor":"\#(actor)","data":\#(data)}"#
    }

    static let opened =
        #"{"birthDate":"1980-05-01","municipality":"0260","origin":"municipality","incomeBasis":"kontanthjaelp"}"#

    /// The README's walk-through case: the recommendation arrives before the referral and is rejected.
    static let outOfOrder = [
        event("S-1", "K-2026-000300", "case.opened", "2026-08-01", opened),
        event(
            "S-2", "K-2026-000300", "target_group.assessed", "2026-08-05",
            #"{"outcome":"in_target_group","reason":"complex problems"}"#),
        event(
            "S-4", "K-2026-000300", "team.recommended", "2026-09-15",
            #"{"recommendation":"ressourceforloeb","durationMonths":12}"#),
    ]

    /// Markup where the store holds text: the console must show it as text.
    static let hostile = [
        event("H-1", "K-<b>bold</b>", "case.opened", "2026-11-01", opened, actor: "<script>alert(1)</script>")
    ]

    /// No case id: a dead letter, with markup in its body.
    static let deadLetter = #"{"messageId":"DL-1","type":"case.opened","data":{"note":"<img src=x onerror=alert(1)>"}}"#

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sample = try ForloebExecutable.run(
            ["import", "Workflows/examples/sample-cases.jsonl"], environment: environment)
        #expect(sample.status == 0, "\(sample.stderr)")
        let lines = Self.outOfOrder + Self.hostile + [Self.deadLetter]
        let more = try ForloebExecutable.run(
            ["import", "-"], environment: environment, stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(more.status == 0, "\(more.stderr)")
    }

    /// The console's pages on this store, opened in this process as `forloeb console` opens it.
    func site() throws -> ConsoleSite {
        try ConsoleSite(store: try SQLiteCaseStore(path: path), journey: Self.journey) { Self.nowInstant }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
