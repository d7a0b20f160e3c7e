import ForloebAMQP

/// The same publisher-and-consumer run through ForloebAMQP's actor API instead of bare librabbitmq: what the
/// transport layer costs a worker before any worker logic (`--via forloeb`).
enum LayerRun {
    static func run(url text: String, queue: String, settings: Settings) async throws -> (Duration, Duration) {
        let url = try AMQPURL(text)
        let consumerConnection = try await AMQPConnection.connect(to: url)
        let publisherConnection = try await AMQPConnection.connect(to: url)
        let consumer = try await consumerConnection.openChannel()
        try await consumer.setPrefetch(UInt16(settings.prefetch))
        try await consumer.consume(queue: queue)
        let publisher = try await publisherConnection.openChannel(confirms: true)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: settings.size)
        let message = AMQPMessage(
            exchange: "", routingKey: queue, body: body,
            properties: AMQPProperties(contentType: "application/json", deliveryMode: .persistent))
        let clock = ContinuousClock()
        let start = clock.now
        async let published: Duration = {
            var sent = 0
            while sent < settings.count {
                let count = min(settings.confirmEvery, settings.count - sent)
                try await publisher.publish(Array(repeating: message, count: count))
                sent += count
            }
            return start.duration(to: clock.now)
        }()
        var received = 0
        var unacked = 0
        while received < settings.count {
            let batch = try await consumer.receive(max: settings.prefetch, timeout: .seconds(30))
            guard let last = batch.last else { throw AMQPError(.timeout, "no delivery within 30 s") }
            received += batch.count
            unacked += batch.count
            if unacked >= settings.ackEvery || received == settings.count {
                try await consumer.ack(last.deliveryTag, multiple: true)
                unacked = 0
            }
        }
        let total = start.duration(to: clock.now)
        let publishing = try await published
        await publisherConnection.close()
        await consumerConnection.close()
        return (total, publishing)
    }
}
