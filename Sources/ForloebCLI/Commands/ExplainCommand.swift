import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebViews
import ForloebWorkflows
import Foundation

/// `forloeb explain`: a case's history in sentences a caseworker could read to the citizen.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Tell a case's history as plain sentences: which decision, when, on which rule (Danish by default).",
        discussion: """
            The stored event bodies are replayed through the current workflow, so each sentence is what the engine
            decided; the sentences are told in the order the events happened, dates in prose, with the law each step
            rests on and the appeal guidance of every decision. The last line says where the case stands now
            (FORLOEB_NOW sets now). Exit 1 when the case is unknown. Example:
              forloeb explain K-2026-000123 --lang en
            """
    )

    @Argument(help: "The case id.")
    var caseId: String

    @Option(help: "da (Danish, the default) or en.")
    var lang: NarrationLanguage = .da

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions

    func run() async throws {
        let journey = try workflow.load().journey
        let explanation = try await storeOptions.withStore(.read) { store in
            let explanation: CaseExplanation?
            do {
                explanation = try await CaseExplanation.load(
                    caseId, from: store, journey: journey, language: lang, now: try CommandClock.now())
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.store(error, store.url)
            }
            guard let explanation else { throw CommandFailure.notFound("no case \(caseId) in \(store.url.redacted)") }
            return explanation
        }
        if json {
            try JSONOutput.print(explanation)
            return
        }
        print(TerminalStyle.bold.apply(explanation.heading))
        // Each sentence on its own lines, wrapped to the terminal like the tables.
        for sentence in explanation.sentences { print(TextTable.paragraph(sentence)) }
        if let status = explanation.status { print(TextTable.paragraph("Status: " + status)) }
    }
}
