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
        try await expectOperatorReadsAgree(store, book, sourceLocation: sourceLocation)
    }

    /// Issue 15: what `stats` reads from the counters, and what `stuck` finds from the indexes a page at a time,
    /// are what the book's cases say, at moments before, inside and after the weeks the deadlines fall in.
    static func expectOperatorReadsAgree(
        _ store: any CaseStore, _ book: CaseBook, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let cases = Array(book.cases.values)
        let deadlines = cases.flatMap { book.journey.deadlines(for: $0) }
        let finder = StuckCaseFinder(store: store, journey: book.journey)
        let eras = JourneyExplorer.eras(of: book.journey)
        for at in ["2022-03-09T12:00:00Z", "2024-02-29T23:30:00Z", "2025-06-30T22:00:00Z", "2026-11-23T10:00:00Z"] {
            let now = Instant(rfc3339: at)!
            let stats = try await store.statistics(at: now)
            #expect(
                stats.casesByState == Dictionary(grouping: cases, by: \.state).mapValues(\.count), "cases at \(at)",
                sourceLocation: sourceLocation)
            #expect(
                stats.overdueByKind
                    == Dictionary(grouping: deadlines.filter { $0.dueAt <= now }, by: \.kind).mapValues(\.count),
                "overdue at \(at)", sourceLocation: sourceLocation)
            #expect(
                stats.openAppeals == deadlines.filter(\.kind.watchesAnAppeal).count, sourceLocation: sourceLocation)
            // Every rejection was recorded at the store's clock, after or within a day of each moment asked about.
            let rejections = book.rejections.values.flatMap { $0 } + book.unattached
            let byCode = Dictionary(grouping: rejections, by: \.rejection.code).mapValues(\.count)
            #expect(stats.rejectionsLastDay == byCode, "rejections at \(at)", sourceLocation: sourceLocation)
            #expect(stats.rejectionsLastWeek == byCode, sourceLocation: sourceLocation)

            let explorer = JourneyExplorer(journey: book.journey, on: eras.last { $0 <= now.danishDate } ?? eras[0])
            let everyCase = cases.map { CaseDiagnosis.of($0, at: now, journey: book.journey, explorer: explorer) }
                .filter(\.isStuck).sorted { ($0.urgency, $1.caseId) > ($1.urgency, $0.caseId) }
            let found = try await finder.find(at: now)
            #expect(found == everyCase, "stuck at \(at)", sourceLocation: sourceLocation)
            #expect(
                try await finder.find(at: now, limit: 3) == Array(everyCase.prefix(3)), sourceLocation: sourceLocation)
        }
    }
}
