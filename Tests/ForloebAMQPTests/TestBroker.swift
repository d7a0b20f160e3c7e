import ForloebAMQP
import Foundation
import Testing

/// The broker the tests use: `FORLOEB_TEST_AMQP_URL` (`scripts/rabbitmq.sh url`). Unset, the broker tests are
/// skipped, unless `FORLOEB_REQUIRE_AMQP=1`, when they fail (CI must not pass by skipping).
enum TestBroker {
    static let environment = ProcessInfo.processInfo.environment
    static let urlText = environment["FORLOEB_TEST_AMQP_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = environment["FORLOEB_REQUIRE_AMQP"] == "1"
    /// The node's TLS listener (`scripts/rabbitmq.sh tls-url`); the TLS tests run only when it is set.
    static let tlsURLText = environment["FORLOEB_TEST_AMQPS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// Broker tests run when a URL is set, or when one is required (and then fail without it).
    static let enabled = urlText != nil || required

    static func url() throws -> AMQPURL {
        guard let urlText else {
            throw AMQPError(.invalidURL, "FORLOEB_REQUIRE_AMQP=1 but FORLOEB_TEST_AMQP_URL is unset")
        }
        return try AMQPURL(urlText)
    }

    static func connect() async throws -> AMQPConnection {
        try await AMQPConnection.connect(to: url())
    }

    /// A name no other test (or earlier run) uses.
    static func unique(_ prefix: String) -> String {
        "test.\(prefix).\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A fresh exchange and queue bound with `#`, deleted afterwards.
    static func withScratchQueue<Result>(
        _ prefix: String,
        queue arguments: (String) -> AMQPQueue = { AMQPQueue($0, kind: .classic) },
        _ body: (_ connection: AMQPConnection, _ channel: AMQPChannel, _ exchange: String, _ queue: String)
            async throws -> Result
    ) async throws -> Result {
        let connection = try await connect()
        let channel = try await connection.openChannel(confirms: true)
        let exchange = unique(prefix)
        let queue = unique(prefix)
        try await channel.declare(AMQPExchange(exchange, type: .topic, durable: false, autoDelete: false))
        try await channel.declare(arguments(queue))
        try await channel.bind(AMQPBinding(from: exchange, to: .queue(queue), routingKey: "#"))
        do {
            let result = try await body(connection, channel, exchange, queue)
            try await cleanUp(connection, exchange: exchange, queue: queue)
            return result
        } catch {
            try? await cleanUp(connection, exchange: exchange, queue: queue)
            throw error
        }
    }

    private static func cleanUp(_ connection: AMQPConnection, exchange: String, queue: String) async throws {
        let cleaner = try await AMQPConnection.connect(to: url())
        let channel = try await cleaner.openChannel()
        try await channel.delete(queue: queue)
        try await channel.delete(exchange: exchange)
        await cleaner.close()
        await connection.close()
    }

    /// Receives until `count` deliveries have arrived or `timeout` passes without any.
    static func receive(_ count: Int, on channel: AMQPChannel, timeout: Duration = .seconds(10)) async throws
        -> [AMQPDelivery]
    {
        var received: [AMQPDelivery] = []
        while received.count < count {
            let batch = try await channel.receive(max: count - received.count, timeout: timeout)
            if batch.isEmpty { break }
            received += batch
        }
        return received
    }
}
