import ForloebCore
import ForloebStore
import Foundation

/// `forloeb explain`'s document: a case's history as sentences a caseworker could read to the citizen, also on
/// the console's case page.
///
/// The stored event bodies are replayed through the narrator with the current workflow, so each sentence is what
/// the engine decided. `caseId`, `language`, `state` and `sentences` as before; `status` and `lines` (each event's
/// `messageId`, `occurredAt`, ISO `date` and `text` without the date) for scripts that lay the story out
/// themselves.
public struct CaseExplanation: Encodable, Sendable {
    public struct Line: Encodable, Sendable {
        public var messageId: String
        public var occurredAt: Instant
        public var date: CivilDate
        public var text: String
    }

    public var caseId: String
    public var language: String
    public var state: CaseState
    public var sentences: [String]
    public var status: String?
    public var lines: [Line]
    /// The story's heading ("Sag K-…"), for the human forms; not in the JSON.
    public var heading: String

    enum CodingKeys: String, CodingKey {
        case caseId, language, state, sentences, status, lines
    }

    /// The explanation of `snapshot`'s case from its stored event bodies, where it stands at `now`.
    public init(
        _ snapshot: CitizenCase, bodies: [Data], journey: Journey, language: NarrationLanguage, now: Instant
    ) {
        let envelopes = bodies.compactMap { try? EventDecoder.decode($0).get() }
        let story = CaseNarrator(journey: journey, language: language).story(
            envelopes, caseId: snapshot.caseId, now: now)
        caseId = snapshot.caseId
        self.language = language.rawValue
        state = snapshot.state
        sentences = story.sentences
        status = story.status
        lines = story.lines.map {
            Line(messageId: $0.messageId, occurredAt: $0.occurredAt, date: $0.date, text: $0.text)
        }
        heading = story.heading
    }

    /// The explanation of case `caseId`, read from `store`; `nil` when there is no such case.
    public static func load(
        _ caseId: String, from store: any CaseStore, journey: Journey, language: NarrationLanguage, now: Instant
    ) async throws -> CaseExplanation? {
        guard let snapshot = try await store.snapshots([caseId])[caseId] else { return nil }
        let bodies = try await store.eventBodies(caseId)
        return CaseExplanation(snapshot, bodies: bodies, journey: journey, language: language, now: now)
    }
}
