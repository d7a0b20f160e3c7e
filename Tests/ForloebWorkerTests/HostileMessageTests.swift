import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation
import Testing

/// Messages that once killed the worker on every redelivery (issue 17, defects 1 and 3): each must be rejected
/// with a code that names its field, and the worker must go on to the next event of the same case.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"))
struct HostileMessageTests {
    /// A header table nested 10,000 levels deep, built without recursion and kept for the life of the process,
    /// so that freeing it never recurses on a test thread's small stack.
    static let deepHeaders: AMQPTable = {
        var value = AMQPFieldValue.string("bottom")
        for _ in 0..<10_000 { value = .table(["k": value]) }
        return ["deep": value]
    }()

    static func line(_ id: String, _ type: String, at time: String, _ data: String, caseId: String = "H-1") -> Data {
        Data(
            #"{"messageId":"\#(id)","caseId":"\#(caseId)","type":"\#(type)","occurredAt":"\#(time)","actor":"sb-1","data":\#(data)}"#
                .utf8)
    }

    @Test func hugeNumbersFarDatesAndDeepHeadersAreRejectedAndTheCaseGoesOn() async throws {
        let harness = try WorkerHarness("hostile")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let opened = #"{"birthDate":"1985-05-20","municipality":"0260","origin":"citizen_request","incomeBasis":"kontanthjaelp"}"#
            let journey = [
                Self.line("h-01", "case.opened", at: "2023-01-10T09:00:00Z", opened),
                Self.line("h-02", "target_group.assessed", at: "2023-01-20T10:00:00Z", #"{"outcome":"in_target_group","reason":"x"}"#),
                Self.line("h-03", "team.referred", at: "2023-02-01T09:00:00Z", #"{"meetingDate":"2023-02-14","consideredEfforts":["mentor"]}"#),
                Self.line(
                    "h-04", "team.recommended", at: "2023-02-14T13:00:00Z",
                    #"{"recommendation":"ressourceforloeb","durationMonths":24}"#),
                // Defect 3: a decision in year 9999 whose course would end in year 10002.
                Self.line(
                    "h-05", "decision.made", at: "2023-02-20T11:00:00Z",
                    #"{"outcome":"ressourceforloeb","startDate":"9999-06-01","durationMonths":24}"#),
                Self.line(
                    "h-06", "decision.made", at: "2023-02-20T11:00:00Z",
                    #"{"outcome":"ressourceforloeb","startDate":"2023-03-01","durationMonths":24}"#),
                Self.line("h-07", "internship.started", at: "2023-03-20T08:00:00Z", #"{"startDate":"2023-03-20","weeks":13}"#),
                // Defect 1: numbers that overflowed the engine's arithmetic.
                Self.line("h-08", "internship.extended", at: "2023-04-01T08:00:00Z", #"{"weeks":9223372036854775807}"#),
                Self.line(
                    "h-09", "plan.updated", at: "2023-04-02T08:00:00Z", #"{"periodMonths":9223372036854775807,"goal":"x"}"#),
                Self.line("h-10", "plan.updated", at: "2023-04-03T08:00:00Z", #"{"periodMonths":1000000000000000,"goal":"x"}"#),
                Self.line("h-11", "plan.updated", at: "2023-04-04T08:00:00Z", #"{"periodMonths":6,"goal":"afklaring"}"#),
                // Defect 3: an instant that is year 10000 in UTC.
                Self.line("h-12", "case.opened", at: "9999-12-31T23:59:59-12:00", opened, caseId: "H-2"),
                Self.line("h-13", "internship.extended", at: "2023-06-15T10:00:00Z", #"{"weeks":13}"#),
            ]
            try await harness.running([harness.worker()]) {
                // The first event carries a header table nested 10,000 levels deep (defect 1's SIGSEGV).
                try await channel.publish([
                    AMQPMessage(
                        exchange: harness.topology().eventsExchange, routingKey: "case.opened", body: [UInt8](journey[0]),
                        properties: AMQPProperties(
                            contentType: "application/json", headers: Self.deepHeaders, deliveryMode: .persistent,
                            messageID: "h-01"))
                ])
                try await harness.publish(Array(journey.dropFirst()), on: channel)
                _ = try await harness.waitUntilProcessed(journey.count)
            }
            let record = try #require(try await harness.store.caseRecord("H-1"))
            // Every valid event applied, in order, after the hostile ones.
            #expect(record.history.map(\.messageId) == ["h-01", "h-02", "h-03", "h-04", "h-06", "h-07", "h-11", "h-13"])
            #expect(record.snapshot.state == .active)
            let details = Dictionary(
                record.rejections.map { ($0.event.messageId, $0.event.rejection) }, uniquingKeysWith: { first, _ in first })
            #expect(details["h-05"]?.code == .malformed)
            #expect(details["h-05"]?.detail.hasPrefix("data.startDate: 9999-06-01 is outside") == true)
            #expect(details["h-08"]?.code == .malformed)
            #expect(details["h-08"]?.detail == "data.weeks: must be at most 5200, got 9223372036854775807")
            #expect(details["h-09"]?.detail == "data.periodMonths: must be at most 1200, got 9223372036854775807")
            #expect(details["h-10"]?.detail == "data.periodMonths: must be at most 1200, got 1000000000000000")
            // The far instant opened nothing; the operator still finds it.
            #expect(try await harness.store.caseRecord("H-2") == nil)
            let stuck = try await StuckCaseFinder(store: harness.store, journey: WorkerHarness.journey)
                .survey(at: WorkerHarness.now)
            #expect(stuck.unreadable.isEmpty)
            let report = try await harness.store.rebuild(
                journey: WorkerHarness.journey, dryRun: true, at: WorkerHarness.now, audit: nil)
            #expect(report.unreplayable.isEmpty)
        }
    }
}
