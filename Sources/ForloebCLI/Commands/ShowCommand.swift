import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebViews
import ForloebWorkflows
import Foundation

/// `forloeb show`: one case as the store holds it.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one case: state, course, deadlines, history, rejections and appeals, from the store.",
        discussion: """
            Overrun and overdue are judged against FORLOEB_NOW or the clock. Exit 1 when the case is unknown.
            Example: forloeb show K-2026-000123 --json
            """
    )

    @Argument(help: "The case id.")
    var caseId: String

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions

    func run() async throws {
        let now = try CommandClock.now()
        let journey = try workflow.load().journey
        let record = try await storeOptions.withStore(.read) { store in
            let record: CaseRecord?
            do {
                record = try await store.caseRecord(caseId)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
            guard let record else { throw CommandFailure.notFound("no case \(caseId) in \(store.url.redacted)") }
            return record
        }
        let view = CaseView(record, now: now, journey: journey)
        if json {
            try JSONOutput.print(view)
        } else {
            print(view.text(now: now))
        }
    }
}
