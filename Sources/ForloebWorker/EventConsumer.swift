import CoreMetrics
import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation
import Logging
import ServiceLifecycle

/// Consumes case events from the worker's queue, applies them through the store in batches, and
/// acknowledges them only after the batch committed.
///
/// Per batch: one store transaction per lane (idempotent by messageId, so a redelivery after a crash changes
/// nothing), then dead letters for messages tied to no case (published with confirms to
/// `forloeb.events.dead`, code and detail in headers), then one multiple-ack. Behind its queue, the consumer
/// plans each batch while the store commits the one before (`EventStore.plan(_:journey:at:after:)`).
///
/// When the store is unavailable (a transient `StoreError`: connection lost or refused, server restarting,
/// read-only, a lock timeout), the consumer holds the batch unacknowledged and applies what did not commit
/// again, in place, with backoff, until it commits (`EventConsumer+StoreOutage.swift`): a case's events stay in
/// order, and nothing else is consumed meanwhile. Any other store failure is judged to be the batch's: what
/// did not commit goes to the retry queues (growing TTLs, dead-lettered back to `forloeb.events`) and is
/// acked, so it never becomes a hot loop and no message is lost. After the last retry it is a `retry_exhausted`
/// dead letter, in the store and the queue alike (`retriesExhausted`).
public struct EventConsumer: Service {
    public struct Settings: Sendable {
        public var queue: String
        public var prefetch: UInt16
        public var batchSize: Int
        public var batchWindow: Duration
        public var topology: ForloebTopology

        public init(
            queue: String, prefetch: UInt16 = 2000, batchSize: Int = 1000, batchWindow: Duration = .milliseconds(20),
            topology: ForloebTopology
        ) {
            self.queue = queue
            self.prefetch = prefetch
            self.batchSize = batchSize
            self.batchWindow = batchWindow
            self.topology = topology
        }
    }

    let store: any CaseStore
    /// How many transactions a batch is applied in at once, its cases split among them (`CaseLanes`): each
    /// takes a connection of its own from the store's pool (PostgreSQL); 1 for SQLite, which has one writer.
    let lanes: Int
    let journey: Journey
    let amqp: AMQPURL
    let settings: Settings
    let doorbell: Doorbell
    let activity: Activity
    let clock: @Sendable () -> Instant
    let logger: Logger
    let metrics: WorkerMetrics
    let health: StoreHealth
    /// How long a store call under way when a graceful shutdown begins may go on before it is cancelled.
    let shutdownGrace: Duration

    public init(
        store: any CaseStore, lanes: Int = 1, journey: Journey, amqp: AMQPURL, settings: Settings,
        doorbell: Doorbell, activity: Activity = Activity(), clock: @escaping @Sendable () -> Instant, logger: Logger,
        metrics: WorkerMetrics, health: StoreHealth? = nil, shutdownGrace: Duration = .seconds(5)
    ) {
        self.health = health ?? StoreHealth(store: store.url, logger: logger, metrics: metrics)
        self.shutdownGrace = shutdownGrace
        self.activity = activity
        self.store = store
        self.lanes = max(1, lanes)
        self.journey = journey
        self.amqp = amqp
        self.settings = settings
        self.doorbell = doorbell
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    public func run() async throws {
        var backoff = Backoff()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var connection: AMQPConnection?
            do {
                let open = try await AMQPConnection.connect(to: amqp)
                connection = open
                let channel = try await open.openChannel()
                let publisher = try await open.openChannel(confirms: true)
                try await settings.topology.declare(on: channel)
                try await channel.setPrefetch(settings.prefetch)
                let tag = try await channel.consume(queue: settings.queue)
                backoff.reset()
                logger.info("consuming", metadata: ["queue": "\(settings.queue)", "amqp": "\(amqp)"])
                var held = 0
                var ready = try await nextBatch(channel)
                // `ready` planned while the batch before it committed (a full batch only), or nil.
                var planned: PlannedBatch?
                while !Task.isShuttingDownGracefully && !Task.isCancelled && held == 0 {
                    guard !ready.isEmpty else {
                        ready = try await nextBatch(channel)
                        continue
                    }
                    guard ready.deliveries.count >= batchCapacity else {
                        // Keeping up: the next batch is what arrives meanwhile, received afterwards (received
                        // beside this one, it would be cut short by the batch window: more, smaller batches).
                        held = try await handle(ready, channel: channel, publisher: publisher).held
                        ready = ReceivedBatch()
                        continue
                    }
                    // Behind (a full batch): the next is received, decoded and, when full, planned while the store
                    // commits this one, on the other core, instead of after the commit. It is committed only once
                    // this one is acknowledged, so a case's events keep their order; when this one is held or
                    // fails, the next goes back to the queue unacknowledged with the connection, or is planned
                    // again from what the store holds.
                    let current = if let planned { planned } else { await plan(ready, after: nil) }
                    async let following = nextBatch(channel, plannedAfter: current)
                    let handled = try await handle(ready, planned: current, channel: channel, publisher: publisher)
                    held = handled.held
                    (ready, planned) = try await following
                    if !handled.committed { planned = nil }
                    // Topped up with what arrived while the rest of this batch was applied: the receive above
                    // stops waiting after the batch window, and a commit can take longer. (Only a full batch is
                    // planned ahead, so this one has no plan.)
                    let room = batchCapacity - ready.deliveries.count
                    if held == 0 && room > 0 && !ready.isEmpty {
                        ready.append(try await channel.receive(max: room, timeout: .zero))
                    }
                }
                // Graceful shutdown: stop new deliveries, finish what already arrived, then leave.
                metrics.consumersDraining.record(1)
                if held == 0 && !ready.isEmpty {
                    held = try await handle(ready, planned: planned, channel: channel, publisher: publisher).held
                    ready = ReceivedBatch()
                }
                if held == 0 {
                    try await channel.cancel(consumerTag: tag)
                    let rest = try await channel.receive(max: Int(settings.prefetch), timeout: .milliseconds(50))
                    if !rest.isEmpty {
                        held = try await handle(ReceivedBatch(rest), channel: channel, publisher: publisher).held
                    }
                }
                held += ready.deliveries.count
                // Closing the connection hands whatever is unacknowledged back to the broker, in queue order.
                await open.close()
                if held > 0 {
                    logger.warning(
                        "consumer stopped while the store is unavailable; its unacknowledged batch goes back to the queue",
                        metadata: ["queue": "\(settings.queue)", "messages": "\(held)"])
                } else {
                    logger.info("consumer drained and stopped")
                }
                return
            } catch {
                if let connection { await connection.close() }
                if Task.isCancelled { return }
                metrics.reconnects.increment()
                let delay = backoff.next()
                logger.warning(
                    "consumer lost the broker; unacked deliveries will be redelivered; reconnecting",
                    metadata: ["error": "\(error)", "retryIn": "\(delay)"])
                // Wait, but not through a graceful shutdown.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            }
        }
    }

    /// The most a batch can hold: `batchSize`, or `prefetch` if smaller, as the broker sends no more than
    /// `prefetch` ahead of the acks.
    var batchCapacity: Int { Swift.min(settings.batchSize, Int(settings.prefetch)) }

    /// The next batch: the deliveries that arrived, waiting up to `batchWindow` for the first.
    ///
    /// When a twentieth of a batch or more came at once (the worker is behind the case systems), it also waits
    /// up to `batchWindow` for the batch to fill to `batchCapacity`. A batch's fixed cost (the store's round trips
    /// and commit, the ack, the relay's publish and mark) is then shared by more events, which leaves more of
    /// the machine to the broker and the database when they share it: with two PostgreSQL workers on two cores,
    /// their CPU per event fell by a third. At a trickle a batch is a few events, applied at once, because
    /// filling there would only add latency.
    func nextBatch(_ channel: AMQPChannel) async throws -> ReceivedBatch {
        var deliveries = try await channel.receive(max: settings.batchSize, timeout: settings.batchWindow)
        // Below 40 a twentieth is one or two events, no sign of falling behind: such small batches never wait.
        let full = batchCapacity
        guard full >= 40, deliveries.count >= full / 20 else { return ReceivedBatch(deliveries) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: settings.batchWindow)
        while deliveries.count < full, clock.now < deadline, !Task.isShuttingDownGracefully {
            try await Task.sleep(for: .milliseconds(2))
            deliveries += try await channel.receive(max: full - deliveries.count, timeout: .zero)
        }
        return ReceivedBatch(deliveries)
    }

    /// The next batch, and its plan made after `current` (`EventStore.plan(_:journey:at:after:)`) when it is
    /// full: a batch that is not is topped up once `current` commits.
    func nextBatch(_ channel: AMQPChannel, plannedAfter current: PlannedBatch?) async throws
        -> (ReceivedBatch, PlannedBatch?)
    {
        let batch = try await nextBatch(channel)
        guard let current, batch.deliveries.count >= batchCapacity else { return (batch, nil) }
        return (batch, await plan(batch, after: current))
    }

    /// `batch` planned after `previous`, or nil: with lanes (each lane plans its own part), on a store that does
    /// not plan ahead (`EventStore.plansAhead`: SQLite), or when planning failed. The batch is then applied as
    /// usual, which meets that failure again and deals with it.
    func plan(_ batch: ReceivedBatch, after previous: PlannedBatch?) async -> PlannedBatch? {
        guard lanes == 1, store.plansAhead else { return nil }
        return try? await store.plan(batch.messages, journey: journey, at: clock(), after: previous)
    }

    /// Applies one batch (committing `planned`, its plan, if there is one) and acknowledges it. Returns how many
    /// deliveries it left unacknowledged (0, or all of them when a graceful shutdown began while the store was
    /// unavailable: the caller then closes the connection, and the broker delivers them again), and whether every
    /// message committed, so that a batch planned after this one can be committed as planned. Throws only for
    /// broker failures (then nothing was acked and the broker redelivers; the store dedupes what was already
    /// committed).
    func handle(_ batch: ReceivedBatch, planned: PlannedBatch? = nil, channel: AMQPChannel, publisher: AMQPChannel)
        async throws -> (held: Int, committed: Bool)
    {
        let (deliveries, messages) = (batch.deliveries, batch.messages)
        guard let last = deliveries.last else { return (0, true) }
        await activity.touch()
        let started = ContinuousClock.now
        guard let (outcomes, failure) = await applyHolding(messages, planned: planned) else {
            return (deliveries.count, false)
        }
        if let failure {
            logger.error(
                "store failed; sending the messages it did not commit to the retry queues",
                metadata: [
                    "error": "\(failure)", "store": "\(store.url)",
                    "messages": "\(outcomes.filter { $0 == nil }.count)",
                ])
        }
        var retry: [AMQPMessage] = []
        var dead: [AMQPMessage] = []
        var exhausted: [AMQPDelivery] = []
        for (outcome, delivery) in zip(outcomes, deliveries) {
            switch outcome {
            case nil:
                if let next = settings.topology.retry(delivery, from: settings.queue) {
                    retry.append(next)
                } else {
                    exhausted.append(delivery)
                }
            case .applied?: metrics.eventsApplied.increment()
            case .duplicate?: metrics.eventsDuplicate.increment()
            case .rejected(let rejected)?:
                metrics.eventsRejected.increment()
                if rejected.caseId == nil { dead.append(deadLetter(delivery, rejected)) }
            }
        }
        if !exhausted.isEmpty {
            let (letters, again) = await retriesExhausted(exhausted)
            dead += letters
            retry += again
        }
        // Acked only once the retry copies and dead letters are confirmed: nothing is lost if the broker fails
        // meanwhile (a redelivered message the store committed is a duplicate; one it did not is applied then).
        if !retry.isEmpty {
            try await publisher.publish(retry)
            metrics.eventsRetried.increment(by: retry.count)
        }
        if !dead.isEmpty {
            try await publisher.publish(dead)
            metrics.eventsDeadLettered.increment(by: dead.count)
        }
        try await channel.ack(last.deliveryTag, multiple: true)
        if retry.count < deliveries.count { await doorbell.ring() }
        metrics.batchSize.record(deliveries.count)
        metrics.batchLatency.recordNanoseconds(Int64((ContinuousClock.now - started) / .nanoseconds(1)))
        return (0, failure == nil && !outcomes.contains { $0 == nil })
    }

    /// Applies a batch: in one transaction, or split by case over the lanes (`CaseLanes`), each part in a
    /// transaction of its own, all at once on the store's pool. A part that failed leaves its messages' outcomes `nil` and reports its error (a
    /// transient one first, so that the batch is held); the other parts committed, and their outcomes count as
    /// usual.
    ///
    /// A batch planned ahead (`planned`) is committed as planned; when it was planned on a state that has moved
    /// since (a `conflict`), it is planned again and applied as usual.
    func apply(_ messages: [InboundMessage], planned: PlannedBatch? = nil) async
        -> (outcomes: [ApplyOutcome?], failure: (any Error)?)
    {
        if let planned {
            do {
                return (try await store.commit(planned), nil)
            } catch let error as StoreError where error.code == .conflict {
                // Planned on a state that moved: applied below from what the store holds now.
            } catch {
                return ([ApplyOutcome?](repeating: nil, count: messages.count), error)
            }
        }
        let now = clock()
        let journey = journey
        guard let parts = CaseLanes.split(messages, lanes: lanes) else {
            do {
                return (try await store.applyRetrying(messages, journey: journey, at: now), nil)
            } catch {
                return ([ApplyOutcome?](repeating: nil, count: messages.count), error)
            }
        }
        var outcomes = [ApplyOutcome?](repeating: nil, count: messages.count)
        var failure: (any Error)?
        await withTaskGroup(of: (lane: Int, result: Result<[ApplyOutcome], any Error>).self) { group in
            for (lane, indices) in parts.enumerated() where !indices.isEmpty {
                let share = indices.map { messages[$0] }
                group.addTask { [store] in
                    do {
                        return (lane, .success(try await store.applyRetrying(share, journey: journey, at: now)))
                    } catch {
                        return (lane, .failure(error))
                    }
                }
            }
            for await (lane, result) in group {
                switch result {
                case .success(let laneOutcomes):
                    for (index, outcome) in zip(parts[lane], laneOutcomes) { outcomes[index] = outcome }
                case .failure(let error):
                    if let first = failure, StoreError.isTransient(first) || !StoreError.isTransient(error) {
                        break
                    }
                    failure = error
                }
            }
        }
        return (outcomes, failure)
    }

    /// The message for `forloeb.events.dead`: the original bytes, the rejection's code and detail in headers.
    func deadLetter(_ delivery: AMQPDelivery, _ rejected: RejectedEvent) -> AMQPMessage {
        var message = settings.topology.deadLetter(
            delivery, code: rejected.rejection.code.rawValue, detail: rejected.rejection.detail)
        message.properties.messageID = message.properties.messageID ?? rejected.messageId
        return message
    }
}
