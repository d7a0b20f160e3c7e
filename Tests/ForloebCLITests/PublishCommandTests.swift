import ForloebAMQP
import ForloebTestSupport
import Foundation
import Testing

/// `forloeb publish`, run as a case system's integrator runs it.
@Suite(.blocking) struct PublishCommandTests {
    static let sample = "Workflows/examples/sample-cases.jsonl"
    static let environment = ProcessInfo.processInfo.environment
    static let brokerURL = environment["FORLOEB_TEST_AMQP_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let brokerEnabled = brokerURL != nil || environment["FORLOEB_REQUIRE_AMQP"] == "1"

    @Test func anUnreachableBrokerExits3NamingTheURLWithoutPassword() throws {
        let result = try ForloebProcess.run(
            ["publish", Self.sample], environment: ["FORLOEB_AMQP_URL": "amqp://case:s3cret@127.0.0.1:1/%2F"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("amqp://case:***@127.0.0.1:1/"))
        #expect(!result.stderr.contains("s3cret"))
    }

    @Test func noBrokerURLIsAUsageError() throws {
        let result = try ForloebProcess.run(["publish", Self.sample], environment: ["FORLOEB_AMQP_URL": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("FORLOEB_AMQP_URL"))
    }

    @Test(.enabled(if: brokerEnabled, "set FORLOEB_TEST_AMQP_URL"))
    func publishesEveryLineWithTheContractsProperties() async throws {
        let url = try #require(Self.brokerURL)
        let prefix = "test.publish.\(UUID().uuidString.prefix(8).lowercased())"
        let topology = ForloebTopology(prefix: prefix, queueKind: .classic)
        let result = try ForloebProcess.run(
            ["publish", Self.sample, "--declare", "--prefix", prefix, "--batch", "7", "--json"],
            environment: ["FORLOEB_AMQP_URL": url])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("guest:guest"))

        let lines = try String(
            contentsOfFile: ForloebProcess.repositoryRoot.appendingPathComponent(Self.sample).path, encoding: .utf8
        )
        .split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        let events = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(result.stdout.contains("\"published\" : \(lines.count)"))

        let connection = try await AMQPConnection.connect(to: try AMQPURL(url))
        let channel = try await connection.openChannel()
        var received: [AMQPDelivery] = []
        while let delivery = try await channel.get(queue: topology.workerQueue) {
            received.append(delivery)
        }
        #expect(received.count == lines.count)
        for (delivery, event) in zip(received, events) {
            #expect(delivery.messageID == event["messageId"] as? String)
            #expect(delivery.routingKey == event["type"] as? String)
            #expect(delivery.headers[ForloebTopology.caseIDHeader]?.stringValue == event["caseId"] as? String)
            #expect(delivery.properties.contentType == "application/json")
            #expect(delivery.properties.deliveryMode == .persistent)
            #expect(delivery.exchange == topology.eventsExchange)
        }
        #expect(received.first.map { String(decoding: $0.body, as: UTF8.self) } == lines.first.map(String.init))
        for queue in topology.topology.queues { try await channel.delete(queue: queue.name) }
        for exchange in topology.topology.exchanges { try await channel.delete(exchange: exchange.name) }
        await connection.close()
    }

    @Test(.enabled(if: brokerEnabled, "set FORLOEB_TEST_AMQP_URL"))
    func aMissingExchangeExits3WithAHint() throws {
        let url = try #require(Self.brokerURL)
        let result = try ForloebProcess.run(
            ["publish", Self.sample, "--prefix", "test.absent.\(UUID().uuidString.prefix(8))"],
            environment: ["FORLOEB_AMQP_URL": url])
        #expect(result.status == 3)
        #expect(result.stderr.contains("--declare"))
    }
}
