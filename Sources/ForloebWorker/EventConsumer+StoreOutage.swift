import CoreMetrics
import ForloebStore
import Logging
import ServiceLifecycle

extension EventConsumer {
    /// Applies a batch, holding it through a store outage: after a transient failure (`StoreError.isTransient`)
    /// the messages that did not commit are applied again, in place, after a backoff (0.1 s doubling to 5 s,
    /// with jitter), until the store takes them. Returns the outcomes and the failure of the last attempt (one
    /// that is not transient: the batch's own), or `nil` when a graceful shutdown began while the store was
    /// unavailable: then the batch is left unacknowledged.
    ///
    /// Why in place and not through the retry queues: a message back from a retry queue comes after everything
    /// queued meanwhile, so a case's later events would overtake it and be rejected (`unknown_case`,
    /// `invalid_transition`), and the worker would sit idle for the retry queues' TTLs after the database is
    /// back. Holding the batch keeps the queue's order, and the first retry after the database is back commits.
    /// What committed before the failure (another lane's part) keeps its outcome; a part whose commit happened
    /// but was not confirmed is found done by the retry (its messages count as duplicates).
    ///
    /// Each attempt runs under `cancelAfterGracefulShutdown`: SIGTERM lets an attempt under way finish, and
    /// cancels one that is still waiting on the database after `shutdownGrace`.
    ///
    /// `planned`, the batch's plan made ahead, is committed by the first attempt only: later ones plan again.
    func applyHolding(_ messages: [InboundMessage], planned: PlannedBatch? = nil) async
        -> (outcomes: [ApplyOutcome?], failure: (any Error)?)?
    {
        var planned = planned
        var outcomes = [ApplyOutcome?](repeating: nil, count: messages.count)
        var pending = Array(messages.indices)
        var backoff = Backoff.store
        let part = "consumer \(settings.queue)"
        var paused = false
        while true {
            let attempt = pending.map { messages[$0] }
            let result: (outcomes: [ApplyOutcome?], failure: (any Error)?)
            do {
                let plan = planned
                planned = nil
                result = try await cancelAfterGracefulShutdown(grace: shutdownGrace) {
                    await apply(attempt, planned: plan)
                }
            } catch {
                result = ([ApplyOutcome?](repeating: nil, count: attempt.count), error)
            }
            for (index, outcome) in zip(pending, result.outcomes) { outcomes[index] = outcome }
            let failure = result.failure
            let stopped = failure is CancellationError || Task.isCancelled
            guard let failure, StoreError.isTransient(failure) || stopped else {
                if paused {
                    await health.consumerPaused(false)
                    await health.available(part)
                }
                return (outcomes, failure)
            }
            pending = pending.filter { outcomes[$0] == nil }
            if !stopped {
                if !paused {
                    paused = true
                    await health.consumerPaused(true)
                }
                await health.unavailable(part, failure)
            }
            if stopped || Task.isShuttingDownGracefully {
                if paused { await health.consumerPaused(false) }
                return nil
            }
            let delay = backoff.next()
            logger.debug(
                "holding the batch until the store is back",
                metadata: ["messages": "\(pending.count)", "retryIn": "\(delay)", "queue": "\(settings.queue)"])
            // Wait, but not through a graceful shutdown: then the batch is left to the broker.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            if Task.isShuttingDownGracefully || Task.isCancelled {
                await health.consumerPaused(false)
                return nil
            }
            metrics.storeReconnects.increment()
        }
    }
}
