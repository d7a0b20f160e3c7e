import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebWorkflows

/// `forloeb rebuild`: recompute every snapshot and deadline from the event log.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute every case snapshot and open deadline from the event log, and report what changed.",
        discussion: """
            Run it after a policy change (other lead times or cadences), and once after upgrading from a version
            whose deadlines fell due at 00:00 UTC (they now fall due at 00:00 in Denmark): the log is replayed
            through the current workflow and the differences are written, case by case, while workers keep
            running. A case whose log no longer replays is left untouched and listed. Audited unless --dry-run.
            Example:
              forloeb rebuild --policy halsnaes --dry-run
            """
    )

    @Flag(help: "Report what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions
    @OptionGroup var operatorOptions: OperatorOptions

    struct Report: Encodable {
        struct Change: Encodable {
            var caseId: String
            var stateBefore: CaseState
            var stateAfter: CaseState
            var deadlinesBefore: [String]
            var deadlinesAfter: [String]
            var snapshotChanged: Bool
            var dueTimesMoved: Bool
        }

        struct Failure: Encodable {
            var caseId: String
            var messageId: String
            var code: RejectionCode
            var detail: String
        }

        var store: String
        var dryRun: Bool
        var casesExamined: Int
        var changed: [Change]
        var unreplayable: [Failure]
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        let store = dryRun ? try await storeOptions.open(.read) : try await storeOptions.openToMend("rebuild")
        let audit = AuditEntry(
            operatorId: operatorOptions.displayName, at: now, action: "rebuild",
            reason: operatorOptions.reason ?? "rebuild from the event log")
        let result: RebuildReport
        do {
            result = try await store.rebuild(journey: journey, dryRun: dryRun, at: now, audit: audit)
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        try? await store.close()
        func describe(_ deadlines: [Deadline]) -> [String] { deadlines.map { "\($0.kind.rawValue) \($0.dueOn)" } }
        let report = Report(
            store: store.url.redacted, dryRun: dryRun, casesExamined: result.casesExamined,
            changed: result.changed.map {
                .init(
                    caseId: $0.caseId, stateBefore: $0.stateBefore, stateAfter: $0.stateAfter,
                    deadlinesBefore: describe($0.deadlinesBefore), deadlinesAfter: describe($0.deadlinesAfter),
                    snapshotChanged: $0.snapshotChanged, dueTimesMoved: $0.dueTimesMoved)
            },
            unreplayable: result.unreplayable.map {
                .init(caseId: $0.caseId, messageId: $0.messageId, code: $0.rejection.code, detail: $0.rejection.detail)
            })
        if json {
            try JSONOutput.print(report)
            return
        }
        var table = TextTable("CASE", "STATE", "DEADLINES BEFORE", "DEADLINES AFTER")
        for change in report.changed {
            let state =
                change.stateBefore == change.stateAfter
                ? change.stateAfter.rawValue : "\(change.stateBefore.rawValue) → \(change.stateAfter.rawValue)"
            table.add([
                change.caseId, state, change.deadlinesBefore.joined(separator: ", "),
                change.deadlinesAfter.joined(separator: ", "),
            ])
        }
        if !report.changed.isEmpty { print(table.render() + "\n") }
        let moved = report.changed.filter(\.dueTimesMoved).count
        if moved > 0 {
            print("\(moved) case(s) had deadlines due at 00:00 UTC; they fall due at 00:00 in Denmark (same dates).")
        }
        for failure in report.unreplayable {
            print(
                "unreplayable: \(failure.caseId) at \(failure.messageId): \(failure.code.rawValue): \(failure.detail)")
        }
        print(
            "\(report.casesExamined) case(s) examined, \(report.changed.count) \(dryRun ? "would change" : "changed"), "
                + "\(report.unreplayable.count) unreplayable.")
    }
}
