import ForloebCore

/// The points inside a write transaction where a test can inject a failure or a pause.
///
/// A fault thrown at any of them must roll back everything the transaction did; a pause at `loaded` lets a
/// second writer commit in between, which is how the tests provoke an optimistic-concurrency conflict.
public enum StoreStep: String, Sendable, CaseIterable {
    /// Snapshots and the processed set were read; nothing written yet.
    case loaded
    /// Case snapshots were written.
    case casesWritten
    /// Event log and processed-message rows were written.
    case eventsWritten
    /// Rejections and dead letters were written.
    case rejectionsWritten
    /// Deadlines were replaced.
    case deadlinesWritten
    /// Outbox rows were written; the audit entry and the commit come next.
    case outboxWritten
}
