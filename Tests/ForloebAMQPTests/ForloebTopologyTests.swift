import ForloebAMQP
import Foundation
import Testing

@Suite struct ForloebTopologyTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Deploy/rabbitmq/*.json` are generated from the topology; regenerate with FORLOEB_WRITE_DEFINITIONS=1.
    @Test(arguments: [
        ("definitions.json", ForloebTopology()),
        ("definitions-partitioned-4.json", ForloebTopology(layout: .partitioned(count: 4))),
    ])
    func shippedDefinitionsMatchTheTopology(_ file: String, _ topology: ForloebTopology) throws {
        let path = Self.packageRoot.appendingPathComponent("Deploy/rabbitmq/\(file)")
        let generated = try topology.topology.definitionsJSON() + Data("\n".utf8)
        if ProcessInfo.processInfo.environment["FORLOEB_WRITE_DEFINITIONS"] == "1" {
            try generated.write(to: path)
        }
        let shipped = try Data(contentsOf: path)
        #expect(String(decoding: shipped, as: UTF8.self) == String(decoding: generated, as: UTF8.self))
    }

    @Test func contractNamesAreFixed() {
        let topology = ForloebTopology()
        #expect(topology.eventsExchange == "forloeb.events")
        #expect(topology.notificationsExchange == "forloeb.notifications")
        #expect(topology.deadLetterQueue == "forloeb.events.dead")
        let exchanges = Dictionary(uniqueKeysWithValues: topology.topology.exchanges.map { ($0.name, $0) })
        #expect(exchanges["forloeb.events"]?.type == .topic)
        #expect(exchanges["forloeb.events"]?.durable == true)
        #expect(exchanges["forloeb.notifications"]?.type == .topic)
        #expect(topology.topology.queues.allSatisfy { $0.durable })
    }

    @Test(arguments: [1, 2, 3, 4])
    func everyPartitionHasExactlyOneWorker(_ workers: Int) {
        let topology = ForloebTopology(layout: .partitioned(count: 4))
        let assigned = (0..<workers).flatMap { topology.queues(forWorker: $0, of: workers) }
        #expect(assigned.sorted() == topology.workerQueues.sorted())
        #expect(Set(assigned).count == assigned.count)
    }

    @Test func retryClimbsTheLadderThenGivesUp() throws {
        let topology = ForloebTopology()
        var delivery = AMQPDelivery(
            deliveryTag: 1, redelivered: false, exchange: "forloeb.events", routingKey: "case.opened", consumerTag: "",
            body: [1], properties: AMQPProperties(messageID: "m"), channel: 1)
        var keys: [String] = []
        while let message = topology.retry(delivery, from: topology.workerQueue) {
            keys.append(message.routingKey)
            #expect(message.exchange == "forloeb.events.retry")
            delivery.properties = message.properties
        }
        #expect(keys == ["1s.forloeb.events.worker", "10s.forloeb.events.worker", "60s.forloeb.events.worker"])
    }
}

@Suite(.enabled(if: TestBroker.enabled, "set FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh url)"))
struct ForloebTopologyBrokerTests {
    /// Declares `topology` under a unique prefix, runs `body`, then deletes everything it declared.
    private func withTopology(
        layout: ForloebTopology.Layout,
        kind: AMQPQueue.Kind = .quorum,
        retrySteps: [ForloebTopology.RetryStep]? = nil,
        deliveryLimit: Int? = nil,
        _ body: (ForloebTopology, AMQPChannel) async throws -> Void
    ) async throws {
        let topology = ForloebTopology(
            prefix: TestBroker.unique("forloeb"), layout: layout, queueKind: kind, retrySteps: retrySteps,
            deliveryLimit: deliveryLimit)
        let connection = try await TestBroker.connect()
        let channel = try await connection.openChannel(confirms: true)
        defer { _ = connection }
        do {
            try await topology.declare(on: channel)
            try await body(topology, channel)
        } catch {
            try? await tearDown(topology)
            await connection.close()
            throw error
        }
        try await tearDown(topology)
        await connection.close()
    }

    private func tearDown(_ topology: ForloebTopology) async throws {
        let connection = try await TestBroker.connect()
        let channel = try await connection.openChannel()
        for queue in topology.topology.queues { try await channel.delete(queue: queue.name) }
        for exchange in topology.topology.exchanges { try await channel.delete(exchange: exchange.name) }
        await connection.close()
    }

    private func event(caseID: String?, messageID: String, topology: ForloebTopology) -> AMQPMessage {
        var headers: AMQPTable = [:]
        if let caseID { headers[ForloebTopology.caseIDHeader] = .string(caseID) }
        return AMQPMessage(
            exchange: topology.eventsExchange, routingKey: "meeting.held", body: Array("{}".utf8),
            properties: AMQPProperties(
                contentType: "application/json", headers: headers, deliveryMode: .persistent, messageID: messageID),
            mandatory: true)
    }

    private func drain(_ queue: String, on channel: AMQPChannel) async throws -> [AMQPDelivery] {
        var taken: [AMQPDelivery] = []
        while let delivery = try await channel.get(queue: queue) {
            taken.append(delivery)
            try await channel.ack(delivery.deliveryTag)
        }
        return taken
    }

    @Test(arguments: [AMQPQueue.Kind.quorum, .classic])
    func declaringTheTopologyTwiceIsIdempotent(_ kind: AMQPQueue.Kind) async throws {
        for layout in [ForloebTopology.Layout.single, .partitioned(count: 4)] {
            try await withTopology(layout: layout, kind: kind) { topology, channel in
                try await topology.declare(on: channel)
                for queue in topology.topology.queues {
                    #expect(try await channel.inspect(queue: queue.name).messageCount == 0)
                }
            }
        }
    }

    /// A message that comes back unacknowledged more often than the delivery limit (each time a worker died
    /// holding it) is dead-lettered to `forloeb.events.dead` instead of being delivered for ever.
    @Test func aMessageReturnedBeyondTheDeliveryLimitIsDeadLettered() async throws {
        try await withTopology(layout: .single, deliveryLimit: 2) { topology, channel in
            try await channel.publish(event(caseID: "K-1", messageID: "poison", topology: topology))
            var deliveries = 0
            while deliveries < 10, let delivery = try await channel.get(queue: topology.workerQueue) {
                deliveries += 1
                try await channel.nack(delivery.deliveryTag, requeue: true)
            }
            #expect(deliveries == 3, "delivered once and returned up to the limit of 2, then dead-lettered")
            var dead: AMQPDelivery?
            for _ in 0..<50 where dead == nil {
                dead = try await channel.get(queue: topology.deadLetterQueue)
                if dead == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let letter = try #require(dead)
            #expect(letter.messageID == "poison")
            #expect(letter.headers["x-first-death-reason"]?.stringValue == "delivery_limit")
            #expect(letter.headers["x-first-death-queue"]?.stringValue == topology.workerQueue)
        }
    }

    @Test func theSingleLayoutRoutesEveryEventToTheWorkerQueue() async throws {
        try await withTopology(layout: .single) { topology, channel in
            try await channel.publish((0..<5).map { event(caseID: nil, messageID: "m\($0)", topology: topology) })
            let taken = try await drain(topology.workerQueue, on: channel)
            #expect(taken.map(\.messageID) == ["m0", "m1", "m2", "m3", "m4"])
        }
    }

    @Test func partitionsKeepEachCaseInOneQueueInOrderAndLoseNothing() async throws {
        try await withTopology(layout: .partitioned(count: 4)) { topology, channel in
            let cases = (0..<12).map { "K-2026-\($0)" }
            var messages: [AMQPMessage] = []
            for round in 0..<3 {
                for caseID in cases {
                    messages.append(event(caseID: caseID, messageID: "\(caseID)/\(round)", topology: topology))
                }
            }
            for index in 0..<3 {
                messages.append(event(caseID: nil, messageID: "no-case-header-\(index)", topology: topology))
            }
            try await channel.publish(messages)

            // basic.get is refused on single-active-consumer quorum queues: consume, as a worker would.
            var partitionOf: [String: Set<String>] = [:]
            var order: [String: [String]] = [:]
            var total = 0
            for queue in topology.workerQueues {
                let count = try await channel.inspect(queue: queue).messageCount
                let consumer = try await channel.connection.openChannel()
                try await consumer.consume(queue: queue)
                let deliveries = try await TestBroker.receive(Int(count), on: consumer)
                #expect(deliveries.count == Int(count))
                if let last = deliveries.last { try await consumer.ack(last.deliveryTag, multiple: true) }
                try await consumer.close()
                for delivery in deliveries {
                    total += 1
                    let caseID = delivery.headers[ForloebTopology.caseIDHeader]?.stringValue ?? "-"
                    partitionOf[caseID, default: []].insert(queue)
                    order[caseID, default: []].append(delivery.messageID ?? "")
                }
            }
            #expect(total == messages.count)
            // Every case, and the events without a caseId header, each stay in one partition.
            #expect(partitionOf["-"]?.count == 1)
            #expect(partitionOf.values.allSatisfy { $0.count == 1 })
            #expect(Set(partitionOf.values.flatMap { $0 }).count > 1)
            for caseID in cases { #expect(order[caseID] == ["\(caseID)/0", "\(caseID)/1", "\(caseID)/2"]) }
        }
    }

    @Test func aRetriedMessageWaitsAndReturnsToItsQueue() async throws {
        let quick = [ForloebTopology.RetryStep(name: "quick", milliseconds: 200)]
        try await withTopology(layout: .partitioned(count: 2), retrySteps: quick) { topology, channel in
            let queue = topology.partitionQueue(1)
            let original = AMQPDelivery(
                deliveryTag: 1, redelivered: false, exchange: topology.eventsExchange, routingKey: "meeting.held",
                consumerTag: "", body: Array("{}".utf8), properties: AMQPProperties(messageID: "retry-me"), channel: 1)
            let retry = try #require(topology.retry(original, from: queue))
            try await channel.publish(retry)
            try await channel.consume(queue: queue)
            let back = try #require(try await TestBroker.receive(1, on: channel).first)
            #expect(back.messageID == "retry-me")
            #expect(back.headers[ForloebTopology.attemptsHeader]?.intValue == 1)
            try await channel.ack(back.deliveryTag)
            #expect(try await channel.inspect(queue: topology.partitionQueue(0)).messageCount == 0)
            #expect(topology.retry(back, from: queue) == nil)
        }
    }

    @Test func deadLettersCarryCodeAndDetail() async throws {
        try await withTopology(layout: .single) { topology, channel in
            try await channel.publish(event(caseID: nil, messageID: "unreadable", topology: topology))
            let delivery = try #require(try await channel.get(queue: topology.workerQueue))
            try await channel.publish(topology.deadLetter(delivery, code: "malformed", detail: "caseId: missing"))
            try await channel.ack(delivery.deliveryTag)
            let dead = try await drain(topology.deadLetterQueue, on: channel)
            #expect(dead.count == 1)
            #expect(dead.first?.messageID == "unreadable")
            #expect(dead.first?.headers["code"] == .string("malformed"))
            #expect(dead.first?.headers["detail"] == .string("caseId: missing"))
            #expect(try await channel.inspect(queue: topology.workerQueue).messageCount == 0)
        }
    }
}
