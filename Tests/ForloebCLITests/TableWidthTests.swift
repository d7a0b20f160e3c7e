import ForloebTestSupport
import Foundation
import Testing

/// The human output of the read verbs in an 80-column terminal (COLUMNS=80): every line fits, long reasons go
/// under their row, and nothing is lost; piped without COLUMNS each row stays on one line; `--json` is the same
/// whatever the width.
@Suite(.blocking) struct TableWidthTests {
    /// The sample, the README's out-of-order case (a rejection, idle), a dead letter and an audited replay.
    func store() throws -> OperatorStore {
        let store = try OperatorStore()
        #expect(try store.run(["import", OperatorReadCommandTests.sample]).status == 0)
        try store.importLines([
            OperatorStore.event("S-1", "K-2026-000300", "case.opened", "2026-08-01", OperatorStore.opened),
            OperatorStore.event("S-2", "K-2026-000300", "target_group.assessed", "2026-08-05", OperatorStore.assessed),
            OperatorStore.event("S-4", "K-2026-000300", "team.recommended", "2026-09-15", OperatorStore.recommended),
            #"{"messageId":"DL-1","type":"case.opened","data":{}}"#,
        ])
        try store.importLines([
            OperatorStore.event(
                "S-3", "K-2026-000300", "team.referred", "2026-09-01", OperatorStore.referred(meeting: "2026-09-15"))
        ])
        // Rejected again (the team no longer sits at the sample's clock), but audited either way: a long reason.
        let replay = try store.run([
            "rejections", "replay", "S-4", "--operator", "jdoe", "--reason",
            "the referral arrived after the recommendation, which the case system sent first by mistake",
        ])
        #expect(replay.status == 0 || replay.status == 1, "\(replay.stderr)")
        return store
    }

    static let verbs: [[String]] = [
        ["list"], ["stuck"], ["overdue"], ["stats"], ["show", "K-2026-000105"], ["show", "K-2026-000300"],
        ["explain", "K-2026-000105"], ["rejections", "list"], ["dead-letters", "list"], ["audit", "list"],
        ["check", OperatorReadCommandTests.sample],
    ]

    @Test func everyReadVerbFitsAnEightyColumnTerminal() throws {
        let store = try store()
        defer { store.remove() }
        for verb in Self.verbs {
            let result = try ForloebProcess.run(verb, environment: store.environment.merging(["COLUMNS": "80"]) { $1 })
            #expect(result.status == 0, "\(verb): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
            for line in result.stdout.split(separator: "\n") where line.count > 80 {
                Issue.record("\(verb.joined(separator: " ")) at COLUMNS=80 printed \(line.count) characters: \(line)")
            }
        }
    }

    @Test func stuckGroupsTheOverdueDeadlinesUnderTheRow() throws {
        let store = try store()
        defer { store.remove() }
        let narrow = try ForloebProcess.run(["stuck"], environment: store.environment.merging(["COLUMNS": "80"]) { $1 })
        let lines = narrow.stdout.split(separator: "\n").map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("K-2026-000105") })
        let notes = lines[(row + 1)...].prefix { $0.hasPrefix(" ") }
        #expect(notes.contains { $0.contains("course ended 2025-03-01") })
        let overdue = try #require(notes.first { $0.contains("overdue:") })
        #expect(overdue.contains("plan_review 1333 d"))
        // One group, not one sentence per deadline.
        #expect(notes.filter { $0.contains("overdue:") }.count == 1)
        #expect(!narrow.stdout.contains("was due"))

        // Piped without COLUMNS: no wrapping, no colour, each note on one line, whatever its length.
        let piped = try store.run(["stuck"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let pipedLines = piped.stdout.split(separator: "\n")
        let pipedRow = try #require(pipedLines.firstIndex { $0.hasPrefix("K-2026-000105") })
        #expect(pipedLines[pipedRow].contains("decision.made"))
        #expect(pipedLines[pipedRow + 1].contains("course ended 2025-03-01"))
        #expect(pipedLines[pipedRow + 2].contains("overdue:"))
    }

    @Test func theJSONIsTheSameAtAnyWidth() throws {
        let store = try store()
        defer { store.remove() }
        for verb in Self.verbs where verb[0] != "check" {
            let wide = try store.run(verb + ["--json"])
            let narrow = try ForloebProcess.run(
                verb + ["--json"], environment: store.environment.merging(["COLUMNS": "40"]) { $1 })
            #expect(wide.status == 0 && wide.stdout == narrow.stdout, "\(verb)")
        }
    }
}
