import ForloebCore
import ForloebStore
import Foundation
import Testing

@testable import ForloebWorker

/// How a batch is split over a consumer's lanes: by case, in batch order, never a message id in two lanes.
struct CaseLanesTests {
    static func message(_ caseId: String, _ messageId: String) -> InboundMessage {
        InboundMessage(
            body: Data(
                #"{"messageId":"\#(messageId)","caseId":"\#(caseId)","type":"case.opened","occurredAt":"2026-01-05T09:00:00Z","actor":"sagsbehandler:1","payload":{}}"#
                    .utf8))
    }

    @Test func everyCaseStaysInOneLaneInBatchOrder() throws {
        let messages = (0..<200).map { Self.message("K-\($0 % 37)", "m-\($0)") }
        let parts = try #require(CaseLanes.split(messages, lanes: 3))
        #expect(parts.flatMap { $0 }.sorted() == Array(0..<200))
        for part in parts { #expect(part == part.sorted()) }
        for caseId in Set(messages.compactMap(\.caseId)) {
            let lanes = parts.indices.filter { lane in parts[lane].contains { messages[$0].caseId == caseId } }
            #expect(lanes.count == 1, "\(caseId) is in lanes \(lanes)")
        }
        #expect(parts.filter { !$0.isEmpty }.count == 3, "37 cases spread over every lane")
    }

    @Test func sequentialCaseIdsSpreadEvenlyAndStablyOverTheLanes() {
        let ids = (0..<1000).map { String(format: "K-2026-%06d", $0) }
        for lanes in [2, 3] {
            let counts = Dictionary(grouping: ids) { CaseLanes.lane(of: $0, lanes: lanes) }.mapValues(\.count)
            #expect(counts.count == lanes)
            #expect(counts.values.allSatisfy { abs($0 - 1000 / lanes) < 80 }, "\(counts)")
            // No long runs of neighbouring ids in one lane (unmixed FNV-1a made runs of five and more).
            var longest = 1
            var run = 1
            for (a, b) in zip(ids, ids.dropFirst()) {
                run = CaseLanes.lane(of: a, lanes: lanes) == CaseLanes.lane(of: b, lanes: lanes) ? run + 1 : 1
                longest = max(longest, run)
            }
            #expect(longest < 12)
        }
        // A function of the id alone (not `hashValue`, seeded per process): a case stays in its lane, and
        // its snapshot in that lane's cache, across restarts.
        #expect(CaseLanes.lane(of: "K-2026-000101", lanes: 2) == 1)
        #expect(CaseLanes.lane(of: "K-2026-000102", lanes: 2) == 0)
    }

    @Test func unreadableMessagesGoToTheFirstLane() throws {
        let unreadable = InboundMessage(body: Data("not json".utf8))
        #expect(unreadable.caseId == nil)
        let caseInLaneOne = (0..<50).map { "K-\($0)" }.first { CaseLanes.lane(of: $0, lanes: 2) == 1 }!
        let parts = try #require(CaseLanes.split([Self.message(caseInLaneOne, "a"), unreadable], lanes: 2))
        #expect(parts == [[1], [0]])
    }

    @Test func aMessageIdInTwoLanesKeepsTheBatchInOne() {
        let cases = (0..<50).map { "K-\($0)" }
        let zero = cases.first { CaseLanes.lane(of: $0, lanes: 2) == 0 }!
        let one = cases.first { CaseLanes.lane(of: $0, lanes: 2) == 1 }!
        // The same message id for two cases: which one is the duplicate depends on batch order.
        #expect(CaseLanes.split([Self.message(zero, "same"), Self.message(one, "same")], lanes: 2) == nil)
        #expect(CaseLanes.split([Self.message(zero, "same"), Self.message(zero, "same")], lanes: 2) != nil)
        #expect(CaseLanes.split([Self.message(zero, "a")], lanes: 1) == nil)
    }
}
