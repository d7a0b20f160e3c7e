import ForloebTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Four eyes: a bulk drop of dead letters (and a rebuild that changes cases, `RebuildCommandTests`) waits as a
/// pending action until a second identity approves it; the identity that asked cannot, and a reader cannot.
@Suite(.blocking) struct FourEyesTests {
    static let sample = "Workflows/examples/sample-cases.jsonl"
    /// Two more messages tied to no case: with the sample's one, three dead letters.
    static let junk = Data(("{\"messageId\":\"junk-1\",\"type\":\"case.opened\"}\n" + "not json\n").utf8)

    static func openLetters(_ json: [String: Any]) -> Int {
        ((json["deadLetters"] as? [[String: Any]]) ?? []).filter {
            $0["resolution"] == nil || $0["resolution"] is NSNull
        }
        .count
    }

    /// The audit actions with the identity that did each.
    static func audited(_ json: [String: Any]) -> [String] {
        ((json["entries"] as? [[String: Any]]) ?? []).map {
            "\($0["action"] as? String ?? "?") \($0["identity"] as? String ?? "-")"
        }
    }

    @Test(.enabled(if: OperatorStore.hasSecondIdentity))
    func sqliteABulkDropWaitsForASecondOperatingSystemUser() throws {
        let store = try OperatorStore()
        defer { store.remove() }
        #expect(try store.run(["import", Self.sample]).status == 0)
        #expect(try store.run(["import", "-"], stdin: Self.junk).status == 0)
        #expect(Self.openLetters(try store.json(["dead-letters", "list"])) == 3)

        let requested = try store.run([
            "dead-letters", "drop", "1", "2", "3", "--operator", "Jane", "--reason", "vendor test",
        ])
        #expect(requested.status == 0, "\(requested.stderr)")
        #expect(requested.stdout.contains("pending action 1"))
        #expect(Self.openLetters(try store.json(["dead-letters", "list"])) == 3, "nothing dropped yet")
        let own = try store.run(["approve", "1", "--reason", "mine"])
        #expect(own.status == 4, "\(own.stderr)")
        #expect(own.stderr.contains("four eyes"))
        #expect(Self.openLetters(try store.json(["dead-letters", "list"])) == 3)

        let approved = try store.run(as: "nobody", ["approve", "1", "--operator", "Bob", "--reason", "checked"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(Self.openLetters(try store.json(["dead-letters", "list"])) == 0)
        let actions = try #require(try store.json(["pending", "list", "--all"])["pendingActions"] as? [[String: Any]])
        #expect(actions.count == 1)
        #expect(actions.first?["status"] as? String == "approved")
        #expect(actions.first?["approvedBy"] as? String == "nobody")
        #expect(actions.first?["requestedName"] as? String == "Jane")
        #expect((try store.json(["pending", "list"])["pendingActions"] as? [[String: Any]])?.isEmpty == true)
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        #expect(
            Self.audited(try store.json(["audit", "list"])) == [
                "import \(me)", "import \(me)", "pending.request \(me)", "pending.approve nobody",
                "dead-letter.drop nobody", "dead-letter.drop nobody", "dead-letter.drop nobody",
            ])
        #expect(try store.run(["audit", "verify"]).status == 0)
        #expect(try store.run(as: "nobody", ["approve", "1", "--reason", "again"]).status == 1)
    }

    /// One dead letter is no bulk action: it is dropped at once.
    @Test func aSingleDropRunsAtOnce() throws {
        let store = try OperatorStore()
        defer { store.remove() }
        #expect(try store.run(["import", Self.sample]).status == 0)
        let drop = try store.run(["dead-letters", "drop", "1", "--reason", "vendor test"])
        #expect(drop.status == 0)
        #expect(drop.stdout.contains("dropped dead letter 1"))
        #expect((try store.json(["pending", "list", "--all"])["pendingActions"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test(.enabled(if: PostgresOperatorStore.available))
    func postgresABulkDropWaitsForASecondRole() async throws {
        var store = try await PostgresOperatorStore.make()
        do {
            #expect(try store.run(["migrate"]).status == 0)
            #expect(try store.run(["import", Self.sample]).status == 0)
            #expect(try store.run(["import", "-"], stdin: Self.junk).status == 0)
            let jdoe = try await store.login("jdoe", in: ["forloeb_operator"])
            let mary = try await store.login("mary", in: ["forloeb_operator"])
            let asmith = try await store.login("asmith", in: ["forloeb_reader"])

            let requested = try store.run(["dead-letters", "drop", "1", "2", "3", "--reason", "vendor test"], as: jdoe)
            #expect(requested.status == 0, "\(requested.stderr)")
            #expect(requested.stdout.contains("pending action 1"))
            #expect(try store.run(["approve", "1", "--reason", "mine"], as: jdoe).status == 4)
            let reader = try store.run(["approve", "1", "--reason", "looks fine"], as: asmith)
            #expect(reader.status == 4)
            #expect(reader.stderr.contains("forloeb_operator"))
            #expect(Self.openLetters(try store.json(["dead-letters", "list"])) == 3)

            let approved = try store.run(["approve", "1", "--reason", "checked"], as: mary)
            #expect(approved.status == 0, "\(approved.stderr)")
            #expect(Self.openLetters(try store.json(["dead-letters", "list"])) == 0)
            let audited = Self.audited(try store.json(["audit", "list"]))
            #expect(
                Array(audited.suffix(5)) == [
                    "pending.request \(jdoe)", "pending.approve \(mary)", "dead-letter.drop \(mary)",
                    "dead-letter.drop \(mary)", "dead-letter.drop \(mary)",
                ])
            #expect(try store.run(["audit", "verify"], as: asmith).status == 0)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }
}
