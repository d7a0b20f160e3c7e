import ForloebTestSupport
import Foundation
import GRDB
import Testing

/// `forloeb rebuild` brings a store written before deadlines fell due at Danish midnight up to date.
@Suite(.blocking) struct RebuildCommandTests {
    @Test func rebuildMovesDeadlinesFromUTCMidnightToDanishMidnight() throws {
        let store = try OperatorStore.with(OperatorStore.stuckScenario, now: OperatorStore.stuckScenarioNow)
        defer { store.remove() }
        let rows = "SELECT case_id, kind, due_at FROM deadlines ORDER BY case_id, kind"
        func read() throws -> [String] {
            let queue = try DatabaseQueue(path: store.path)
            defer { try? queue.close() }
            return try queue.read { db in
                try Row.fetchAll(db, sql: rows).map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int64)" }
            }
        }
        let written = try read()
        #expect(
            written.contains("DEC decision_due 1763506800"), "2025-11-18T23:00:00Z: 00:00 on 19 November in Denmark")
        // What a version before wrote: 00:00 UTC of the same dates.
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { try $0.execute(sql: "UPDATE deadlines SET due_at = due_at - due_at % 86400 + 86400") }
        try queue.close()
        #expect(try read().contains("DEC decision_due 1763510400"))
        // Read as before: the same dates, due at Danish midnight.
        let shown = try #require(try store.json(["show", "DEC"])["deadlines"] as? [[String: Any]])
        #expect(shown.first?["dueAt"] as? String == "2025-11-18T23:00:00Z")

        let dry = try store.json(["rebuild", "--dry-run"])
        let changed = try #require(dry["changed"] as? [[String: Any]])
        for caseId in ["DEC", "OVR"] {
            let change = try #require(changed.first { $0["caseId"] as? String == caseId }, "\(caseId)")
            #expect(change["dueTimesMoved"] as? Bool == true)
            #expect(change["snapshotChanged"] as? Bool == false)
            #expect(change["deadlinesBefore"] as? [String] == change["deadlinesAfter"] as? [String], "same dates")
        }
        #expect(try read() != written, "a dry run writes nothing")

        // A rebuild that changes cases waits for a second operator (four eyes).
        let requested = try store.run(["rebuild", "--operator", "op-7", "--reason", "deadlines at Danish midnight"])
        #expect(requested.status == 0, "\(requested.stderr)")
        #expect(requested.stdout.contains("pending action 1"))
        #expect(try read() != written, "nothing is written before the approval")
        guard OperatorStore.hasSecondIdentity else { return }
        let real = try store.run(as: "nobody", ["approve", "1", "--reason", "checked the dry run"])
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("2 case(s) had deadlines due at 00:00 UTC"))
        #expect(try read() == written)
        let again = try store.json(["rebuild", "--dry-run"])
        #expect((again["changed"] as? [[String: Any]])?.isEmpty == true)
    }
}
