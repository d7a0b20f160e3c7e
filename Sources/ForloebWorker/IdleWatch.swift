import ForloebStore
import Logging
import ServiceLifecycle

/// For batch runs (the demo, backfills through the broker): ends the worker gracefully once nothing has
/// arrived for `quietPeriod` and every notification is published. Run it with the success termination
/// behaviour `.gracefullyShutdownGroup`: returning is what stops the group.
public struct IdleWatch: Service {
    let activity: Activity
    let store: any CaseStore
    let quietPeriod: Duration
    let logger: Logger

    public init(activity: Activity, store: any CaseStore, quietPeriod: Duration, logger: Logger) {
        self.activity = activity
        self.store = store
        self.quietPeriod = quietPeriod
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(200))
            let quiet = ContinuousClock.now - (await activity.lastDelivery)
            guard quiet >= quietPeriod else { continue }
            guard (try? await store.pendingOutbox(limit: 1).isEmpty) == true else { continue }
            logger.info("idle: nothing arrived and the outbox is empty; stopping", metadata: ["quietFor": "\(quiet)"])
            return
        }
    }
}

/// When the consumers last received something.
public actor Activity {
    public private(set) var lastDelivery = ContinuousClock.now

    public init() {}

    public func touch() {
        lastDelivery = ContinuousClock.now
    }
}
