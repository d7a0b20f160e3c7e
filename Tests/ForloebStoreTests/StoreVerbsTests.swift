import ForloebCore
import ForloebStore
import ForloebTestSupport
import Foundation
import Testing

/// `forloeb import`, `show`, `migrate` and `rebuild` run as a user runs them, against a real store.
@Suite(.blocking) struct StoreVerbsTests {
    static func forloeb(_ arguments: [String], store: String, stdin: Data? = nil) throws -> ForloebExecutable.Result {
        try ForloebExecutable.run(
            arguments,
            environment: [
                "FORLOEB_STORE": store, "FORLOEB_NOW": "2023-06-01T00:00:00Z", "FORLOEB_OPERATOR": "ops-test",
                "FORLOEB_WORKFLOWS": ForloebExecutable.repositoryRoot.appendingPathComponent("Workflows").path,
            ],
            stdin: stdin)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: StoreBackend.available)
    func importThenShowGivesTheContractsFields(_ backend: StoreBackend) async throws {
        let bodies = StoreFixture.messyStream(cases: 30, seed: 17, until: "2023-05-31")
        var input = Data()
        for body in bodies { input.append(body + Data("\n".utf8)) }
        let book = StoreFixture.book(bodies, journey: try StoreFixture.journey())
        try await backend.withStore { db in
            let store = ImportCrashTests.unredacted(db.url)
            let first = try Self.forloeb(["import", "-", "--batch-size", "7", "--json"], store: store, stdin: input)
            #expect(first.status == 0, "\(first.stderr)")
            let summary = try Self.json(first.stdout)
            let accepted = book.history.values.map(\.count).reduce(0, +)
            let rejected = book.rejections.values.map(\.count).reduce(0, +) + book.unattached.count
            #expect(summary["applied"] as? Int == accepted)
            #expect(summary["rejected"] as? Int == rejected)
            #expect(summary["duplicates"] as? Int == bodies.count - accepted - rejected)
            let byCode = try #require(summary["rejections"] as? [String: Int])
            #expect(byCode.values.reduce(0, +) == rejected)

            let again = try Self.forloeb(["import", "-", "--json"], store: store, stdin: input)
            #expect(try Self.json(again.stdout)["applied"] as? Int == 0)
            #expect(try Self.json(again.stdout)["duplicates"] as? Int == bodies.count)

            let caseId = try #require(
                book.caseOrder.first { book.rejections[$0] != nil && book.cases[$0]!.courseEnd != nil }
                    ?? book.caseOrder.first)
            let expected = book.cases[caseId]!
            let shown = try Self.forloeb(["show", caseId, "--json"], store: store)
            #expect(shown.status == 0, "\(shown.stderr)")
            let view = try Self.json(shown.stdout)
            #expect(view["caseId"] as? String == caseId)
            #expect(view["state"] as? String == expected.state.rawValue)
            #expect(view["version"] as? Int == expected.version)
            #expect(view["courseNumber"] as? Int == expected.courseNumber)
            #expect(view["overrun"] as? Bool == expected.isOverrun(at: Instant(rfc3339: "2023-06-01T00:00:00Z")!))
            if let end = expected.courseEnd {
                #expect(view["courseEnd"] as? String == end.description)
            } else {
                #expect(view["courseEnd"] is NSNull)
            }
            let history = try #require(view["history"] as? [[String: Any]])
            #expect(history.compactMap { $0["messageId"] as? String } == book.history[caseId]!.map(\.messageId))
            #expect(history.first?["from"] is NSNull)
            for key in ["messageId", "type", "from", "to", "occurredAt"] {
                #expect(history.allSatisfy { $0[key] != nil })
            }
            let deadlines = try #require(view["deadlines"] as? [[String: Any]])
            #expect(
                deadlines.compactMap { $0["kind"] as? String }
                    == book.journey.deadlines(for: expected).map(\.kind.rawValue))
            let rejections = try #require(view["rejections"] as? [[String: Any]])
            #expect(
                rejections.compactMap { $0["messageId"] as? String } == (book.rejections[caseId] ?? []).map(\.messageId)
            )
            for key in ["messageId", "type", "code", "detail"] { #expect(rejections.allSatisfy { $0[key] != nil }) }

            let missing = try Self.forloeb(["show", "NO-SUCH-CASE"], store: store)
            #expect(missing.status == 1)

            let migrate = try Self.forloeb(["migrate", "--json"], store: store)
            #expect(migrate.status == 0)
            #expect(try Self.json(migrate.stdout)["applied"] as? [String] == [])

            let rebuild = try Self.forloeb(["rebuild", "--json"], store: store)
            #expect(rebuild.status == 0, "\(rebuild.stderr)")
            let report = try Self.json(rebuild.stdout)
            #expect(report["casesExamined"] as? Int == book.cases.count)
            #expect((report["changed"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func anUnreachableStoreExitsThreeWithoutItsPassword() throws {
        let run = try Self.forloeb(["show", "K-1"], store: "postgres://ops:hunter2@127.0.0.1:1/forloeb")
        #expect(run.status == 3)
        #expect(run.stderr.contains("postgres://ops:***@127.0.0.1:1/forloeb"))
        #expect(!run.stderr.contains("hunter2"))
        let importing = try Self.forloeb(
            ["import", "-"], store: "postgres://ops:hunter2@127.0.0.1:1/forloeb", stdin: Data())
        #expect(importing.status == 3)
        #expect(!importing.stderr.contains("hunter2"))
        let bad = try Self.forloeb(["show", "K-1"], store: "mysql://ops:hunter2@db/x")
        #expect(bad.status == 2)
        #expect(!bad.stderr.contains("hunter2"))
    }
}
