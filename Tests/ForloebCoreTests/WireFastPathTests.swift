import ForloebWorkflows
import Foundation
import Testing

@testable import ForloebCore

/// The wire decoder's fast path (`WireObject`) reads every message that is right, and reads it as `JSONDecoder`
/// does; anything it is not sure of goes to `JSONDecoder`, so a message's outcome never depends on the path.
/// (`WireFuzzTests` checks the same agreement over random and mutated bytes.)
@Suite struct WireFastPathTests {
    /// The fast path's answer, checked against `JSONDecoder`'s when it has one.
    static func fast(_ bytes: Data, sourceLocation: SourceLocation = #_sourceLocation) -> EventEnvelope? {
        let fast = WireObject.envelope(bytes)
        if let fast {
            #expect(
                (try? EventDecoder.decodeStrictly(bytes).get()) == fast, "\(String(decoding: bytes, as: UTF8.self))",
                sourceLocation: sourceLocation)
        }
        return fast
    }

    /// Every message of the sample stream that `JSONDecoder` reads, every event type's sample, and 300 generated
    /// journeys: all of them take the fast path.
    @Test func everyValidMessageTakesTheFastPath() throws {
        let url = URL(fileURLWithPath: WorkflowLoader.sourceTreeDirectory + "/examples/sample-cases.jsonl")
        let sample = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { Data($0.utf8) }
        let types = WireFormatTests.samples.map { WireFormatTests.message($0.type.rawValue, $0.data) }
        let generated = CaseStreamGenerator(seed: 5).stream(cases: 300).map { $0.wireJSON() }
        var read = 0
        for bytes in sample + types + generated where (try? EventDecoder.decodeStrictly(bytes).get()) != nil {
            #expect(Self.fast(bytes) != nil, "\(String(decoding: bytes, as: UTF8.self))")
            read += 1
        }
        #expect(read > 5_000)
    }

    /// What `JSONDecoder` reads in its own way (a fraction for a count, a trailing comma, a byte-order mark, a key
    /// given twice) is left to it; what JSON does not allow (a leading zero) is rejected on both paths.
    @Test(arguments: [
        (#""durationMonths": 12.0"#, true), (#""durationMonths": 1e1"#, true), (#""durationMonths": 012"#, false),
        (#""durationMonths": 12, "durationMonths": 6"#, true), (#""durationMonths": 12,"#, true),
    ])
    func doubtfulNumbersAndKeysAreLeftToJSONDecoder(members: String, readByJSONDecoder: Bool) {
        let bytes = WireFormatTests.message(
            "team.recommended", #"{"recommendation": "ressourceforloeb", "# + members + "}")
        #expect(Self.fast(bytes) == nil)
        #expect((try? EventDecoder.decode(bytes).get() != nil) ?? false == readByJSONDecoder)
    }

    @Test func aByteOrderMarkOrATwiceGivenIdIsLeftToJSONDecoder() {
        let line = WireFormatTests.message("course.extension_requested", "{}")
        #expect(Self.fast(line) != nil)
        #expect(Self.fast(Data([0xEF, 0xBB, 0xBF]) + line) == nil)
        // Only the envelope's `{` gets the second id: the message is otherwise one the fast path reads.
        let twice = Data(#"{"caseId": "K-2", "#.utf8) + line.dropFirst()
        #expect(Self.fast(twice) == nil)
        #expect((try? EventDecoder.decode(twice).get()) != nil, "JSONDecoder reads it, with one of the two ids")
    }

    /// Escapes, surrogate pairs, non-ASCII and whitespace read as `JSONDecoder` reads them.
    @Test func escapesAndWhitespaceReadAsJSONDecoderReadsThem() {
        let bytes = Data(
            """
            {
              "messageId" : "m-\\u00e6\\u00f8\\u00e5-\\ud83d\\ude00",
              "caseId": "K-\\"1\\"\\\\/",
              "type": "target_group.assessed", "occurredAt": "2023-03-02T09:30:00+01:00", "actor": "sb-æøå",
              "data": {"outcome": "in_target_group", "reason": "tab\\there\\nnewline \\u0000 nul"}
            }
            """.utf8)
        let envelope = Self.fast(bytes)
        #expect(envelope?.messageId == "m-æøå-😀")
        #expect(envelope?.caseId == #"K-"1"\/"#)
    }

    /// A field that is wrong is never read by the fast path: the rejection names it.
    @Test func aWrongFieldIsLeftToJSONDecoderWhichNamesIt() throws {
        let bytes = WireFormatTests.message("internship.started", #"{"startDate": "2023-03-01", "weeks": 0}"#)
        #expect(Self.fast(bytes) == nil)
        guard case .failure(let rejected) = EventDecoder.decode(bytes) else {
            Issue.record("decoded weeks of 0")
            return
        }
        #expect(rejected.rejection.detail == "data.weeks: must be a positive integer, got 0")
    }
}
