import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation

/// `forloeb explain`: a case's history in sentences a caseworker could read to the citizen.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Tell a case's history as plain sentences: which decision, when, on which rule (Danish by default).",
        discussion: """
            The stored event bodies are replayed through the current workflow, so each sentence is what the engine
            decided. Exit 1 when the case is unknown. Example:
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

    struct Document: Encodable {
        var caseId: String
        var language: String
        var state: CaseState
        var sentences: [String]
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let store = try await storeOptions.open(.require)
        let bodies: [Data]
        let snapshot: CitizenCase?
        do {
            snapshot = try await store.snapshots([caseId])[caseId]
            bodies = try await store.eventBodies(caseId)
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        try? await store.close()
        guard let snapshot else { throw CommandFailure.notFound("no case \(caseId) in \(store.url.redacted)") }
        let envelopes = bodies.compactMap { try? EventDecoder.decode($0).get() }
        let sentences = CaseNarrator(journey: journey, language: lang).narrate(envelopes)
        if json {
            try JSONOutput.print(Document(caseId: caseId, language: lang.rawValue, state: snapshot.state, sentences: sentences))
            return
        }
        print(TerminalStyle.bold.apply(lang == .da ? "Sag \(caseId)" : "Case \(caseId)"))
        for sentence in sentences { print(sentence) }
    }
}
