import ForloebTestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The mending verbs: each needs an operator and a reason, goes through the worker's apply path (so the law
/// is enforced as on delivery) and is audited in the same transaction as its effect.
@Suite(.blocking) struct OperatorMendingCommandTests {
    static let sample = "Workflows/examples/sample-cases.jsonl"
    static let who = ["--operator", "op-7", "--reason", "test"]

    func sampleStore() throws -> OperatorStore {
        let store = try OperatorStore()
        let result = try store.run(["import", Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    func audit(_ store: OperatorStore, caseId: String? = nil) throws -> [[String: Any]] {
        try #require(try store.json(["audit", "list"] + (caseId.map { ["--case", $0] } ?? []))["entries"] as? [[String: Any]])
    }

    @Test func mendingVerbsRefuseToRunWithoutReason() throws {
        let store = try sampleStore()
        defer { store.remove() }
        #expect(try store.run(["rejections", "replay", "K-2026-000105-042", "--operator", "op-7"]).status == 2)
        #expect(try store.run(["dead-letters", "drop", "1", "--operator", "op-7"]).status == 2)
        #expect(try store.run(["resend", "K-2026-000106"]).status == 2)
        #expect(try audit(store).map { $0["action"] as? String } == ["import"])  // nothing else happened
    }

    /// Who acted is the operating-system user, read from the system; `--operator` is only a display name beside
    /// it, and `$USER` changes nothing.
    @Test func theAuditRecordsTheSystemUserBesideTheDisplayName() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let user = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        var environment = store.environment
        environment["USER"] = "not-\(user)"
        let drop = try ForloebProcess.run(
            ["dead-letters", "drop", "1", "--operator", "Jane Doe", "--reason", "vendor test"], environment: environment)
        #expect(drop.status == 0, "\(drop.stderr)")
        let entries = try audit(store)
        #expect(entries.map { $0["identity"] as? String } == [user, user])
        #expect(entries.map { $0["operator"] as? String } == [nil, "Jane Doe"])
        let table = try store.run(["audit", "list"])
        #expect(table.stdout.contains("IDENTITY") && table.stdout.contains("Jane Doe"))
        #expect(try store.run(["audit", "verify"]).status == 0)
    }

    @Test func aDeadLetterReplayedWithACorrectedBodyReachesItsCase() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let letters = try #require(try store.json(["dead-letters", "list"])["deadLetters"] as? [[String: Any]])
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(letter["messageId"] as? String == "broken-1")
        #expect(letter["code"] as? String == "malformed")
        let id = String(try #require(letter["id"] as? Int))
        let shown = try store.json(["dead-letters", "show", id])
        #expect((shown["body"] as? String)?.contains("broken-1") == true)

        let fixed = store.folder.appendingPathComponent("fixed.json")
        try Data(
            OperatorStore.event("broken-1", "K-2026-000199", "case.opened", "2024-01-01", OperatorStore.opened).utf8
        ).write(to: fixed)
        let replay = try store.run(["dead-letters", "replay", id, "--body", fixed.path, "--json"] + Self.who)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("\"outcome\" : \"applied\""))
        #expect(try store.json(["show", "K-2026-000199"])["state"] as? String == "requested")
        #expect(try #require(try store.json(["dead-letters", "list"])["deadLetters"] as? [[String: Any]]).isEmpty)
        let settled = try #require(try store.json(["dead-letters", "list", "--all"])["deadLetters"] as? [[String: Any]])
        #expect(settled.first?["resolution"] as? String == "replayed")
        let entry = try #require(try audit(store, caseId: "K-2026-000199").first)
        #expect(entry["action"] as? String == "dead-letter.replay")
        #expect(entry["operator"] as? String == "op-7")
        #expect((entry["detail"] as? String)?.contains("\"replayOf\":\"broken-1\"") == true)
        #expect(try store.run(["dead-letters", "replay", id] + Self.who).status == 1)  // already settled
    }

    @Test func aDroppedDeadLetterIsSettledOnceAndAudited() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let drop = try store.run(["dead-letters", "drop", "1"] + Self.who)
        #expect(drop.status == 0, "\(drop.stderr)")
        #expect(try store.run(["dead-letters", "drop", "1"] + Self.who).status == 1)
        #expect(try store.run(["dead-letters", "drop", "99"] + Self.who).status == 1)
        #expect(try audit(store).compactMap { $0["action"] as? String } == ["import", "dead-letter.drop"])
    }

    @Test func aReplayTheLawStillForbidsIsRejectedAgainAsANewAuditedAttempt() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let replay = try store.run(["rejections", "replay", "K-2026-000105-042"] + Self.who)
        #expect(replay.status == 1)
        // Judged in the case's state today (a course is running): a new course needs the team first (R6).
        #expect(replay.stdout.contains("rejected again: K-2026-000105-042: team_recommendation_required (R6)"))
        let onCase = try #require(try store.json(["rejections", "list", "--case", "K-2026-000105"])["rejections"] as? [[String: Any]])
        let attempts = onCase.filter { $0["messageId"] as? String == "K-2026-000105-042" }
        #expect(attempts.compactMap { $0["attempt"] as? Int } == [2, 1])
        #expect(attempts.compactMap { $0["code"] as? String } == ["team_recommendation_required", "duration_out_of_range"])
        #expect(try audit(store, caseId: "K-2026-000105").compactMap { $0["action"] as? String } == ["rejection.replay"])
        #expect(try store.json(["show", "K-2026-000105"])["version"] as? Int == 14)  // nothing applied
        #expect(try store.run(["rejections", "replay", "K-NOPE-1"] + Self.who).status == 1)
    }

    @Test func resendQueuesSentNotificationsAgainWithTheSameIds() throws {
        let store = try sampleStore()
        defer { store.remove() }
        // The relay confirmed everything (done here behind forloeb's back, as no broker runs in this test).
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { try $0.execute(sql: "UPDATE outbox SET sent_at = 1") }
        try queue.close()
        #expect(try #require(try store.json(["show", "K-2026-000106"])["pendingOutbox"] as? [[String: Any]]).isEmpty)

        let resend = try store.run(["resend", "K-2026-000106", "--kind", "state.changed"] + Self.who)
        #expect(resend.status == 0, "\(resend.stderr)")
        let pending = try #require(try store.json(["show", "K-2026-000106"])["pendingOutbox"] as? [[String: Any]])
        #expect(!pending.isEmpty)
        #expect(pending.allSatisfy { $0["routingKey"] as? String == "state.changed" })
        #expect(pending.allSatisfy { ($0["messageId"] as? String)?.hasPrefix("K-2026-000106-") == true })
        #expect(try audit(store, caseId: "K-2026-000106").compactMap { $0["action"] as? String } == ["resend"])
        #expect(try store.run(["resend", "K-2026-000106", "--kind", "internship_end"] + Self.who).status == 1)
        #expect(try store.run(["resend", "K-NOPE"] + Self.who).status == 1)
        #expect(try store.run(["resend", "K-2026-000106", "--kind", "lunch"] + Self.who).status == 2)
    }

    @Test func auditVerifyFindsTheFirstEditedEntry() throws {
        let store = try sampleStore()
        defer { store.remove() }
        #expect(try store.run(["dead-letters", "drop", "1"] + Self.who).status == 0)
        let intact = try store.json(["audit", "verify"])
        #expect(intact["intact"] as? Bool == true)
        #expect(intact["records"] as? Int == 2)

        // Someone with the database file edits the first entry (past the append-only trigger).
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit_log SET reason = 'nothing to see' WHERE sequence = 1")
        }
        try queue.close()
        let broken = try store.run(["audit", "verify", "--json"])
        #expect(broken.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])
        #expect(doc["intact"] as? Bool == false)
        #expect(doc["firstBrokenSequence"] as? Int == 1)
        let text = try store.run(["audit", "verify"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("BROKEN at entry 1"))
    }
}
