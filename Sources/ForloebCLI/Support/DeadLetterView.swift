import ForloebCore
import ForloebStore
import Foundation

/// A dead letter as the `dead-letters` verbs print it: the body as text when it is UTF-8.
struct DeadLetterView: Encodable {
    var id: Int64
    var messageId: String
    var code: DeadLetterCode
    var detail: String
    var receivedAt: Instant
    var resolution: DeadLetterResolution?
    var resolvedAt: Instant?
    var body: String

    init(_ letter: DeadLetter) {
        id = letter.id
        messageId = letter.messageId
        code = letter.code
        detail = letter.detail
        receivedAt = letter.receivedAt
        resolution = letter.resolution
        resolvedAt = letter.resolvedAt
        body = String(data: letter.body, encoding: .utf8) ?? letter.body.base64EncodedString()
    }

    /// The dead letter `id`, settled or not; `CommandFailure.notFound` (exit 1) when there is none.
    static func find(_ id: Int64, in store: any CaseStore) async throws -> DeadLetter {
        let letters: [DeadLetter]
        do {
            letters = try await store.deadLetters(includeResolved: true, limit: Int(Int32.max))
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        guard let letter = letters.first(where: { $0.id == id }) else {
            throw CommandFailure.notFound("no dead letter \(id) in \(store.url.redacted)")
        }
        return letter
    }
}
