import ForloebAMQP
import Foundation
import Testing

@Suite(.enabled(if: TestBroker.enabled, "set FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh url)"))
struct AMQPConnectionTests {
    private func event(_ index: Int, exchange: String) -> AMQPMessage {
        AMQPMessage(
            exchange: exchange, routingKey: "case.opened",
            body: Array(#"{"messageId":"m-\#(index)","n":\#(index)}"#.utf8),
            properties: AMQPProperties(
                contentType: "application/json", headers: ["caseId": .string("K-\(index)"), "attempt": 3],
                deliveryMode: .persistent, messageID: "m-\(index)"),
            mandatory: true)
    }

    @Test func publishesWithConfirmsAndConsumesWithAcksPreservingTheMessage() async throws {
        try await TestBroker.withScratchQueue("roundtrip") { connection, channel, exchange, queue in
            let messages = (0..<250).map { event($0, exchange: exchange) }
            for batch in stride(from: 0, to: messages.count, by: 100) {
                try await channel.publish(Array(messages[batch..<min(batch + 100, messages.count)]))
            }
            #expect(try await channel.inspect(queue: queue).messageCount == 250)

            let consumer = try await connection.openChannel()
            try await consumer.setPrefetch(300)
            try await consumer.consume(queue: queue)
            let received = try await TestBroker.receive(250, on: consumer)
            #expect(received.count == 250)
            #expect(received.map(\.messageID) == messages.map(\.properties.messageID))
            let first = try #require(received.first)
            #expect(first.body == messages[0].body)
            #expect(first.routingKey == "case.opened")
            #expect(first.exchange == exchange)
            #expect(first.properties.contentType == "application/json")
            #expect(first.properties.deliveryMode == .persistent)
            #expect(first.headers["caseId"] == .string("K-0"))
            #expect(first.headers["attempt"]?.intValue == 3)
            #expect(!first.redelivered)
            #expect(first.channel == consumer.number)
            try await consumer.ack(try #require(received.last).deliveryTag, multiple: true)
            try await consumer.close()
            #expect(try await channel.inspect(queue: queue).messageCount == 0)
        }
    }

    @Test func respectsThePrefetchWindow() async throws {
        try await TestBroker.withScratchQueue("prefetch") { connection, channel, exchange, queue in
            try await channel.publish((0..<20).map { event($0, exchange: exchange) })
            let consumer = try await connection.openChannel()
            try await consumer.setPrefetch(5)
            try await consumer.consume(queue: queue)
            let window = try await TestBroker.receive(20, on: consumer, timeout: .seconds(2))
            #expect(window.count == 5)
            // Acking two opens the window by two.
            try await consumer.ack(window[1].deliveryTag, multiple: true)
            let next = try await TestBroker.receive(20, on: consumer, timeout: .seconds(2))
            #expect(next.count == 2)
            #expect(next.map(\.messageID) == ["m-5", "m-6"])
        }
    }

    @Test func aNackedMessageIsDeadLetteredWithXDeathHeaders() async throws {
        let deadExchange = TestBroker.unique("dlx")
        let deadQueue = TestBroker.unique("dead")
        let setup = try await TestBroker.connect()
        let admin = try await setup.openChannel()
        try await admin.declare(AMQPExchange(deadExchange, type: .fanout, durable: false))
        try await admin.declare(AMQPQueue(deadQueue, kind: .classic))
        try await admin.bind(AMQPBinding(from: deadExchange, to: .queue(deadQueue), routingKey: ""))
        try await TestBroker.withScratchQueue(
            "nack", queue: { AMQPQueue($0, kind: .classic, deadLetterExchange: deadExchange) }
        ) { connection, channel, exchange, queue in
            try await channel.publish([event(1, exchange: exchange)])
            let consumer = try await connection.openChannel()
            try await consumer.consume(queue: queue)
            let delivery = try #require(try await TestBroker.receive(1, on: consumer).first)
            try await consumer.nack(delivery.deliveryTag, requeue: false)

            let inspector = try await connection.openChannel()
            var dead: AMQPDelivery?
            for _ in 0..<50 where dead == nil {
                dead = try await inspector.get(queue: deadQueue)
                if dead == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let letter = try #require(dead)
            #expect(letter.messageID == "m-1")
            #expect(letter.headers["caseId"] == .string("K-1"))
            #expect(letter.headers["x-first-death-reason"]?.stringValue == "rejected")
            #expect(letter.headers["x-first-death-queue"]?.stringValue == queue)
            guard case .array(let deaths)? = letter.headers["x-death"], case .table(let death)? = deaths.first else {
                Issue.record("no x-death array of tables: \(letter.headers)")
                return
            }
            #expect(death["reason"]?.stringValue == "rejected")
            #expect(death["count"]?.intValue == 1)
            try await inspector.ack(letter.deliveryTag)
        }
        _ = try await admin.delete(queue: deadQueue)
        try await admin.delete(exchange: deadExchange)
        await setup.close()
    }

    @Test func anUnackedMessageIsRedeliveredAfterItsConsumersConnectionCloses() async throws {
        try await TestBroker.withScratchQueue("redeliver") { connection, channel, exchange, queue in
            try await channel.publish([event(7, exchange: exchange)])
            let first = try await TestBroker.connect()
            let firstChannel = try await first.openChannel()
            try await firstChannel.consume(queue: queue)
            let taken = try #require(try await TestBroker.receive(1, on: firstChannel).first)
            #expect(!taken.redelivered)
            await first.close()

            let consumer = try await connection.openChannel()
            try await consumer.consume(queue: queue)
            let again = try #require(try await TestBroker.receive(1, on: consumer).first)
            #expect(again.messageID == "m-7")
            #expect(again.redelivered)
            try await consumer.ack(again.deliveryTag)
        }
    }

    @Test func aRejectedMessageWithRequeueComesBackRedelivered() async throws {
        try await TestBroker.withScratchQueue("reject") { connection, channel, exchange, queue in
            try await channel.publish([event(3, exchange: exchange)])
            let consumer = try await connection.openChannel()
            try await consumer.consume(queue: queue)
            let first = try #require(try await TestBroker.receive(1, on: consumer).first)
            try await consumer.reject(first.deliveryTag, requeue: true)
            let again = try #require(try await TestBroker.receive(1, on: consumer).first)
            #expect(again.messageID == "m-3")
            #expect(again.redelivered)
            try await consumer.ack(again.deliveryTag)
        }
    }

    @Test func anUnroutableMandatoryMessageFailsThePublish() async throws {
        try await TestBroker.withScratchQueue("unroutable") { connection, channel, exchange, queue in
            let stray = AMQPMessage(
                exchange: "",
                routingKey: TestBroker.unique("no-such-queue"), body: [1, 2, 3],
                properties: AMQPProperties(messageID: "stray-1"), mandatory: true)
            let error = await #expect(throws: AMQPError.self) { try await channel.publish([stray]) }
            #expect(error?.code == .unroutable)
            #expect(error?.message.contains("stray-1") == true)
            // The channel stays usable after a return.
            try await channel.publish([event(1, exchange: exchange)])
            #expect(try await channel.inspect(queue: queue).messageCount == 1)
        }
    }

    /// A full queue with `x-overflow: reject-publish` makes the broker nack: the batch's publish throws.
    @Test func aNackedPublishFailsTheBatchNamingTheMessage() async throws {
        try await TestBroker.withScratchQueue(
            "nacked",
            queue: {
                AMQPQueue($0, kind: .classic, extraArguments: ["x-max-length": 1, "x-overflow": "reject-publish"])
            }
        ) { connection, channel, exchange, queue in
            try await channel.publish([event(1, exchange: exchange)])
            let error = await #expect(throws: AMQPError.self) {
                try await channel.publish([event(2, exchange: exchange), event(3, exchange: exchange)])
            }
            #expect(error?.code == .publishNacked)
            #expect(error?.message.contains("m-2") == true)
            #expect(error?.message.contains("m-3") == true)
            #expect(try await channel.inspect(queue: queue).messageCount == 1)
            // Confirms go on after a nack.
            _ = try await channel.purge(queue: queue)
            try await channel.publish([event(4, exchange: exchange)])
            #expect(try await channel.inspect(queue: queue).messageCount == 1)
        }
    }

    @Test func aConflictingDeclarationClosesTheChannelNotTheConnection() async throws {
        try await TestBroker.withScratchQueue("conflict") { connection, channel, exchange, queue in
            let other = try await connection.openChannel()
            let error = await #expect(throws: AMQPError.self) {
                try await other.declare(AMQPQueue(queue, kind: .classic, messageTTLMilliseconds: 5))
            }
            #expect(error?.code == .channelClosed)
            #expect(error?.replyCode == 406)
            await #expect(throws: AMQPError.self) { try await other.declare(AMQPQueue(queue, kind: .classic)) }
            // The connection and its other channels go on.
            #expect(await connection.isOpen)
            try await channel.publish([event(1, exchange: exchange)])
            let fresh = try await connection.openChannel()
            #expect(try await fresh.inspect(queue: queue).messageCount == 1)
        }
    }

    @Test func aMissingQueueIsChannelClosed404() async throws {
        let connection = try await TestBroker.connect()
        let channel = try await connection.openChannel()
        let error = await #expect(throws: AMQPError.self) {
            try await channel.inspect(queue: TestBroker.unique("missing"))
        }
        #expect(error?.replyCode == 404)
        await connection.close()
    }

    @Test func negotiatesHeartbeats() async throws {
        var url = try TestBroker.url()
        url.heartbeat = 7
        let connection = try await AMQPConnection.connect(to: url)
        #expect(await connection.heartbeat == 7)
        await connection.close()
        #expect(await !connection.isOpen)
    }

    /// With an 8 s heartbeat the broker closes a connection that stays silent for about 16 s; the connection's
    /// own thread must keep heartbeats flowing while nobody calls it, through 20 s of idleness. (Not 1, 3 or
    /// 5 s: while the whole suite runs on a 2-core machine a thread can wait seconds for a core, and a short
    /// heartbeat then misses its beat for reasons that are not the code's.)
    @Test func anIdleConnectionStaysOpenThroughHeartbeats() async throws {
        var url = try TestBroker.url()
        url.heartbeat = 8
        let connection = try await AMQPConnection.connect(to: url)
        let channel = try await connection.openChannel()
        try await Task.sleep(for: .seconds(20))
        let queue = TestBroker.unique("heartbeat")
        try await channel.declare(AMQPQueue(queue, kind: .classic, autoDelete: true))
        #expect(try await channel.inspect(queue: queue).consumerCount == 0)
        try await channel.delete(queue: queue)
        await connection.close()
    }

    @Test func cancellingAWaitingReceiveEndsIt() async throws {
        try await TestBroker.withScratchQueue("cancel") { connection, _, _, queue in
            let consumer = try await connection.openChannel()
            try await consumer.consume(queue: queue)
            let waiting = Task { try await consumer.receive(timeout: .seconds(3600)) }
            try await Task.sleep(for: .milliseconds(200))
            waiting.cancel()
            await #expect(throws: CancellationError.self) { try await waiting.value }
            // The connection is still usable afterwards.
            #expect(try await consumer.receive(timeout: .milliseconds(10)).isEmpty)
        }
    }

    @Test func wrongCredentialsAreAuthenticationFailed() async throws {
        var url = try TestBroker.url()
        url = try AMQPURL(
            "amqp://guest:wrong-password@\(url.host):\(url.port)/\(url.vhost == "/" ? "%2F" : url.vhost)")
        let error = await #expect(throws: AMQPError.self) { try await AMQPConnection.connect(to: url) }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.description.contains("wrong-password") == false)
    }

    @Test func anUnreachableBrokerIsUnreachableAndNamesTheURLWithoutPassword() async throws {
        // Port 1 on loopback: nothing listens there.
        let url = try AMQPURL("amqp://guest:topsecret@127.0.0.1:1/%2F")
        let error = await #expect(throws: AMQPError.self) { try await AMQPConnection.connect(to: url) }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("127.0.0.1:1") == true)
        #expect(error?.message.contains("topsecret") == false)
    }

    @Test func aClosedConnectionThrowsConnectionClosed() async throws {
        let connection = try await TestBroker.connect()
        let channel = try await connection.openChannel()
        await connection.close()
        let error = await #expect(throws: AMQPError.self) { try await channel.inspect(queue: "x") }
        #expect(error?.code == .connectionClosed)
    }
}
