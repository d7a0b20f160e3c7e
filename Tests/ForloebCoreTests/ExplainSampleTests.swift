import ForloebCore
import Foundation
import Testing

/// `explain` for the whole sample stream, compared with the committed texts in both languages
/// (`Expected/explain-sample.da.txt` and `.en.txt`).
///
/// Why whole texts: a sentence that reads wrong is seen in review of the file, not guessed from fragments, and a
/// change of wording shows as a diff. Run with `FORLOEB_RECORD_EXPECTED=1` to write the texts anew, then read the
/// diff (and the Danish aloud) before committing it.
@Suite struct ExplainSampleTests {
    static let expectedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Expected")

    /// Every case of the sample stream that was opened, in the order the stream first names it.
    static func sampleStory(_ language: NarrationLanguage) throws -> String {
        let events = try CaseNarratorTests.sampleEvents()
        var caseIds: [String] = []
        for event in events where !caseIds.contains(event.caseId) { caseIds.append(event.caseId) }
        let narrator = CaseNarrator(journey: CaseNarratorTests.journey, language: language)
        return caseIds.map { caseId in narrator.story(events.filter { $0.caseId == caseId }) }
            .filter { !$0.lines.isEmpty }
            .map(\.text)
            .joined(separator: "\n")
    }

    @Test(arguments: NarrationLanguage.allCases)
    func theSampleStreamIsToldAsCommitted(_ language: NarrationLanguage) throws {
        let told = try Self.sampleStory(language)
        let file = Self.expectedDirectory.appendingPathComponent("explain-sample.\(language.rawValue).txt")
        if ProcessInfo.processInfo.environment["FORLOEB_RECORD_EXPECTED"] == "1" {
            try FileManager.default.createDirectory(at: Self.expectedDirectory, withIntermediateDirectories: true)
            try told.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let toldLines = told.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        // The first line that differs, so a failure says where without printing both whole texts.
        if let first = Array(zip(toldLines, expectedLines)).firstIndex(where: { $0 != $1 }) {
            Issue.record(
                "line \(first + 1) differs:\n  told:     \(toldLines[first])\n  expected: \(expectedLines[first])")
        }
        #expect(toldLines.count == expectedLines.count)
    }
}
