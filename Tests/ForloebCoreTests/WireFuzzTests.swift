@testable import ForloebCore
import Foundation
import PropertyBased
import Testing

/// The wire decoder under fuzzing (issue 17): random bytes and mutations of real events never crash it, every
/// failure is a `malformed` or `unknown_type` rejection with a detail, and whatever decodes goes through the
/// transition function without trapping and encodes back to the same event. Whatever the fast path reads,
/// `JSONDecoder` reads the same.
@Suite struct WireFuzzTests {
    static let journey = try! JourneyFixture.journey()
    static let lines = CaseStreamGenerator(seed: 11).stream(cases: 20).map { $0.wireJSON() }

    /// One decoded or rejected message, checked; decoded ones are applied to a case book as a worker would.
    static func check(_ bytes: Data, in book: inout CaseBook) {
        // The fast path answers only for what `JSONDecoder` reads, and then with what it reads.
        if let fast = WireObject.envelope(bytes) { #expect((try? EventDecoder.decodeStrictly(bytes).get()) == fast) }
        switch EventDecoder.decode(bytes) {
        case .success(let envelope):
            // What decodes must encode back to the same event (no silent change of a field).
            #expect((try? EventDecoder.decode(envelope.wireJSON()).get()) == envelope)
        case .failure(let rejected):
            #expect([RejectionCode.malformed, .unknownType].contains(rejected.rejection.code))
            #expect(!rejected.rejection.detail.isEmpty)
            #expect(!rejected.messageId.isEmpty)
        }
        _ = book.ingest(bytes)
    }

    @Test func randomBytesNeverCrashTheDecoder() async {
        await propertyCheck(count: 2_000, input: Gen.uint8(in: 0...255).array(of: 0...400)) { bytes in
            var book = CaseBook(journey: Self.journey)
            Self.check(Data(bytes), in: &book)
        }
    }

    /// Byte-level mutations of real events: flips, truncations, insertions of JSON's own punctuation and of
    /// numbers and dates at their edges, applied on top of a journey that is already under way.
    @Test func mutatedEventsAreDecodedOrRejectedNeverTrap() async {
        let splices = [
            "9223372036854775807", "-9223372036854775808", "1e400", "-1", "0", "null", "true", "[]", "{}", "\"\"",
            "\"9999-12-31\"", "\"0000-01-01\"", "\"2023-02-30\"", "\"99999-01-01T00:00:00Z\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"010190-1234\"", "[[[[[[[[", "}}}}", "\"purpose\":\"review\"",
        ]
        let input = zip(
            Gen.int(in: 0...(Self.lines.count - 1)), Gen.int(in: 0...3), Gen.int(in: 0...10_000),
            Gen.int(in: 0...(splices.count - 1)))
        await propertyCheck(count: 3_000, input: input) { line, kind, position, splice in
            var bytes = [UInt8](Self.lines[line])
            let at = position % max(bytes.count, 1)
            switch kind {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: position | 1)
            case 1: bytes.removeSubrange(at...)
            case 2: bytes.insert(contentsOf: Array(splices[splice].utf8), at: at)
            default:
                // Replace a value: from a colon to the next comma or brace.
                if let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")),
                    let end = bytes[(colon + 1)...].firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") })
                {
                    bytes.replaceSubrange((colon + 1)..<end, with: Array(splices[splice].utf8))
                }
            }
            var book = CaseBook(journey: Self.journey)
            for earlier in Self.lines.prefix(line) { _ = book.ingest(earlier) }
            Self.check(Data(bytes), in: &book)
        }
    }

    /// Nesting as deep as 64 KiB allows, in arrays, objects and inside `data`: refused, never a stack overflow.
    @Test(arguments: [
        String(repeating: "[", count: 65_000),
        String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
        #"{"messageId":"deep","caseId":"K-DEEP","type":"plan.updated","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":"#
            + String(repeating: "[", count: 60_000),
    ])
    func deepNestingIsMalformed(body: String) {
        let bytes = Data(body.utf8)
        #expect(bytes.count <= EventDecoder.maximumBytes)
        guard case .failure(let rejected) = EventDecoder.decode(bytes) else {
            Issue.record("decoded a nested body")
            return
        }
        #expect(rejected.rejection.code == .malformed)
    }
}
