import ServiceLifecycle

/// Runs `operation`, and cancels it once a graceful shutdown has been going on for `grace`.
///
/// Why not `cancelWhenGracefulShutdown`: a consumer's store call that is under way when SIGTERM comes should
/// finish, commit and be acknowledged (that is what draining means), so it is not cancelled at once. But a
/// call that cannot finish (a database that stopped answering) must not hold up the shutdown either: after
/// `grace` it is cancelled, the store drops its connection, and the batch stays unacknowledged for the broker
/// to deliver again.
func cancelAfterGracefulShutdown<T: Sendable>(
    grace: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await gracefulShutdown()
            try await Task.sleep(for: grace)
            return nil
        }
        defer { group.cancelAll() }
        while let next = try await group.next() {
            if let value = next { return value }
            // The grace is over: cancel the operation and wait for it to end (its value, or its cancellation).
            group.cancelAll()
        }
        throw CancellationError()
    }
}
