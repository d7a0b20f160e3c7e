import ForloebCore

/// Failure injection for tests: where a store calls out during a write, and what may happen there.
///
/// `afterLoad` runs after the batch read its snapshots and before its write transaction begins (it may
/// wait: a test lets a second writer commit there to provoke a conflict). `inTransaction` runs at each
/// `StoreStep` inside the write transaction; throwing aborts it, which must leave nothing half-written.
package struct StoreFaultHooks: Sendable {
    package var afterLoad: (@Sendable () async throws -> Void)?
    package var inTransaction: (@Sendable (StoreStep) throws -> Void)?

    package init(
        afterLoad: (@Sendable () async throws -> Void)? = nil,
        inTransaction: (@Sendable (StoreStep) throws -> Void)? = nil
    ) {
        self.afterLoad = afterLoad
        self.inTransaction = inTransaction
    }

    package static let none = StoreFaultHooks()

    /// Calls `inTransaction` at `step`, if set.
    package func at(_ step: StoreStep) throws {
        try inTransaction?(step)
    }
}
