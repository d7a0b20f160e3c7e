import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb overdue`: open deadlines already due, most overdue first.
struct OverdueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List open deadlines that are due, most overdue first, with how long.",
        discussion: """
            A range scan of the deadlines' due-time index: the cost follows the number of overdue deadlines. Example:
              forloeb overdue --kind decision_due --json
            """
    )

    @Option(help: "Only deadlines of this kind.")
    var kind: DeadlineKind?

    @Option(help: "At most this many deadlines.")
    var limit: Int = 1000

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Entry: Encodable {
        var caseId: String
        var kind: DeadlineKind
        var dueAt: Instant
        var daysOverdue: Int
    }

    struct Document: Encodable {
        var now: Instant
        var deadlines: [Entry]
    }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let now = try CommandClock.now()
        let store = try await storeOptions.open(.read)
        var entries: [Entry] = []
        do {
            entries = try await Self.overdue(store, at: now, kind: kind, limit: limit).map {
                Entry(caseId: $0.caseId, kind: $0.deadline.kind, dueAt: $0.deadline.dueAt, daysOverdue: $0.deadline.dueOn.days(until: now.danishDate))
            }
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        try? await store.close()
        if json {
            try JSONOutput.print(Document(now: now, deadlines: entries))
            return
        }
        var table = TextTable("CASE", "DEADLINE", "DUE", "OVERDUE")
        for e in entries {
            table.add([e.caseId, e.kind.rawValue, e.dueAt.danishDate.description, "\(e.daysOverdue) day(s)"], style: e.daysOverdue > 14 ? .red : .yellow)
        }
        if !entries.isEmpty { print(table.render()) }
        print("\(entries.count) overdue deadline(s) at \(now).")
    }

    /// The due deadlines, filtered by kind while paging through the index so `--limit` counts matches.
    static func overdue(_ store: any CaseStore, at now: Instant, kind: DeadlineKind?, limit: Int) async throws -> [DueDeadline] {
        guard let kind else { return try await store.dueDeadlines(dueBy: now, limit: limit) }
        return try await store.dueDeadlines(dueBy: now, limit: Int(Int32.max)).filter { $0.deadline.kind == kind }
            .prefix(limit).map { $0 }
    }
}
