import ForloebCore
import ForloebStore
import Foundation

/// `forloeb explain`'s document: a case's history as sentences a caseworker could read to the citizen, also on
/// the console's case page.
///
/// The stored event bodies are replayed through the narrator with the current workflow, so each sentence is
/// what the engine decided.
public struct CaseExplanation: Encodable, Sendable {
    public var caseId: String
    public var language: String
    public var state: CaseState
    public var sentences: [String]

    public init(caseId: String, language: String, state: CaseState, sentences: [String]) {
        self.caseId = caseId
        self.language = language
        self.state = state
        self.sentences = sentences
    }

    /// The explanation of `snapshot`'s case from its stored event bodies.
    public init(_ snapshot: CitizenCase, bodies: [Data], journey: Journey, language: NarrationLanguage) {
        let envelopes = bodies.compactMap { try? EventDecoder.decode($0).get() }
        self.init(
            caseId: snapshot.caseId, language: language.rawValue, state: snapshot.state,
            sentences: CaseNarrator(journey: journey, language: language).narrate(envelopes))
    }

    /// The explanation of case `caseId`, read from `store`; `nil` when there is no such case.
    public static func load(
        _ caseId: String, from store: any CaseStore, journey: Journey, language: NarrationLanguage
    ) async throws -> CaseExplanation? {
        guard let snapshot = try await store.snapshots([caseId])[caseId] else { return nil }
        let bodies = try await store.eventBodies(caseId)
        return CaseExplanation(snapshot, bodies: bodies, journey: journey, language: language)
    }
}
