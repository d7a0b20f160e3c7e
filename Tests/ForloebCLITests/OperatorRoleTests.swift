import ForloebTestSupport
import Foundation
import Testing

/// Who may mend: on PostgreSQL each person connects as their own login role, a member of `forloeb_reader` or
/// `forloeb_operator` (granted by `forloeb migrate`); a reader is refused a mending verb with exit 4 and nothing
/// changes. On SQLite the file's permissions give the same split.
@Suite(.serialized, .blocking) struct OperatorRoleTests {
    static let sample = "Workflows/examples/sample-cases.jsonl"

    /// Exit 4 is documented where an operator looks first.
    @Test func theRootHelpDocumentsExitCode4() throws {
        let help = try ForloebExecutable.run(["--help"])
        #expect(help.stdout.contains("4 not permitted"))
        #expect(help.stdout.contains("forloeb_operator"))
    }

    @Test(.enabled(if: PostgresOperatorStore.available))
    func aReaderReadsButIsRefusedAMendingVerb() async throws {
        var store = try await PostgresOperatorStore.make()
        do {
            let migrate = try store.run(["migrate"])
            #expect(migrate.status == 0, "\(migrate.stderr)")
            #expect(migrate.stdout.contains("forloeb_operator"))
            #expect(try store.run(["import", Self.sample]).status == 0)
            let reader = try await store.login("reader", in: ["forloeb_reader"])
            let before = try store.json(["audit", "list"])["entries"] as? [[String: Any]]
            let lettersBefore = try store.json(["dead-letters", "list"])["deadLetters"] as? [[String: Any]]

            // Reading works.
            let list = try store.run(["list", "--json"], as: reader)
            #expect(list.status == 0, "\(list.stderr)")
            #expect(try store.run(["audit", "verify"], as: reader).status == 0)

            // Mending does not: exit 4, the role it needs named, logged with identity and verb, nothing changed.
            let drop = try store.run(["dead-letters", "drop", "1", "--reason", "x"], as: reader)
            #expect(drop.status == 4, "\(drop.stdout) \(drop.stderr)")
            #expect(drop.stderr.contains("forloeb_operator"))
            #expect(drop.stderr.contains("refused: not permitted"))
            #expect(drop.stderr.contains(reader))
            #expect(drop.stderr.contains("dead-letters drop"))
            #expect(!drop.stderr.contains(store.password))
            let resend = try store.run(["resend", "K-2026-000106", "--reason", "x"], as: reader)
            #expect(resend.status == 4)
            let rebuild = try store.run(["rebuild", "--reason", "x"], as: reader)
            #expect(rebuild.status == 4)
            let after = try store.json(["audit", "list"])["entries"] as? [[String: Any]]
            #expect(after?.count == before?.count)
            let lettersAfter = try store.json(["dead-letters", "list"])["deadLetters"] as? [[String: Any]]
            #expect(lettersAfter?.count == lettersBefore?.count)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }

    /// An operator's own login role suffices for the mending verbs (the grants are enough), and the audit records
    /// that role, whatever `--operator` says.
    @Test(.enabled(if: PostgresOperatorStore.available))
    func anOperatorMendsUnderTheirOwnRole() async throws {
        var store = try await PostgresOperatorStore.make()
        do {
            #expect(try store.run(["migrate"]).status == 0)
            let jdoe = try await store.login("jdoe", in: ["forloeb_operator"])
            let imported = try store.run(["import", Self.sample, "--reason", "backfill"], as: jdoe)
            #expect(imported.status == 0, "\(imported.stderr)")
            let drop = try store.run(
                ["dead-letters", "drop", "1", "--operator", "root", "--reason", "vendor test"], as: jdoe)
            #expect(drop.status == 0, "\(drop.stderr)")
            let resend = try store.run(["resend", "K-2026-000106", "--reason", "lost"], as: jdoe)
            #expect(resend.status == 0 || resend.status == 1, "\(resend.stderr)")
            let entries = try #require(try store.json(["audit", "list"], as: jdoe)["entries"] as? [[String: Any]])
            #expect(entries.count >= 2)
            #expect(entries.allSatisfy { $0["identity"] as? String == jdoe })
            #expect(entries.contains { $0["operator"] as? String == "root" })
            #expect(try store.run(["audit", "verify"], as: jdoe).status == 0)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }

    /// SQLite: read verbs open the file read-only; a user who may not write the file is refused a mending verb
    /// with exit 4 (as a reader would be on PostgreSQL), and nothing changes. The store is written by this process's
    /// user and read by another: `nobody` when the tests run as root, else the same user with the file made
    /// read-only.
    @Test func sqliteReadVerbsOpenReadOnlyAndAReadOnlyFileRefusesMending() throws {
        let store = try OperatorStore()
        defer { store.remove() }
        #expect(try store.run(["import", Self.sample]).status == 0)
        let asRoot = geteuid() == 0
        if !asRoot {
            for suffix in ["", "-wal", "-shm"] { chmod(store.path + suffix, 0o444) }
            chmod(store.folder.path, 0o555)
        }
        defer {
            chmod(store.folder.path, 0o755)
            for suffix in ["", "-wal", "-shm"] { chmod(store.path + suffix, 0o644) }
        }
        func runAsReader(_ arguments: [String]) throws -> ForloebExecutable.Result {
            guard asRoot else { return try store.run(arguments) }
            let environment = store.environment.map { "\($0.key)=\($0.value)" }
            return try ForloebExecutable.run(
                ["-u", "nobody", "--", "/usr/bin/env"] + environment + [ForloebExecutable.executable.path] + arguments,
                executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
        }
        let list = try runAsReader(["list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let drop = try runAsReader(["dead-letters", "drop", "1", "--reason", "x"])
        #expect(drop.status == 4, "\(drop.stdout) \(drop.stderr)")
        #expect(drop.stderr.contains("refused: not permitted"))
        let entries = try #require(try store.json(["audit", "list"])["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["import"])
    }
}
