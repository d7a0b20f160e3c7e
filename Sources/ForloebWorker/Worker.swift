import ForloebAMQP
import ForloebCore
import ForloebStore
import Logging
import ServiceLifecycle
import UnixSignals

/// One worker process: its consumers, the outbox relay and the deadline scheduler, as one service group.
///
/// `forloeb worker` builds one from the environment; tests build one in-process against the real broker and
/// store. Shutdown order matters and is the reverse of `services`: the consumers drain and ack first, then
/// the relay publishes what they committed, then the scheduler stops, and last the store's pool closes when the
/// worker runs it (`runsStorePool`).
public struct Worker: Sendable {
    public struct Configuration: Sendable {
        public var amqp: AMQPURL
        /// The names' prefix: `forloeb` (CONTRACT.md); tests isolate themselves with their own.
        public var prefix: String
        /// Workers in the fleet and this one's index (0-based): with more than one, events are partitioned by case.
        public var workers: Int
        public var index: Int
        public var queueKind: AMQPQueue.Kind
        /// Deliveries in flight and events per store transaction. Large by default because the store's cost is
        /// mostly per transaction: 250 → 1,000 per batch raised a worker's end-to-end rate by a third to a half
        /// (BENCHMARKS.md, "Worker end to end"); when the worker keeps up, batches stay small and latency low.
        public var prefetch: UInt16
        public var batchSize: Int
        public var batchWindow: Duration
        public var schedulerInterval: Duration
        /// Stop gracefully after this long with nothing arriving and nothing left to publish (batch runs).
        public var exitWhenIdle: Duration?
        /// The retry ladder's delays; nil for `ForloebTopology.defaultRetrySteps` (tests shorten them).
        public var retrySteps: [ForloebTopology.RetryStep]?

        public init(
            amqp: AMQPURL, prefix: String = "forloeb", workers: Int = 1, index: Int = 0,
            queueKind: AMQPQueue.Kind = .quorum,
            prefetch: UInt16 = 2000, batchSize: Int = 1000, batchWindow: Duration = .milliseconds(20),
            schedulerInterval: Duration = .seconds(30), exitWhenIdle: Duration? = nil,
            retrySteps: [ForloebTopology.RetryStep]? = nil
        ) {
            self.amqp = amqp
            self.prefix = prefix
            self.workers = workers
            self.index = index
            self.queueKind = queueKind
            self.prefetch = prefetch
            self.batchSize = batchSize
            self.batchWindow = batchWindow
            self.schedulerInterval = schedulerInterval
            self.exitWhenIdle = exitWhenIdle
            self.retrySteps = retrySteps
        }

        public var topology: ForloebTopology {
            ForloebTopology(
                prefix: prefix, layout: workers > 1 ? .partitioned(count: workers) : .single, queueKind: queueKind,
                retrySteps: retrySteps)
        }
    }

    public let configuration: Configuration
    public let store: any CaseStore
    public let journey: Journey
    public let clock: @Sendable () -> Instant
    public let logger: Logger
    public let metrics: WorkerMetrics
    /// How many transactions the consumers apply each batch in at once, its cases split among them
    /// (`CaseLanes`), each on a connection of the store's pool (`forloeb worker --lanes`). PostgreSQL only; SQLite
    /// has one writer, and takes 1.
    public let lanes: Int
    /// Whether the worker's group runs the store's connection pool (`CaseStore.poolService()`) as its first
    /// service, so that the pool starts with the group and its graceful shutdown closes the store last, after the
    /// consumers, the relay and the scheduler drained: `forloeb worker`, whose store lives as long as the worker.
    /// The schema is then the caller's to have checked (the command migrates on a store of its own before), since
    /// a call made before the group runs would wait for the group's pool. Tests and the benchmark share a store
    /// between workers and read it after they stop: they leave the pool to the store, which runs it itself.
    public let runsStorePool: Bool

    /// The relay and the scheduler use `store` too: on PostgreSQL its pool gives them connections of their own, so
    /// their reads and marks never queue behind the consumer's batch transaction; SQLite reads beside its writer.
    public init(
        configuration: Configuration, store: any CaseStore, lanes: Int = 1, runsStorePool: Bool = false,
        journey: Journey, clock: @escaping @Sendable () -> Instant, logger: Logger,
        metrics: WorkerMetrics = WorkerMetrics()
    ) {
        self.configuration = configuration
        self.store = store
        self.lanes = max(1, lanes)
        self.runsStorePool = runsStorePool
        self.journey = journey
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    /// The services in start order (shut down in reverse): the store's pool first when the worker runs it (it
    /// stops last), then `extra` (metrics writers), the scheduler, the relay and the consumers.
    public func services(extra: [any Service] = []) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        let doorbell = Doorbell()
        let activity = Activity()
        let health = StoreHealth(store: store.url, logger: logger, metrics: metrics)
        let c = configuration
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if runsStorePool, let pool = store.poolService() { services.append(.init(service: pool)) }
        services += extra.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        services.append(
            .init(
                service: DeadlineScheduler(
                    store: store, journey: journey, interval: c.schedulerInterval, clock: clock, logger: logger,
                    metrics: metrics, doorbell: doorbell)))
        services.append(
            .init(
                service: OutboxRelay(
                    store: store, amqp: c.amqp, exchange: c.topology.notificationsExchange, doorbell: doorbell,
                    clock: clock, logger: logger, metrics: metrics, health: health)))
        for queue in c.topology.queues(forWorker: c.index, of: c.workers) {
            let settings = EventConsumer.Settings(
                queue: queue, prefetch: c.prefetch, batchSize: c.batchSize, batchWindow: c.batchWindow,
                topology: c.topology)
            services.append(
                .init(
                    service: EventConsumer(
                        store: store, lanes: lanes, journey: journey, amqp: c.amqp, settings: settings,
                        doorbell: doorbell,
                        activity: activity, clock: clock, logger: logger, metrics: metrics, health: health)))
        }
        if let quiet = c.exitWhenIdle {
            services.append(
                .init(
                    service: IdleWatch(activity: activity, store: store, quietPeriod: quiet, logger: logger),
                    successTerminationBehavior: .gracefullyShutdownGroup))
        }
        return services
    }

    /// Migrates the store (unless the worker runs its pool: `runsStorePool`) and builds the service group; `run()`
    /// it, `triggerGracefulShutdown()` to stop.
    public func serviceGroup(extra: [any Service] = [], signals: [UnixSignal] = [.sigterm, .sigint]) async throws
        -> ServiceGroup
    {
        if !runsStorePool { _ = try await store.migrate() }
        var group = ServiceGroupConfiguration(services: services(extra: extra), logger: logger)
        group.gracefulShutdownSignals = signals
        group.maximumGracefulShutdownDuration = .seconds(60)
        return ServiceGroup(configuration: group)
    }

    /// Runs until SIGTERM/SIGINT (or idle, when configured), draining gracefully.
    public func run(extra: [any Service] = [], signals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        try await serviceGroup(extra: extra, signals: signals).run()
    }
}
