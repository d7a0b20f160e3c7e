import CoreMetrics
import ForloebCore
import ForloebStore
import Foundation
import Logging
import ServiceLifecycle

/// Emits `deadline.reminder` at each deadline's policy lead time and `deadline.overdue` when it falls due,
/// each exactly once per (case, kind, due date).
///
/// Every worker may run one: the store records a notice and queues it in the outbox in one transaction and
/// skips a notice already recorded (a unique key), so two schedulers never send a reminder twice. The clock
/// is injected so tests and simulations (`FORLOEB_NOW`) control time.
public struct DeadlineScheduler: Service {
    let store: any CaseStore
    let journey: Journey
    let interval: Duration
    let clock: @Sendable () -> Instant
    let logger: Logger
    let metrics: WorkerMetrics
    let batchLimit: Int
    /// Rung when a pass queued notices, so the outbox relay publishes them at once.
    let doorbell: Doorbell?

    public init(
        store: any CaseStore, journey: Journey, interval: Duration, clock: @escaping @Sendable () -> Instant,
        logger: Logger, metrics: WorkerMetrics = WorkerMetrics(), batchLimit: Int = 5_000, doorbell: Doorbell? = nil
    ) {
        self.metrics = metrics
        self.doorbell = doorbell
        self.store = store
        self.journey = journey
        self.interval = interval
        self.clock = clock
        self.logger = logger
        self.batchLimit = batchLimit
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await cancelAfterGracefulShutdown(grace: .seconds(5)) { try await tick() }
            } catch let error as StoreError where error.isTransient {
                // The consumers and the relay report an unavailable store (`StoreHealth`); a pass every interval
                // need not repeat it.
                logger.debug(
                    "deadline scheduler: store unavailable; retrying next interval", metadata: ["error": "\(error)"])
            } catch {
                logger.warning("deadline scheduler tick failed; retrying next interval", metadata: ["error": "\(error)"])
            }
            // Sleep, but wake for a graceful shutdown instead of holding it up for a whole interval.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One pass: queues every reminder and overdue notice due at the clock's now; returns how many.
    @discardableResult
    public func tick() async throws -> Int {
        let now = clock()
        var queued = 0
        // Reminders: everything due within the longest lead time, filtered by each kind's own lead. A reminder
        // goes out at the Danish midnight `lead` days before the due date: an hour more or less than `lead` × 24
        // hours before the deadline when the clocks change in between, hence the extra hour in the range scanned.
        let longestLead = journey.policy.reminderLeadDays.values.max() ?? 0
        while true {
            let candidates = try await store.unnotifiedDeadlines(
                dueBy: now.adding(seconds: Int64(longestLead) * 86_400 + 3_600), notice: .reminder, limit: batchLimit)
            let notices = candidates.compactMap { due -> CaseNotification? in
                let lead = journey.policy.reminderLead(due.deadline.kind)
                guard due.deadline.dueOn.adding(days: -lead).danishMidnight <= now else { return nil }
                return .deadlineReminder(
                    DeadlineNotice(caseId: due.caseId, kind: due.deadline.kind, dueAt: due.deadline.dueAt, leadDays: lead))
            }
            let recorded = try await store.recordNotices(notices, at: now)
            queued += recorded.count
            // A full page whose notices were all recorded may hide more; otherwise this pass is done.
            if candidates.count < batchLimit || recorded.isEmpty { break }
        }
        while true {
            let overdue = try await store.unnotifiedDeadlines(dueBy: now, notice: .overdue, limit: batchLimit)
            let notices = overdue.map {
                CaseNotification.deadlineOverdue(DeadlineNotice(caseId: $0.caseId, kind: $0.deadline.kind, dueAt: $0.deadline.dueAt))
            }
            let recorded = try await store.recordNotices(notices, at: now)
            queued += recorded.count
            if overdue.count < batchLimit || recorded.isEmpty { break }
        }
        if queued > 0 {
            logger.info("deadline notices queued", metadata: ["count": "\(queued)"])
            await doorbell?.ring()
        }
        metrics.noticesQueued.increment(by: queued)
        return queued
    }
}
