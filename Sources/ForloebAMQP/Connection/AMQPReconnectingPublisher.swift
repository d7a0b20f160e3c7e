/// Publishes batches with publisher confirms, and when the connection (or its broker node) fails before the
/// broker confirmed a whole batch, reconnects, to the next node of a several-node URL, and publishes the whole
/// batch again, with growing pauses between attempts.
///
/// Why the whole batch: a batch the broker did not confirm may have been partly taken (the confirms were lost
/// with the node), and nothing says which part. Publishing it again is at-least-once; consumers recognise the
/// copies by `messageId` (forloeb's store applies a messageId once). What is confirmed is on a majority of a
/// quorum queue's nodes and survives the loss of any one.
///
/// Not retried, because another attempt would fail alike: a message returned as unroutable (no queue bound),
/// a channel closed by the broker (404 no exchange, 406 a precondition), refused credentials, a bad URL.
/// Publish one batch at a time (the actor runs one `publish` after another only between its awaits).
public actor AMQPReconnectingPublisher {
    /// The broker, with one or several nodes (its description hides the password).
    public nonisolated let url: AMQPURL
    private let options: AMQPConnectionOptions
    private let rotation: AMQPNodeRotation
    private let patience: Duration
    private let confirmTimeout: Duration
    private let initialPause: Duration
    private let maximumPause: Duration
    private var connection: AMQPConnection?
    private var channel: AMQPChannel?
    private var hasConnected = false
    /// Connections opened after the first: how often the publisher failed over or reconnected.
    public private(set) var reconnects = 0
    /// Batches published again after a failure.
    public private(set) var retriedBatches = 0

    /// - Parameters:
    ///   - patience: how long one batch may keep failing before `publish` gives up and throws the last error.
    ///   - confirmTimeout: how long to wait for a batch's confirms before treating the connection as lost.
    public init(
        url: AMQPURL, options: AMQPConnectionOptions = AMQPConnectionOptions(), rotation: AMQPNodeRotation = .shared,
        patience: Duration = .seconds(120), confirmTimeout: Duration = .seconds(30),
        initialPause: Duration = .milliseconds(100), maximumPause: Duration = .seconds(5)
    ) {
        self.url = url
        self.options = options
        self.rotation = rotation
        self.patience = patience
        self.confirmTimeout = confirmTimeout
        self.initialPause = initialPause
        self.maximumPause = maximumPause
    }

    /// The node the publisher is connected to now, if any.
    public var connectedNode: AMQPURL? { connection?.url }

    /// Publishes `messages` and returns once the broker confirmed every one of them, failing over as needed.
    public func publish(_ messages: [AMQPMessage]) async throws {
        guard !messages.isEmpty else { return }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        var pause = initialPause
        var attempt = 0
        while true {
            do {
                if attempt > 0 { retriedBatches += 1 }
                attempt += 1
                let channel = try await openChannel()
                try await channel.publish(messages, confirmTimeout: confirmTimeout)
                return
            } catch let error as AMQPError where Self.isTransient(error) {
                await dropConnection()
                guard clock.now < deadline, !Task.isCancelled else { throw error }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, maximumPause)
            } catch {
                await dropConnection()
                throw error
            }
        }
    }

    /// Closes the connection; the next `publish` opens a new one.
    public func close() async {
        await dropConnection()
    }

    private func openChannel() async throws -> AMQPChannel {
        if let channel, let connection, await connection.isOpen { return channel }
        await dropConnection()
        let opened = try await AMQPConnection.connect(to: url, options: options, rotation: rotation)
        if hasConnected { reconnects += 1 }
        hasConnected = true
        connection = opened
        let confirming = try await opened.openChannel(confirms: true)
        channel = confirming
        return confirming
    }

    private func dropConnection() async {
        if let connection { await connection.close() }
        connection = nil
        channel = nil
    }

    /// Failures a new connection (perhaps to another node) may cure.
    static func isTransient(_ error: AMQPError) -> Bool {
        switch error.code {
        case .unreachable, .connectionClosed, .timeout, .publishNacked, .library: true
        default: false
        }
    }
}
