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

    /// `caseId`, `language`, `state` and `sentences` as before; `status` and `lines` (each event's `messageId`,
    /// `occurredAt`, ISO `date` and `text` without the date) were added for scripts that lay the story out
    /// themselves.
    struct Document: Encodable {
        var caseId: String
        var language: String
        var state: CaseState
        var sentences: [String]
        var status: String?
        var lines: [Line]

        struct Line: Encodable {
            var messageId: String
            var occurredAt: Instant
            var date: CivilDate
            var text: String
        }
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let store = try await storeOptions.open(.read)
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
        let story = CaseNarrator(journey: journey, language: lang).story(
            envelopes, caseId: caseId, now: try CommandClock.now())
        if json {
            let lines = story.lines.map {
                Document.Line(messageId: $0.messageId, occurredAt: $0.occurredAt, date: $0.date, text: $0.text)
            }
            try JSONOutput.print(
                Document(
                    caseId: caseId, language: lang.rawValue, state: snapshot.state, sentences: story.sentences,
                    status: story.status, lines: lines))
            return
        }
        print(TerminalStyle.bold.apply(story.heading))
        for sentence in story.sentences { print(sentence) }
        if let status = story.status { print("Status: " + status) }
    }
}
