import ForloebCore

/// The points inside a write transaction where a test can inject a failure or a pause.
///
/// A fault thrown at any of them must roll back everything the transaction did; a pause at `loaded` lets a
/// second writer commit in between, which is how the tests provoke an optimistic-concurrency conflict.
///
/// SQLite writes the steps one after another. PostgreSQL writes cases, events, processed marks, deadlines and
/// outbox rows in one statement, so from `casesWritten` on its steps fire after all of them (rejections in
/// between): a fault there rolls back a batch that is written in full but not committed.
package enum StoreStep: String, Sendable, CaseIterable {
    /// Snapshots and the processed set were read; nothing written yet.
    case loaded
    /// Case snapshots were written.
    case casesWritten
    /// Event log and processed-message rows were written.
    case eventsWritten
    /// Rejections and dead letters were written (also the last step of `recordDeadLetters`).
    case rejectionsWritten
    /// Deadlines were replaced.
    case deadlinesWritten
    /// Outbox rows were written; the audit entry and the commit come next.
    case outboxWritten
}
