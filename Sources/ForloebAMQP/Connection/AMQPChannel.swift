/// One channel of an `AMQPConnection`: declare, publish, consume, acknowledge.
///
/// A value, `Sendable`: every method hops to the connection's thread. Deliveries must be acknowledged on the
/// channel they arrived on. A channel closed by the broker (a 404 or 406) throws `.channelClosed` from then on;
/// open a new one.
public struct AMQPChannel: Sendable {
    public let connection: AMQPConnection
    public let number: UInt16

    init(connection: AMQPConnection, number: UInt16) {
        self.connection = connection
        self.number = number
    }

    // MARK: Topology

    public func declare(_ exchange: AMQPExchange) async throws {
        try await connection.declare(exchange, channel: number)
    }

    @discardableResult
    public func declare(_ queue: AMQPQueue) async throws -> AMQPQueueStatus {
        try await connection.declare(queue, passive: false, channel: number)
    }

    /// The queue's counts, without changing it; throws `.channelClosed` / 404 when it does not exist.
    public func inspect(queue name: String) async throws -> AMQPQueueStatus {
        try await connection.declare(AMQPQueue(name), passive: true, channel: number)
    }

    public func bind(_ binding: AMQPBinding) async throws {
        try await connection.bind(binding, channel: number)
    }

    /// Declares every exchange, then every queue, then every binding. Idempotent for an unchanged topology.
    public func declare(_ topology: AMQPTopology) async throws {
        for exchange in topology.exchanges { try await declare(exchange) }
        for queue in topology.queues { try await declare(queue) }
        for binding in topology.bindings { try await bind(binding) }
    }

    /// Drops the ready messages of a queue; returns how many.
    @discardableResult
    public func purge(queue: String) async throws -> UInt32 {
        try await connection.purge(queue: queue, channel: number)
    }

    @discardableResult
    public func delete(queue: String) async throws -> UInt32 {
        try await connection.delete(queue: queue, channel: number)
    }

    public func delete(exchange: String) async throws {
        try await connection.delete(exchange: exchange, channel: number)
    }

    // MARK: Publishing

    /// Publishes `messages` in order. On a confirm channel, waits until the broker has confirmed all of them:
    /// throws `.publishNacked` if it refused any, `.unroutable` if a mandatory one matched no queue,
    /// `.timeout` if confirms did not come within `timeout`. Confirming a batch, not each message, is what
    /// makes confirmed publishing fast (one round trip per batch).
    public func publish(_ messages: [AMQPMessage], confirmTimeout: Duration = .seconds(30)) async throws {
        try await connection.publish(messages, timeout: confirmTimeout, channel: number)
    }

    public func publish(_ message: AMQPMessage, confirmTimeout: Duration = .seconds(30)) async throws {
        try await connection.publish([message], timeout: confirmTimeout, channel: number)
    }

    // MARK: Consuming

    /// basic.qos: at most `prefetchCount` unacknowledged deliveries at a time, for each consumer started on this
    /// channel afterwards (RabbitMQ applies a non-global prefetch per consumer). Call before `consume`.
    public func setPrefetch(_ prefetchCount: UInt16) async throws {
        try await connection.qos(prefetchCount: prefetchCount, channel: number)
    }

    /// Starts a consumer with manual acknowledgement; returns its tag. Deliveries arrive through `receive`.
    @discardableResult
    public func consume(
        queue: String,
        consumerTag: String = "",
        exclusive: Bool = false,
        arguments: AMQPTable = [:]
    ) async throws -> String {
        try await connection.consume(
            queue: queue, consumerTag: consumerTag, exclusive: exclusive, arguments: arguments, channel: number)
    }

    public func cancel(consumerTag: String) async throws {
        try await connection.cancel(consumerTag: consumerTag, channel: number)
    }

    /// Waits up to `timeout` for the first delivery, then also takes those already arrived, up to `max`.
    /// Returns an empty array when nothing came in time.
    ///
    /// The wait is cut into slices of at most 50 ms, each one call on the connection's thread, so that
    /// other work on the same connection (acks, publishes on other channels) runs between slices, and so
    /// that cancelling the calling task ends the wait within a slice (throwing `CancellationError`).
    public func receive(max: Int = 256, timeout: Duration) async throws -> [AMQPDelivery] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            try Task.checkCancellation()
            let slice = Swift.max(Swift.min(clock.now.duration(to: deadline), .milliseconds(50)), .zero)
            let batch = try await connection.receive(max: max, timeout: slice, channel: number)
            if !batch.isEmpty || clock.now >= deadline { return batch }
        }
    }

    /// basic.get: one message or nil, to be acknowledged like a delivery. For inspecting queues (dead letters).
    public func get(queue: String) async throws -> AMQPDelivery? {
        try await connection.get(queue: queue, channel: number)
    }

    /// Acknowledges `deliveryTag`, and with `multiple` every earlier unacknowledged delivery of this channel.
    public func ack(_ deliveryTag: UInt64, multiple: Bool = false) async throws {
        try await connection.ack(deliveryTag, multiple: multiple, channel: number)
    }

    /// Negative acknowledgement: requeue, or (requeue false) drop or dead-letter by the queue's settings.
    public func nack(_ deliveryTag: UInt64, multiple: Bool = false, requeue: Bool) async throws {
        try await connection.nack(deliveryTag, multiple: multiple, requeue: requeue, channel: number)
    }

    public func reject(_ deliveryTag: UInt64, requeue: Bool) async throws {
        try await connection.reject(deliveryTag, requeue: requeue, channel: number)
    }

    public func close() async throws {
        try await connection.closeChannel(number)
    }
}
