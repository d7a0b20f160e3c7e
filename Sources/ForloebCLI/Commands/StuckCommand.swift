import ArgumentParser
import ForloebCore
import ForloebStore
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
            state), then each candidate is diagnosed. Exit 0 even when nothing is stuck. Example:
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

    struct Reason: Encodable {
        var code: String
        var summary: String
        var kind: DeadlineKind?
        var dueOn: CivilDate?
        var courseEnd: CivilDate?
        var days: Int
        var thresholdDays: Int?

        init(_ reason: StuckReason) {
            code = reason.code
            summary = reason.summary
            switch reason {
            case .overrun(let end, let days): (courseEnd, self.days) = (end, days)
            case .overdue(let kind, let due, let days): (self.kind, dueOn, self.days) = (kind, due, days)
            case .idle(let days, let threshold): (self.days, thresholdDays) = (days, threshold)
            }
        }
    }

    struct Entry: Encodable {
        var caseId: String
        var state: CaseState
        var reasons: [Reason]
        var wouldMoveOn: [EventType]
    }

    struct Document: Encodable {
        var now: Instant
        var cases: [Entry]
    }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        let store = try await storeOptions.open(.read)
        let found: [CaseDiagnosis]
        do {
            let survey = try await StuckCaseFinder(store: store, journey: journey)
                .survey(at: now, idleDays: idle?.days, states: state, limit: limit)
            found = survey.cases
            for damaged in survey.unreadable {
                // One damaged case must not hide the others: name it, and list the rest.
                FileHandle.standardError.write(Data("forloeb: \(damaged.message) (forloeb rebuild recomputes it)\n".utf8))
            }
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        try? await store.close()
        let entries = found.map {
            Entry(caseId: $0.caseId, state: $0.state, reasons: $0.reasons.map(Reason.init), wouldMoveOn: $0.wouldMoveOn)
        }
        if json {
            try JSONOutput.print(Document(now: now, cases: entries))
            return
        }
        var table = TextTable("CASE", "STATE", "WHY", "WOULD MOVE IT ON")
        for e in entries {
            let style: TerminalStyle = e.reasons.contains { $0.code != "idle" } ? .red : .yellow
            table.add(
                [
                    e.caseId, e.state.rawValue, e.reasons.map(\.summary).joined(separator: "; "),
                    e.wouldMoveOn.map(\.rawValue).joined(separator: ", "),
                ], style: style)
        }
        if !entries.isEmpty { print(table.render()) }
        print("\(entries.count) stuck case(s) at \(now).")
    }
}
