import ForloebAMQP
import CoreMetrics
import ForloebCore
import ForloebStore
import Foundation
import Logging
import ServiceLifecycle

/// Publishes the store's pending notifications to `forloeb.notifications` with publisher confirms, and
/// marks them sent only after the broker confirmed them.
///
/// A crash between the confirm and the mark publishes those notifications again: consumers recognise the
/// copy by its deterministic `messageId` (at-least-once, never lost). Each worker runs a relay, so a second
/// worker's relay may also publish a row before the first marks it; the same ids make that harmless.
///
/// While the store is unavailable (a transient `StoreError`) the relay keeps its broker connection and asks
/// the store again with the store's backoff (0.1 s doubling to 5 s): notifications flow again within seconds of
/// the database's return, not after a broker reconnection's longer backoff.
public struct OutboxRelay: Service {
    let store: any CaseStore
    let amqp: AMQPURL
    let exchange: String
    let batchSize: Int
    let idlePoll: Duration
    let doorbell: Doorbell
    let clock: @Sendable () -> Instant
    let logger: Logger
    let metrics: WorkerMetrics
    let health: StoreHealth
    /// How long a store call under way when a graceful shutdown begins may go on before it is cancelled.
    let shutdownGrace: Duration

    public init(
        store: any CaseStore, amqp: AMQPURL, exchange: String = "forloeb.notifications", batchSize: Int = 500,
        idlePoll: Duration = .milliseconds(250), doorbell: Doorbell, clock: @escaping @Sendable () -> Instant,
        logger: Logger, metrics: WorkerMetrics, health: StoreHealth? = nil, shutdownGrace: Duration = .seconds(5)
    ) {
        self.shutdownGrace = shutdownGrace
        self.health = health ?? StoreHealth(store: store.url, logger: logger, metrics: metrics)
        self.store = store
        self.amqp = amqp
        self.exchange = exchange
        self.batchSize = batchSize
        self.idlePoll = idlePoll
        self.doorbell = doorbell
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    public func run() async throws {
        var backoff = Backoff()
        while !Task.isCancelled {
            var connection: AMQPConnection?
            do {
                let open = try await AMQPConnection.connect(to: amqp)
                connection = open
                let channel = try await open.openChannel(confirms: true)
                backoff.reset()
                logger.info("outbox relay connected", metadata: ["amqp": "\(open.url)"])
                var storeBackoff = Backoff.store
                var storeDown = false
                while !Task.isCancelled {
                    let published: Int
                    do {
                        // A store call that cannot end must not hold up the shutdown (`cancelAfterGracefulShutdown`).
                        published = try await cancelAfterGracefulShutdown(grace: shutdownGrace) {
                            try await publishPending(on: channel)
                        }
                    } catch let error as StoreError where error.isTransient {
                        storeDown = true
                        await health.unavailable("outbox relay", error)
                        // What is committed stays in the outbox; the next start publishes it.
                        if Task.isShuttingDownGracefully { break }
                        let delay = storeBackoff.next()
                        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                        metrics.storeReconnects.increment()
                        continue
                    }
                    if storeDown {
                        storeDown = false
                        storeBackoff.reset()
                        await health.available("outbox relay")
                    }
                    // After the consumers stopped (shutdown runs in reverse order), drain to empty, then leave.
                    if Task.isShuttingDownGracefully {
                        if published == 0 { break }
                        continue
                    }
                    // A short read took everything committed before it. This worker's consumers and scheduler
                    // ring the doorbell after committing (it remembers a ring), so asking the store again at once
                    // would only find nothing: one query per batch saved. Rows from elsewhere (another worker's
                    // relay is theirs to publish; an operator's replay) wait at most `idlePoll`.
                    if published < batchSize { await doorbell.wait(timeout: idlePoll) }
                }
                await open.close()
                return
            } catch {
                if let connection { await connection.close() }
                if Task.isShuttingDownGracefully || Task.isCancelled { return }
                metrics.reconnects.increment()
                let delay = backoff.next()
                logger.warning(
                    "outbox relay lost the broker or the store; reconnecting",
                    metadata: ["error": "\(error)", "retryIn": "\(delay)"])
                // Wait, but not through a graceful shutdown.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            }
        }
    }

    /// Publishes one batch of pending notifications; returns how many.
    public func publishPending(on channel: AMQPChannel) async throws -> Int {
        let pending = try await store.pendingOutbox(limit: batchSize)
        guard let oldest = pending.first else { return 0 }
        let now = clock()
        metrics.outboxLag.recordSeconds(Double(max(0, now.secondsSinceEpoch - oldest.createdAt.secondsSinceEpoch)))
        let messages = pending.map { row in
            AMQPMessage(
                exchange: exchange, routingKey: row.routingKey, body: [UInt8](row.body),
                properties: AMQPProperties(
                    contentType: "application/json", deliveryMode: .persistent, messageID: row.messageId,
                    timestamp: UInt64(max(0, row.createdAt.secondsSinceEpoch)), appID: "forloeb"))
        }
        try await channel.publish(messages)
        try await store.markSent(pending.map(\.id), at: clock())
        metrics.notificationsPublished.increment(by: pending.count)
        return pending.count
    }
}
