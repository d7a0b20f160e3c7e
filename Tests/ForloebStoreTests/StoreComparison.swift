import ForloebCore
import ForloebStore
import Testing

/// Compares everything a store holds with the in-memory `CaseBook` for the same stream.
enum StoreComparison {
    static func expectAgreement(
        _ store: any CaseStore, _ book: CaseBook, sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws
    {
        let summaries = try await store.cases(matching: CaseFilter(limit: 1_000_000))
        #expect(summaries.map(\.caseId) == book.caseOrder.sorted(), sourceLocation: sourceLocation)
        for caseId in book.caseOrder {
            guard let record = try await store.caseRecord(caseId) else {
                Issue.record("case \(caseId) is missing", sourceLocation: sourceLocation)
                continue
            }
            let expected = book.cases[caseId]!
            #expect(record.snapshot == expected, "snapshot of \(caseId)", sourceLocation: sourceLocation)
            #expect(
                record.deadlines == book.journey.deadlines(for: expected), "deadlines of \(caseId)",
                sourceLocation: sourceLocation)
            let history = book.history[caseId] ?? []
            #expect(
                record.history.map(\.messageId) == history.map(\.messageId), "history of \(caseId)",
                sourceLocation: sourceLocation)
            #expect(record.history.map(\.to) == history.map(\.to), sourceLocation: sourceLocation)
            #expect(record.history.map(\.from) == history.map(\.from), sourceLocation: sourceLocation)
            #expect(
                record.history.map(\.position) == Array(1...max(1, history.count)).prefix(history.count).map { $0 },
                sourceLocation: sourceLocation)
            let rejections = book.rejections[caseId] ?? []
            #expect(
                record.rejections.map(\.event) == rejections, "rejections of \(caseId)", sourceLocation: sourceLocation)
        }
        let unattached = try await store.unattachedRejections(limit: 1_000_000)
        #expect(unattached.map(\.event) == book.unattached, "unattached", sourceLocation: sourceLocation)
        let counts = try await store.counts()
        #expect(counts.events == book.history.values.map(\.count).reduce(0, +), sourceLocation: sourceLocation)
        #expect(
            counts.rejections == book.rejections.values.map(\.count).reduce(0, +) + book.unattached.count,
            sourceLocation: sourceLocation)
        #expect(counts.deadLetters == book.unattached.filter { $0.caseId == nil }.count, sourceLocation: sourceLocation)
    }
}
