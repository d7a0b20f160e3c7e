import ForloebTestSupport
import Foundation
import Testing

/// Issue 15: `stuck` and `overdue` print their lists as the store reads them, a page at a time, so that the whole
/// list of a million-case store runs in the memory of a page. Here the lists run past one page (1,000 rows).
@Suite(.blocking)
struct StreamedListTests {
    /// A generated store whose overdue list runs to several pages.
    static func seeded() throws -> OperatorStore {
        let store = try OperatorStore()
        let seeded = try store.run(["seed", "--cases", "800", "--from", "2024-01-01", "--until", "2026-06-30"])
        #expect(seeded.status == 0, "seed failed: \(seeded.stderr)")
        return store
    }

    @Test func longListsAreWholeInJSONAndInTheTable() throws {
        let store = try Self.seeded()
        defer { store.remove() }
        let stats = try store.json(["stats"])
        let overdueCount = try #require(stats["overdueByKind"] as? [String: Int]).values.reduce(0, +)
        #expect(overdueCount > 1000)

        let all = try #require(try store.json(["overdue", "--limit", "100000000"])["deadlines"] as? [[String: Any]])
        #expect(all.count == overdueCount)
        let days = all.compactMap { $0["daysOverdue"] as? Int }
        #expect(days == days.sorted(by: >))
        let firstPage = try #require(try store.json(["overdue", "--limit", "7"])["deadlines"] as? [[String: Any]])
        #expect(firstPage.compactMap { $0["caseId"] as? String } == all.prefix(7).compactMap { $0["caseId"] as? String })
        // One kind, from its own index: the same rows as filtering the whole list.
        let decisions = try #require(
            try store.json(["overdue", "--kind", "plan_review", "--limit", "100000000"])["deadlines"] as? [[String: Any]])
        #expect(decisions.count == (stats["overdueByKind"] as? [String: Int])?["plan_review"])
        #expect(decisions.allSatisfy { $0["kind"] as? String == "plan_review" })

        // The table: one header, every row, the second column aligned across pages (piped: no wrapping).
        let text = try store.run(["overdue", "--limit", "100000000"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.filter { $0.hasPrefix("CASE") }.count == 1)
        #expect(lines.count == overdueCount + 2)
        #expect(lines.last == "\(overdueCount) overdue deadline(s) at 2026-11-23T12:00:00Z.")
        let columns = Set(lines.dropLast().map { line in
            line.range(of: "  ")!.lowerBound.utf16Offset(in: line) + line[line.range(of: "  ")!.lowerBound...].prefix { $0 == " " }.count
        })
        #expect(columns.count == 1, "the kind column starts at \(columns)")
    }

    @Test func stuckStreamsMostUrgentFirstAndStopsAtTheLimit() throws {
        let store = try Self.seeded()
        defer { store.remove() }
        let all = try #require(try store.json(["stuck", "--limit", "100000000"])["cases"] as? [[String: Any]])
        #expect(all.count > 50)
        let ids = all.compactMap { $0["caseId"] as? String }
        #expect(Set(ids).count == ids.count)
        let top = try #require(try store.json(["stuck", "--limit", "25"])["cases"] as? [[String: Any]])
        #expect(top.compactMap { $0["caseId"] as? String } == Array(ids.prefix(25)))
        let text = try store.run(["stuck", "--limit", "100000000"])
        #expect(text.stdout.hasSuffix("\(all.count) stuck case(s) at 2026-11-23T12:00:00Z.\n"))
        // An empty list is the same document as before streaming.
        let none = try store.run(["stuck", "--state", "closed", "--json"])
        #expect(none.stdout == "{\n  \"cases\" : [\n\n  ],\n  \"now\" : \"2026-11-23T12:00:00Z\"\n}\n")
    }
}
