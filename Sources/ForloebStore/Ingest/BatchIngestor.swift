import ForloebCore
import Foundation

/// Applies raw inbound messages to a store in batches: `forloeb import`'s code path. (The worker's consumer
/// applies its deliveries itself, per batch of the broker's, through the same `applyRetrying` and planner.)
///
/// Each batch is one transaction, retried whole after a conflict; when `apply` returns, the batch is
/// durable and may be acknowledged (the worker) or counted as done (import). A crash at any point leaves
/// every batch either committed or not at all, and re-running skips what was committed as duplicates.
public struct BatchIngestor: Sendable {
    public let store: any CaseStore
    public let journey: Journey

    public init(store: any CaseStore, journey: Journey) {
        self.store = store
        self.journey = journey
    }

    /// Applies one batch of raw bodies (decoding them here) and returns the outcomes in order.
    public func ingest(_ bodies: [Data], at now: Instant, options: ApplyOptions = .none) async throws -> [ApplyOutcome]
    {
        try await ingest(bodies.map { InboundMessage(body: $0) }, at: now, options: options)
    }

    /// Applies one batch of already-decoded messages.
    public func ingest(_ messages: [InboundMessage], at now: Instant, options: ApplyOptions = .none) async throws
        -> [ApplyOutcome]
    {
        try await store.applyRetrying(messages, journey: journey, at: now, options: options)
    }
}
