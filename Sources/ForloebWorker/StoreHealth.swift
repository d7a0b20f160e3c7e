import CoreMetrics
import ForloebStore
import Logging

/// What the worker's parts know about the store's availability: one place that says so in the log and the
/// metrics.
///
/// Why one place: when the database restarts, the consumers and the outbox relay all find it gone at once, and
/// each retries it every few seconds; the operator needs one warning when it goes, one line when it is back
/// (with how long it was away), and a gauge to alert on (`forloeb_store_up`), not a warning per retry. The store
/// counts as unavailable from the first part's transient failure until every part that failed has succeeded
/// again. A part that fails within `settle` of the store's return still belongs to the same outage (a restart
/// ends each connection on its own, and a call stuck on a closed connection is given up a moment later): it
/// sets the gauge again, but is not logged as a new outage.
public actor StoreHealth {
    let store: StoreURL
    let logger: Logger
    let metrics: WorkerMetrics
    /// The parts whose last store call failed transiently.
    private var failing: Set<String> = []
    private var since: ContinuousClock.Instant?
    private var recovered: ContinuousClock.Instant?
    /// Whether this outage was logged (and its end is to be).
    private var logged = false
    private var paused = 0
    let settle: Duration

    public init(store: StoreURL, logger: Logger, metrics: WorkerMetrics, settle: Duration = .seconds(10)) {
        self.store = store
        self.logger = logger
        self.metrics = metrics
        self.settle = settle
        metrics.storeUp.record(1)
        metrics.consumersPaused.record(0)
    }

    /// Whether some part's last store call failed transiently.
    public var isUnavailable: Bool { !failing.isEmpty }

    /// `part`'s store call failed with a transient `error`. The outage's first failure is logged; later ones
    /// (of this part or another, until the store is back) only at debug level. An outage that begins within
    /// `settle` of the last one's end is logged only once it has lasted `settle`.
    public func unavailable(_ part: String, _ error: any Error) {
        let now = ContinuousClock.now
        if failing.isEmpty {
            since = now
            logged = false
            metrics.storeUp.record(0)
        }
        failing.insert(part)
        let start = since ?? now
        let relapse = recovered.map { start - $0 < settle } ?? false
        let description = (error as? StoreError)?.description ?? "\(error)"
        if !logged && (!relapse || now - start >= settle) {
            logged = true
            logger.warning(
                "store unavailable; events stay unacknowledged and in order, retried with backoff until it is back",
                metadata: ["store": "\(store.redacted)", "error": "\(description)", "noticedBy": "\(part)"])
        } else {
            logger.debug("store still unavailable", metadata: ["error": "\(description)", "part": "\(part)"])
        }
    }

    /// `part`'s store call succeeded; when no part is failing any more, the recovery is logged.
    public func available(_ part: String) {
        guard failing.remove(part) != nil, failing.isEmpty else { return }
        metrics.storeUp.record(1)
        recovered = .now
        guard logged else { return }
        logged = false
        let downFor = since.map { ContinuousClock.now - $0 } ?? .zero
        logger.info(
            "store available again; resuming", metadata: ["store": "\(store.redacted)", "unavailableFor": "\(downFor)"])
    }

    /// A consumer holds its batch until the store is back (`true`), or no longer does (`false`).
    public func consumerPaused(_ isPaused: Bool) {
        paused = max(0, paused + (isPaused ? 1 : -1))
        metrics.consumersPaused.record(paused)
    }
}
