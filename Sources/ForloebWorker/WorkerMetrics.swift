import Metrics

/// The worker's counters, gauges and timers (swift-metrics); created after `MetricsSystem.bootstrap` so they
/// reach the configured backend (Prometheus in `forloeb worker`), or on a factory of their own (tests read
/// them from swift-metrics' `TestMetrics` without bootstrapping).
public struct WorkerMetrics: Sendable {
    public let eventsApplied: Counter
    public let eventsDuplicate: Counter
    public let eventsRejected: Counter
    public let eventsDeadLettered: Counter
    public let eventsRetried: Counter
    /// Time from applying a batch to its commit and ack (for a batch planned ahead, from its commit).
    public let batchLatency: Timer
    public let batchSize: Recorder
    public let notificationsPublished: Counter
    /// Age of the oldest pending notification when the relay picks it up.
    public let outboxLag: Timer
    public let noticesQueued: Counter
    /// Connections to the broker lost and made again.
    public let reconnects: Counter
    /// 1 while the store answers, 0 while it is unavailable (`StoreHealth`): what an alert watches.
    public let storeUp: Gauge
    /// Consumers holding an unacknowledged batch until the store is back.
    public let consumersPaused: Gauge
    /// 1 once the consumers drain on SIGTERM (they finish what arrived, then stop). With `consumersPaused`, the
    /// consumer's three states: consuming (both 0), paused for the store, draining.
    public let consumersDraining: Gauge
    /// Store calls tried again, on a new connection, after the store was unavailable.
    public let storeReconnects: Counter

    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        eventsApplied = Counter(label: "forloeb_events_applied_total", factory: factory)
        eventsDuplicate = Counter(label: "forloeb_events_duplicate_total", factory: factory)
        eventsRejected = Counter(label: "forloeb_events_rejected_total", factory: factory)
        eventsDeadLettered = Counter(label: "forloeb_events_dead_lettered_total", factory: factory)
        eventsRetried = Counter(label: "forloeb_events_retried_total", factory: factory)
        batchLatency = Timer(label: "forloeb_batch_latency_seconds", factory: factory)
        batchSize = Recorder(label: "forloeb_batch_size", factory: factory)
        notificationsPublished = Counter(label: "forloeb_notifications_published_total", factory: factory)
        outboxLag = Timer(label: "forloeb_outbox_lag_seconds", factory: factory)
        noticesQueued = Counter(label: "forloeb_deadline_notices_total", factory: factory)
        reconnects = Counter(label: "forloeb_reconnects_total", factory: factory)
        storeUp = Gauge(label: "forloeb_store_up", factory: factory)
        consumersPaused = Gauge(label: "forloeb_consumers_paused", factory: factory)
        consumersDraining = Gauge(label: "forloeb_consumers_draining", factory: factory)
        storeReconnects = Counter(label: "forloeb_store_reconnects_total", factory: factory)
    }
}
