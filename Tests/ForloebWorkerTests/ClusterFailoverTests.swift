import ForloebAMQP
import ForloebCore
import ForloebStore
import ForloebWorker
import Foundation
import Logging
import Testing

/// A 3-node RabbitMQ cluster loses a node hard (SIGKILL) while a case system publishes with confirms and two
/// workers consume: every confirmed event is applied exactly once, each case in order, no notification is
/// lost, and the node comes back into a healthy cluster (issue 17).
@Suite(
    .enabled(
        if: BrokerCluster.enabled,
        "FORLOEB_TEST_CLUSTER is not 1: this test starts its own 3-node RabbitMQ cluster (scripts/rabbitmq-cluster.sh; scripts/test.sh sets it)"
    ),
    .serialized)
struct ClusterFailoverTests {
    static func note(_ text: String) { FileHandle.standardError.write(Data("cluster test: \(text)\n".utf8)) }

    @Test func aNodeKilledMidStreamLosesDoublesAndReordersNothing() async throws {
        let cluster = try await BrokerCluster.start("failover")
        Self.note("3 nodes up on \(cluster.ports)")
        do {
            try await run(on: cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
        try? FileManager.default.removeItem(atPath: cluster.directory)
    }

    func run(on cluster: BrokerCluster) async throws {
        // Worker 1, the publisher and the test's own checks start on node 1, the node that dies; worker 2 on
        // node 2. Quorum queues declared through node 1 have their leaders there, so the kill moves them too.
        let first = try cluster.url(order: [1, 2, 3])
        let second = try cluster.url(order: [2, 3, 1])
        let harness = try WorkerHarness("cluster", amqp: first)
        // The topology the workers declare (no delivery-limit argument: that is the shipped policy's).
        let topology = ForloebTopology(prefix: harness.prefix, layout: .partitioned(count: 2), queueKind: .quorum)
        let tapQueue = harness.prefix + ".tap"

        _ = try await harness.store.migrate()
        let setup = try await AMQPConnection.connect(to: first)
        let setupChannel = try await setup.openChannel()
        try await topology.declare(on: setupChannel)
        try await setupChannel.declare(AMQPQueue(tapQueue, kind: .quorum))
        try await setupChannel.bind(
            AMQPBinding(from: topology.notificationsExchange, to: .queue(tapQueue), routingKey: "#"))
        await setup.close()

        let lines = CaseStreamGenerator(seed: 17).stream(cases: 200).map { $0.wireJSON() }
        var reference = CaseBook(journey: WorkerHarness.journey)
        for line in lines { reference.ingest(line) }
        let messages = lines.map { Self.message(for: $0, exchange: topology.eventsExchange) }
        let batches = stride(from: 0, to: messages.count, by: 25).map {
            Array(messages[$0..<min($0 + 25, messages.count)])
        }
        let killAt = batches.count / 4
        Self.note("\(lines.count) events of 200 cases in \(batches.count) batches; node 1 dies after batch \(killAt)")

        var logger = Logger(label: "test.cluster")
        logger.logLevel = .warning
        let workers = [(0, first), (1, second)].map { index, url in
            Worker(
                configuration: Worker.Configuration(
                    amqp: url, prefix: harness.prefix, workers: 2, index: index, queueKind: .quorum, prefetch: 200,
                    batchSize: 100, schedulerInterval: .seconds(3600)),
                store: harness.store, journey: WorkerHarness.journey, clock: { WorkerHarness.now }, logger: logger)
        }

        let publisher = AMQPReconnectingPublisher(url: first, patience: .seconds(90))
        let (publishedAtKill, reconnects) = try await harness.running(workers) {
            // The case system: batches of 25 with confirms, paced so that the stream lasts seconds, and node 1
            // killed (SIGKILL, in the background) while it runs. An unconfirmed batch is published again on
            // another node; its copies are duplicates the store recognises.
            var kill: Task<Int, any Error>?
            var published = 0
            for (number, batch) in batches.enumerated() {
                if number == killAt {
                    let progress = published
                    kill = Task {
                        try await cluster.kill(node: 1)
                        return progress
                    }
                }
                try await publisher.publish(batch)
                published += batch.count
                try await Task.sleep(for: .milliseconds(30))
            }
            let killedAfter = try await kill?.value ?? published
            Self.note("published and confirmed all \(published); \(await publisher.reconnects) reconnect(s)")
            let counts = try await harness.waitUntilProcessed(lines.count, timeout: .seconds(90))
            Self.note(
                "processed \(counts.processed); outbox \(counts.outboxSent) sent, \(counts.outboxPending) pending")
            return (killedAfter, await publisher.reconnects)
        }
        await publisher.close()
        #expect(publishedAtKill < lines.count, "node 1 must die mid-stream for this test to mean anything")
        #expect(reconnects >= 1, "the publisher was on node 1 and must have failed over")

        // Every confirmed event applied exactly once, each case's events in order, nothing rejected.
        let counts = try await harness.store.counts()
        #expect(counts.processed == lines.count)
        #expect(counts.events == lines.count)
        #expect(counts.rejections == 0)
        #expect(counts.deadLetters == 0)
        var mismatched: [String] = []
        for (caseId, expected) in reference.cases {
            let record = try await harness.store.caseRecord(caseId)
            if record?.snapshot != expected
                || record?.history.map(\.messageId) != (reference.history[caseId] ?? []).map(\.messageId)
            {
                mismatched.append(caseId)
            }
        }
        #expect(mismatched.isEmpty, "cases that differ from the in-memory reference: \(mismatched.prefix(10))")

        // The node comes back on its data folder and the cluster has three running nodes again.
        try await cluster.start(node: 1)
        let running = try await cluster.runningNodes()
        Self.note("after the restart: \(running)")
        #expect(running.count == 3, "running nodes: \(running)")

        // No notification lost: every outbox row was published (sent), and the tap queue on the notifications
        // exchange holds each of them at least once (a relay that lost its node may have published some twice).
        #expect(counts.outboxPending == 0)
        #expect(counts.outboxSent > 0)
        let tapped = try await Self.distinctMessageIDs(in: tapQueue, url: second, expecting: counts.outboxSent)
        #expect(tapped.count == counts.outboxSent)

        // Nothing was dead-lettered by the broker (the delivery limit is far above a failover's redeliveries).
        let check = try await AMQPConnection.connect(to: second)
        let checkChannel = try await check.openChannel()
        let dead = try await checkChannel.inspect(queue: topology.deadLetterQueue)
        #expect(dead.messageCount == 0)
        await check.close()
        try? await harness.store.close()
        try? FileManager.default.removeItem(atPath: harness.directory)
    }

    /// Reads `queue` until `expected` distinct message ids came, or nothing more arrives for a while.
    static func distinctMessageIDs(in queue: String, url: AMQPURL, expecting expected: Int) async throws
        -> Set<String>
    {
        let connection = try await AMQPConnection.connect(to: url)
        let channel = try await connection.openChannel()
        try await channel.setPrefetch(1000)
        try await channel.consume(queue: queue)
        var ids: Set<String> = []
        while ids.count < expected {
            let deliveries = try await channel.receive(max: 1000, timeout: .seconds(20))
            guard let last = deliveries.last else { break }
            for delivery in deliveries { ids.insert(delivery.properties.messageID ?? "") }
            try await channel.ack(last.deliveryTag, multiple: true)
        }
        await connection.close()
        return ids
    }

    /// A case system's message: routing key = type, persistent, messageId, and the caseId header to partition on.
    static func message(for line: Data, exchange: String) -> AMQPMessage {
        let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
        var headers: AMQPTable = [:]
        if let caseId = object?["caseId"] as? String { headers[ForloebTopology.caseIDHeader] = .string(caseId) }
        return AMQPMessage(
            exchange: exchange, routingKey: (object?["type"] as? String) ?? "unknown", body: [UInt8](line),
            properties: AMQPProperties(
                contentType: "application/json", headers: headers, deliveryMode: .persistent,
                messageID: object?["messageId"] as? String),
            mandatory: true)
    }
}
