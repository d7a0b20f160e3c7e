import ForloebAMQP
import ForloebStore
import Foundation

/// A batch as the consumer received it: its deliveries in order, each body already decoded.
///
/// Decoded where it is received, so that while the store applies one batch, the next is received and decoded
/// beside it (`EventConsumer.run`).
struct ReceivedBatch: Sendable {
    var deliveries: [AMQPDelivery]
    var messages: [InboundMessage]

    init(_ deliveries: [AMQPDelivery] = []) {
        self.deliveries = []
        self.messages = []
        append(deliveries)
    }

    var isEmpty: Bool { deliveries.isEmpty }

    /// Adds `more`, received after the batch's deliveries, in order.
    mutating func append(_ more: [AMQPDelivery]) {
        deliveries += more
        messages += more.map { InboundMessage(body: Data($0.body)) }
    }
}
