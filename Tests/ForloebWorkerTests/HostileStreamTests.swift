import ForloebAMQP
import ForloebCore
import ForloebStore
import ForloebWorker
import Foundation
import InMemoryLogging
import Logging
import ServiceLifecycle
import Testing

/// Issue 17's hostile-input run: 10,000 messages over the real broker, most of them hostile, mixed with valid
/// cases. The worker never exits; every message is accounted for (applied, rejected with a code,
/// dead-lettered with a reason, or a duplicate); the valid cases come out exactly as the in-memory reference
/// says; and nothing shaped like a CPR number reaches a log line.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"))
struct HostileStreamTests {
    /// CPR-shaped strings planted in ids and fields; none may appear in any log line.
    static let cprShaped = ["010190-1234", "0101901234", "311299-9999"]

    /// A header table nested 3,000 levels deep, kept for the life of the process (see HostileMessageTests).
    static let deepHeaders: AMQPTable = {
        var value = AMQPFieldValue.int(1)
        for _ in 0..<3_000 { value = .table(["k": value]) }
        return ["deep": value]
    }()

    struct Message {
        var body: Data
        var deepHeaders = false
    }

    /// The stream: `valid` in order, with hostile messages between them; deterministic for a seed.
    static func stream(total: Int, seed: UInt64) -> (messages: [Message], validCases: Set<String>) {
        let valid = CaseStreamGenerator(seed: seed).stream(cases: 60).map { $0.wireJSON() }
        let validCases = Set(CaseStreamGenerator(seed: seed).stream(cases: 60).map(\.caseId))
        var random = SplitMix64(seed: seed)
        var messages: [Message] = []
        var next = 0
        var n = 0
        while messages.count < total {
            // Keep the valid events spread over the whole run.
            if next < valid.count, Int(random.next() % UInt64(total)) < valid.count + 40 {
                messages.append(Message(body: valid[next]))
                next += 1
                continue
            }
            n += 1
            messages.append(hostile(n, &random, validSoFar: Array(valid[..<next])))
        }
        messages += valid[next...].map { Message(body: $0) }
        return (messages, validCases)
    }

    static func line(_ id: String, _ caseId: String, _ type: String, _ at: String, _ data: String) -> Data {
        Data(
            #"{"messageId":"\#(id)","caseId":"\#(caseId)","type":"\#(type)","occurredAt":"\#(at)","actor":"sb-1","data":\#(data)}"#
                .utf8)
    }

    static func hostile(_ n: Int, _ random: inout SplitMix64, validSoFar: [Data]) -> Message {
        let pick = Int(random.next() % 24)
        let id = "h-\(n)"
        let caseId = "X-\(n % 97)"
        let cpr = cprShaped[n % cprShaped.count]
        switch pick {
        case 0: return Message(body: Data((0..<Int(random.next() % 200 + 1)).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
        case 1: return Message(body: Data([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE]) + Data("\(n)\"}".utf8))  // invalid UTF-8
        case 2: return Message(body: Data())
        case 3:
            let source = validSoFar.last ?? line(id, caseId, "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"withdrawn"}"#)
            return Message(body: source.prefix(Int(random.next() % UInt64(max(source.count - 1, 1)))) + Data(" \(n)".utf8))
        case 4: return Message(body: Data("[\(n),{\"messageId\":\"\(id)\"}]".utf8))
        case 5: return Message(body: Data("\(n)".utf8))
        case 6: return Message(body: Data("\"\(cpr) \(n)\"".utf8))
        case 7:
            // Over 64 KiB, rarely 1 MiB.
            let size = n % 40 == 0 ? 1 << 20 : 70_000
            return Message(body: Data(#"{"messageId":"\#(id)","pad":""#.utf8) + Data(repeating: 0x61, count: size) + Data("\"}".utf8))
        case 8: return Message(body: Data((String(repeating: "[", count: 20_000) + "\(n)").utf8))
        case 9: return Message(body: line(id, caseId, "case.opened", "2023-01-01T00:00:00Z", #"{"birthDate":"1985-05-20","municipality":"0260","origin":"citizen_request","incomeBasis":"other"}"#), deepHeaders: n % 50 == 0)
        case 10: return Message(body: line(id, caseId, "plan.updated", "2023-01-01T00:00:00Z", #"{"periodMonths":"six","goal":null}"#))
        case 11: return Message(body: line(id, caseId, "internship.extended", "2023-01-01T00:00:00Z", #"{"weeks":9223372036854775807}"#))
        case 12: return Message(body: line(id, caseId, "decision.made", "2023-01-01T00:00:00Z", #"{"outcome":"ressourceforloeb","durationMonths":-12,"startDate":"2023-02-30"}"#))
        case 13: return Message(body: line(id, caseId, "meeting.held", "9999-12-31T23:59:59-12:00", #"{"date":"9999-12-31","channel":"phone"}"#))
        case 14: return Message(body: line(id, caseId, "absence.recorded", "2023-01-01T00:00:00Z", #"{"date":"0001-01-01","reasonableCause":true}"#))
        case 15: return Message(body: Data(#"{"caseId":"\#(caseId)","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"reason":"withdrawn"},"n":\#(n)}"#.utf8))
        case 16: return Message(body: line(String(repeating: "m", count: 10_000) + "\(n)", caseId, "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"withdrawn"}"#))
        case 17: return Message(body: line(id, String(repeating: "K", count: 10_000), "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"withdrawn"}"#))
        case 18: return Message(body: line(id, "H-\\u0000-\(n)", "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"withdrawn"}"#))
        case 19: return Message(body: line("\(id)-\\u0001", caseId, "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"withdrawn"}"#))
        case 20: return Message(body: line(id, cpr, "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"withdrawn"}"#))
        case 21: return Message(body: line("\(cpr)-\(n)", caseId, "team.referred", "2023-01-01T00:00:00Z", #"{"meetingDate":"\#(cpr)"}"#))
        case 22:
            // A duplicate with a different body: the id of an event already sent, its effect must stay once.
            guard let original = validSoFar.last,
                let object = try? JSONSerialization.jsonObject(with: original) as? [String: Any],
                let originalId = object["messageId"] as? String, let originalCase = object["caseId"] as? String
            else { return Message(body: Data()) }
            return Message(body: line(originalId, originalCase, "case.closed", "2023-01-01T00:00:00Z", #"{"reason":"deceased"}"#))
        default: return Message(body: line(id, caseId, "case.reopened", "2023-01-01T00:00:00Z", "{}"))
        }
    }

    static var backends: [String] { WorkerHarness.postgresEnabled ? ["sqlite", "postgres"] : ["sqlite"] }

    @Test(arguments: backends)
    func tenThousandMessagesMostlyHostileAreEachAccountedFor(backend: String) async throws {
        let harness =
            backend == "postgres"
            ? try await WorkerHarness.postgres("hostile-stream") : try WorkerHarness("hostile-stream")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let (messages, validCases) = Self.stream(total: 10_000, seed: 17)

            // The reference: the same bytes, in the same order, through the same decoder and transition function.
            var book = CaseBook(journey: WorkerHarness.journey)
            var applied = 0
            var rejected = 0
            var deadLettered = 0
            var duplicates = 0
            for message in messages {
                switch book.ingest(message.body) {
                case .applied: applied += 1
                case .rejected(let rejection):
                    rejected += 1
                    if rejection.caseId == nil { deadLettered += 1 }
                case .duplicate: duplicates += 1
                }
            }
            #expect(applied + rejected + duplicates == messages.count)
            #expect(rejected > 7_000, "the stream is mostly hostile")

            let logs = InMemoryLogHandler()
            var logger = Logger(label: "test.worker.hostile", factory: { _ in logs })
            logger.logLevel = .trace
            let worker = Worker(
                configuration: Worker.Configuration(
                    amqp: harness.amqp, prefix: harness.prefix, queueKind: .classic, prefetch: 200, batchSize: 100,
                    schedulerInterval: .seconds(3600)),
                store: harness.store, journey: WorkerHarness.journey, clock: { WorkerHarness.now }, logger: logger)
            let exchange = harness.topology().eventsExchange
            try await harness.running([worker]) {
                for start in stride(from: 0, to: messages.count, by: 200) {
                    let batch = messages[start..<min(start + 200, messages.count)].map { message in
                        AMQPMessage(
                            exchange: exchange, routingKey: "hostile", body: [UInt8](message.body),
                            properties: AMQPProperties(
                                contentType: "application/json", headers: message.deepHeaders ? Self.deepHeaders : [:],
                                deliveryMode: .persistent))
                    }
                    try await channel.publish(batch)
                }
                _ = try await harness.waitUntilProcessed(applied + rejected, timeout: .seconds(240))
            }

            // Accounted for: every message the reference applied or rejected is processed once, the rest are duplicates.
            let counts = try await harness.store.counts()
            #expect(counts.processed == applied + rejected)
            #expect(counts.events == applied)
            #expect(counts.deadLetters == deadLettered)
            #expect(counts.rejections + counts.deadLetters >= rejected - deadLettered)
            // The valid cases are exact.
            let stored = try await harness.store.snapshots(Array(validCases))
            for caseId in validCases {
                #expect(stored[caseId] == book.cases[caseId], "\(caseId)")
            }
            // No CPR-shaped string in any log line, its message or its metadata.
            let lines = logs.entries.map { "\($0.message) \($0.metadata)" }
            for cpr in Self.cprShaped {
                #expect(!lines.contains { $0.contains(cpr) }, "a log line holds \(cpr)")
            }
        }
    }
}
