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
            A rebuild that would change cases does not run at once: it becomes a pending action, its would-be
            changes are listed, and a second operator runs it with `forloeb approve ID --reason TEXT` (four eyes).
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
        /// The pending action a rebuild that would change cases became (four eyes); absent otherwise.
        var pendingAction: Int64?
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        if dryRun {
            let (result, url) = try await storeOptions.withStore(.read) { store in
                (try await Self.rebuild(store, journey: journey, dryRun: true, now: now, audit: nil), store.url)
            }
            try Self.render(result, store: url, dryRun: true, json: json)
            return
        }
        try await storeOptions.withStoreToMend("rebuild") { store in
            let reason = operatorOptions.reason ?? "rebuild from the event log"
            let audit = AuditEntry(operatorId: operatorOptions.displayName, at: now, action: "rebuild", reason: reason)
            // Four eyes: a rebuild that changes cases waits for a second operator; one that changes nothing runs.
            let preview = try await Self.rebuild(store, journey: journey, dryRun: true, now: now, audit: nil)
            guard !preview.changed.isEmpty else {
                let result = try await Self.rebuild(store, journey: journey, dryRun: false, now: now, audit: audit)
                try Self.render(result, store: store.url, dryRun: false, json: json)
                return
            }
            let action: PendingAction
            do {
                action = try await store.requestAction(
                    .rebuild, arguments: PendingArguments.rebuild(workflow), displayName: operatorOptions.displayName,
                    reason: reason, at: now)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
            try Self.render(preview, store: store.url, dryRun: true, json: json, pendingAction: action.id)
            if !json {
                print(
                    """
                    pending action \(action.id): this rebuild would change \(preview.changed.count) case(s), so it waits for a \
                    second operator: `forloeb approve \(action.id) --reason TEXT` runs it (four eyes). Nothing was changed.
                    """)
            }
        }
    }

    /// Runs a rebuild approved as pending action `origin["pendingAction"]`: written at once, audited under the
    /// approver with the pending action in the detail.
    static func rebuildNow(
        store: any CaseStore, workflow: WorkflowOptions, displayName: String, reason: String, now: Instant,
        origin: [String: String], json: Bool
    ) async throws {
        let journey = try workflow.load().journey
        let audit = AuditEntry(
            operatorId: displayName, at: now, action: "rebuild", reason: reason,
            detail: ReplayResult.auditDetail(origin))
        let result = try await rebuild(store, journey: journey, dryRun: false, now: now, audit: audit)
        try render(result, store: store.url, dryRun: false, json: json)
    }

    static func rebuild(_ store: any CaseStore, journey: Journey, dryRun: Bool, now: Instant, audit: AuditEntry?)
        async throws -> RebuildReport
    {
        do {
            return try await store.rebuild(journey: journey, dryRun: dryRun, at: now, audit: audit)
        } catch {
            throw CommandFailure.store(error, store.url)
        }
    }

    static func render(
        _ result: RebuildReport, store url: StoreURL, dryRun: Bool, json: Bool, pendingAction: Int64? = nil
    ) throws {
        func describe(_ deadlines: [Deadline]) -> [String] { deadlines.map { "\($0.kind.rawValue) \($0.dueOn)" } }
        let report = Report(
            store: url.redacted, dryRun: dryRun, casesExamined: result.casesExamined,
            changed: result.changed.map {
                .init(
                    caseId: $0.caseId, stateBefore: $0.stateBefore, stateAfter: $0.stateAfter,
                    deadlinesBefore: describe($0.deadlinesBefore), deadlinesAfter: describe($0.deadlinesAfter),
                    snapshotChanged: $0.snapshotChanged, dueTimesMoved: $0.dueTimesMoved)
            },
            unreplayable: result.unreplayable.map {
                .init(caseId: $0.caseId, messageId: $0.messageId, code: $0.rejection.code, detail: $0.rejection.detail)
            }, pendingAction: pendingAction)
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
