import ForloebStore
import ForloebViews

extension DeadLetterView {
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
