import Metrics

/// The worker's counters, gauges and timers (swift-metrics); created after `MetricsSystem.bootstrap` so they
/// reach the configured backend (Prometheus in `forloeb worker`).
public struct WorkerMetrics: Sendable {
    public let eventsApplied: Counter
    public let eventsDuplicate: Counter
    public let eventsRejected: Counter
    public let eventsDeadLettered: Counter
    public let eventsRetried: Counter
    /// Time from receiving a batch to its commit and ack.
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
    /// Store calls tried again, on a new connection, after the store was unavailable.
    public let storeReconnects: Counter

    public init() {
        eventsApplied = Counter(label: "forloeb_events_applied_total")
        eventsDuplicate = Counter(label: "forloeb_events_duplicate_total")
        eventsRejected = Counter(label: "forloeb_events_rejected_total")
        eventsDeadLettered = Counter(label: "forloeb_events_dead_lettered_total")
        eventsRetried = Counter(label: "forloeb_events_retried_total")
        batchLatency = Timer(label: "forloeb_batch_latency_seconds")
        batchSize = Recorder(label: "forloeb_batch_size")
        notificationsPublished = Counter(label: "forloeb_notifications_published_total")
        outboxLag = Timer(label: "forloeb_outbox_lag_seconds")
        noticesQueued = Counter(label: "forloeb_deadline_notices_total")
        reconnects = Counter(label: "forloeb_reconnects_total")
        storeUp = Gauge(label: "forloeb_store_up")
        consumersPaused = Gauge(label: "forloeb_consumers_paused")
        storeReconnects = Counter(label: "forloeb_store_reconnects_total")
    }
}
