import ForloebAMQP
import Foundation

/// Removes a settled dead letter's copy from the broker's `forloeb.events.dead` queue, so that the queue
/// and the store agree on what is still open.
///
/// Only when a broker is configured (`--amqp` or `FORLOEB_AMQP_URL`): the store is the record and a
/// settlement there stands on its own. The queue is read with basic.get while every message is held
/// unacknowledged; the first whose body is byte-for-byte the dead letter's is acknowledged (removed), the
/// others are returned with a requeue, which RabbitMQ puts back in their original order.
struct DeadLetterQueueSweeper {
    var amqp: AMQPOptions
    var prefix: String

    /// `nil` when no broker is configured; else whether a matching message was found and removed.
    /// Throws `CommandFailure.unreachable` (exit 3, URL without password) when the broker cannot be reached.
    func remove(body: Data) async throws -> Bool? {
        let environment = ProcessInfo.processInfo.environment
        guard amqp.url != nil || !(environment["FORLOEB_AMQP_URL"] ?? "").isEmpty else { return nil }
        let url = try amqp.resolve()
        let connection = try await amqp.connect()
        let queue = ForloebTopology(prefix: prefix).deadLetterQueue
        do {
            let channel = try await connection.openChannel()
            let waiting = try await channel.inspect(queue: queue).messageCount
            var held: [UInt64] = []
            var removed = false
            let wanted = [UInt8](body)
            for _ in 0..<waiting {
                guard let delivery = try await channel.get(queue: queue) else { break }
                if !removed && delivery.body == wanted {
                    try await channel.ack(delivery.deliveryTag)
                    removed = true
                    break
                }
                held.append(delivery.deliveryTag)
            }
            for tag in held { try await channel.nack(tag, requeue: true) }
            try await channel.close()
            await connection.close()
            return removed
        } catch let error as AMQPError {
            await connection.close()
            throw CommandFailure.unreachable("broker \(url.redacted): \(error.message)")
        }
    }
}
