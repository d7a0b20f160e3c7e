import ForloebTestSupport
import Foundation
import Testing

/// The operator's user story of issue 5, end to end through the binary: the sample runs, an event is sent
/// out of order, `stuck` finds the case, `show` and `explain` make it understood, `rejections replay` mends
/// it once the missing event has arrived, and `audit list` shows who did it and why.
@Suite(.blocking) struct OperatorStoryTests {
    @Test func anEventOutOfOrderIsFoundUnderstoodMendedAndAudited() throws {
        let store = try OperatorStore()
        defer { store.remove() }
        #expect(try store.run(["import", "Workflows/examples/sample-cases.jsonl"]).status == 0)

        // The case system sends the team's recommendation before the referral it answers.
        try store.importLines([
            OperatorStore.event("STORY-1", "K-2026-000300", "case.opened", "2025-08-01", OperatorStore.opened),
            OperatorStore.event("STORY-2", "K-2026-000300", "target_group.assessed", "2025-08-05", OperatorStore.assessed),
            OperatorStore.event("STORY-4", "K-2026-000300", "team.recommended", "2025-09-15", OperatorStore.recommended),
        ])

        // Found: idle in `preparing` for longer than the policy's 60 days. What moves it on is today's law:
        // with the team gone since 2026-07-01, the municipality decides without it (a late event dated while
        // the team sat is still judged by its own date, as the replay below shows).
        let stuck = try #require(try store.json(["stuck"])["cases"] as? [[String: Any]])
        let story = try #require(stuck.first { $0["caseId"] as? String == "K-2026-000300" })
        #expect((story["reasons"] as? [[String: Any]])?.first?["code"] as? String == "idle")
        #expect((story["wouldMoveOn"] as? [String])?.contains("decision.made") == true)
        #expect((story["wouldMoveOn"] as? [String])?.contains("team.referred") == false)

        // Understood: the rejection says what did not fit, and the history where the case stands.
        let shown = try store.json(["show", "K-2026-000300"])
        #expect(shown["state"] as? String == "preparing")
        let rejection = try #require((shown["rejections"] as? [[String: Any]])?.first)
        #expect(rejection["messageId"] as? String == "STORY-4")
        #expect(rejection["code"] as? String == "invalid_transition")
        let told = try #require(try store.json(["explain", "K-2026-000300"])["sentences"] as? [String])
        #expect(told.count == 2)
        #expect(told[1].contains("målgruppen"))

        // The missing referral arrives; the operator replays the recommendation.
        try store.importLines([
            OperatorStore.event(
                "STORY-3", "K-2026-000300", "team.referred", "2025-09-01", OperatorStore.referred(meeting: "2025-09-15"))
        ])
        let replay = try store.run(
            ["rejections", "replay", "STORY-4", "--operator", "op-7", "--reason", "the referral arrived late", "--json"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any])
        #expect(result["outcome"] as? String == "applied")
        #expect(result["to"] as? String == "awaiting_decision")

        let after = try store.json(["show", "K-2026-000300"])
        #expect(after["state"] as? String == "awaiting_decision")
        #expect((after["history"] as? [[String: Any]])?.last?["messageId"] as? String == "STORY-4")

        // Seen: the audit log names the operator, the reason and the original message.
        let entries = try #require(try store.json(["audit", "list", "--case", "K-2026-000300"])["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["action"] as? String == "rejection.replay")
        #expect(entries[0]["operator"] as? String == "op-7")
        #expect(entries[0]["reason"] as? String == "the referral arrived late")
        #expect((entries[0]["detail"] as? String)?.contains("\"replayOf\":\"STORY-4\"") == true)
        let listed = try store.run(["audit", "list"])
        #expect(listed.stdout.contains("rejection.replay"))
        #expect(try store.json(["audit", "verify"])["intact"] as? Bool == true)
    }
}
