import ArgumentParser
import ForloebCore
import ForloebWorkflows
import Foundation

/// `forloeb check`: apply an event stream in memory, with no broker or database, and report the outcome.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Apply a JSONL event stream in memory and print each case's final state and rejections.",
        discussion: """
            This is what an integrator runs to validate a case system's output: the same transition function as
            the worker, no infrastructure. Overrun and overdue are judged against FORLOEB_NOW or the clock.
            Example:
              forloeb check Workflows/examples/sample-cases.jsonl
              FORLOEB_NOW=2024-06-01T00:00:00Z forloeb check events.jsonl --json
            """
    )

    @Argument(help: "A file with one event (CONTRACT.md §1) per line; - for standard input.")
    var file: String

    @Flag(help: "Print one JSON document.")
    var json = false

    @Flag(help: "Exit 1 when any event was rejected.")
    var failOnRejection = false

    @OptionGroup var workflow: WorkflowOptions

    func run() throws {
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        var book = CaseBook(journey: journey)
        for line in try JSONLines.read(file) {
            book.ingest(line)
        }
        let report = CheckReport(book: book, now: now)
        if json {
            try JSONOutput.print(report)
        } else {
            print(report.text())
        }
        if failOnRejection && report.rejectionCount > 0 { throw ExitCode(1) }
    }
}
