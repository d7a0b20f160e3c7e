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
            A range scan of the deadlines' due-time index (with --kind, of that kind's), printed as it is read: the
            cost follows the number of overdue deadlines, and memory stays that of a page. Example:
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
        // Each row is printed as the store reads it: the whole list runs in the memory of a page.
        var json = try self.json
            ? JSONListStream(emptyDocument: Document(now: now, deadlines: []), key: "deadlines") : nil
        var table = StreamedTable(TextTable("CASE", "DEADLINE", "DUE", "OVERDUE"))
        var count = 0
        try await storeOptions.withStore(.read) { store in
            do {
                try await store.forEachDueDeadline(dueBy: now, kind: kind, limit: limit) { due in
                    let e = Entry(
                        caseId: due.caseId, kind: due.deadline.kind, dueAt: due.deadline.dueAt,
                        daysOverdue: due.deadline.dueOn.days(until: now.danishDate))
                    count += 1
                    if json != nil {
                        try json!.add(e)
                    } else {
                        table.add(
                            [e.caseId, e.kind.rawValue, e.dueAt.danishDate.description, "\(e.daysOverdue) day(s)"],
                            style: e.daysOverdue > 14 ? .red : .yellow)
                    }
                }
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        if let json {
            json.finish()
            return
        }
        table.flush()
        print("\(count) overdue deadline(s) at \(now).")
    }
}
