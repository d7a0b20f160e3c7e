import ForloebAMQP
import ForloebTestSupport
import Foundation
import Testing

/// Settling a dead letter with a broker configured also removes its copy from `forloeb.events.dead`, and
/// leaves every other message there, in order.
@Suite(.blocking) struct DeadLetterQueueTests {
    static let environment = ProcessInfo.processInfo.environment
    static let brokerURL = environment["FORLOEB_TEST_AMQP_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let brokerEnabled = brokerURL != nil || environment["FORLOEB_REQUIRE_AMQP"] == "1"
    /// The sample's one message with no readable case id, byte for byte as stored.
    static let broken = #"{"messageId":"broken-1","type":"case.opened","occurredAt":"2024-01-01T10:00:00Z"}"#

    @Test(.enabled(if: brokerEnabled, "set FORLOEB_TEST_AMQP_URL"))
    func droppingADeadLetterRemovesItsCopyFromTheDeadQueueOnly() async throws {
        let url = try #require(Self.brokerURL)
        let prefix = "test.dead.\(UUID().uuidString.prefix(8).lowercased())"
        let topology = ForloebTopology(prefix: prefix, queueKind: .classic)
        let connection = try await AMQPConnection.connect(to: try AMQPURL(url))
        let channel = try await connection.openChannel(confirms: true)
        try await channel.declare(topology.topology)
        let bodies = [#"{"other":1}"#, Self.broken, #"{"other":2}"#]
        try await channel.publish(
            bodies.map { AMQPMessage(exchange: topology.deadLetterExchange, routingKey: "", body: Array($0.utf8)) })

        let store = try OperatorStore()
        defer { store.remove() }
        #expect(try store.run(["import", "Workflows/examples/sample-cases.jsonl"]).status == 0)
        let drop = try ForloebProcess.run(
            ["dead-letters", "drop", "1", "--operator", "op-7", "--reason", "vendor test message", "--prefix", prefix],
            environment: store.environment.merging(["FORLOEB_AMQP_URL": url]) { $1 })
        #expect(drop.status == 0, "\(drop.stderr)")
        #expect(drop.stdout.contains("removed its copy from \(prefix).events.dead"))

        var left: [String] = []
        while let delivery = try await channel.get(queue: topology.deadLetterQueue) {
            left.append(String(decoding: delivery.body, as: UTF8.self))
            try await channel.ack(delivery.deliveryTag)
        }
        #expect(left == [bodies[0], bodies[2]])
        for queue in topology.topology.queues { try await channel.delete(queue: queue.name) }
        for exchange in topology.topology.exchanges { try await channel.delete(exchange: exchange.name) }
        await connection.close()
    }

    @Test func anUnreachableBrokerExitsThreeAfterTheStoreSettled() throws {
        let store = try OperatorStore()
        defer { store.remove() }
        #expect(try store.run(["import", "Workflows/examples/sample-cases.jsonl"]).status == 0)
        let drop = try ForloebProcess.run(
            ["dead-letters", "drop", "1", "--operator", "op-7", "--reason", "x"],
            environment: store.environment.merging(["FORLOEB_AMQP_URL": "amqp://case:s3cret@127.0.0.1:1/%2F"]) { $1 })
        #expect(drop.status == 3)
        #expect(drop.stderr.contains("127.0.0.1:1"))
        #expect(!drop.stderr.contains("s3cret"))
        // The store's settlement stands: the record is the store.
        let letters = try #require(try store.json(["dead-letters", "list", "--all"])["deadLetters"] as? [[String: Any]])
        #expect(letters.first?["resolution"] as? String == "dropped")
    }
}
