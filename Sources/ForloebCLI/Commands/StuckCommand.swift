import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebViews
import ForloebWorkflows
import Foundation

/// `forloeb stuck`: the cases that stopped moving, why, and which events would move each on.
struct StuckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stuck",
        abstract: "List non-final cases that are overrun, have an overdue deadline, or have been idle too long.",
        discussion: """
            Idle means no accepted event for longer than the state's threshold in the policy (idleDays), or than
            --idle for every state. Answered from the store's indexes (due deadlines, course ends, last event per
            state), then each candidate is diagnosed from its indexed columns and printed as it is found, most
            urgent first (the whole list runs in the memory of a page). Exit 0 even when nothing is stuck. Example:
              forloeb stuck --idle 30d --state awaiting_decision --json
            """
    )

    @Option(help: "Idle threshold for every state, e.g. 30d, 12h, 2w (default: the policy's per state).")
    var idle: TimeSpan?

    @Option(help: "Only cases in this state (repeatable).")
    var state: [CaseState] = []

    @Option(help: "At most this many cases.")
    var limit: Int = 1000

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        // Each case is printed as it is found, most urgent first: the whole list runs in the memory of a page.
        var json = try self.json ? JSONListStream(emptyDocument: StuckView(now: now, cases: []), key: "cases") : nil
        var table = StreamedTable(TextTable("CASE", "STATE", "WOULD MOVE IT ON"))
        var count = 0
        let unreadable = try await storeOptions.withStore(.read) { store in
            do {
                return try await StuckCaseFinder(store: store, journey: journey).forEach(
                    at: now, idleDays: idle?.days, states: state, limit: limit
                ) { diagnosis in
                    let e = StuckView.Entry(diagnosis)
                    count += 1
                    if json != nil {
                        try json!.add(e)
                    } else {
                        table.add(
                            [e.caseId, e.state.rawValue, e.wouldMoveOn.map(\.rawValue).joined(separator: ", ")],
                            notes: Self.notes(e), style: e.isUrgent ? .red : .yellow)
                    }
                }
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        for damaged in unreadable {
            // One damaged case must not hide the others: name it, and list the rest.
            FileHandle.standardError.write(Data("forloeb: \(damaged.message) (forloeb rebuild recomputes it)\n".utf8))
        }
        if let json {
            json.finish()
            return
        }
        table.flush()
        print("\(count) stuck case(s) at \(now).")
    }

    /// Why the case is stuck, under its row: the overrun, then the overdue deadlines together on one line (most
    /// overdue first), then how long it has been idle.
    static func notes(_ entry: StuckView.Entry) -> [String] {
        var notes = entry.reasons.filter { $0.code == "overrun" }.map(\.summary)
        let overdue = entry.overdue
        if !overdue.isEmpty {
            let deadlines = overdue.map {
                "\($0.kind?.rawValue ?? "-") \($0.days) d (due \($0.dueOn?.description ?? "-"))"
            }
            notes.append("\(overdue.count) overdue: " + deadlines.joined(separator: ", "))
        }
        return notes + entry.reasons.filter { $0.code == "idle" }.map(\.summary)
    }
}
