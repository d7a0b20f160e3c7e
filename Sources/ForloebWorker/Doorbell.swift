/// Wakes a waiting loop early: the consumer rings after a commit, and the scheduler after queuing notices, so
/// the outbox relay publishes at once instead of at its next poll. A ring with no one waiting is remembered once.
public actor Doorbell {
    private var rung = false
    private var waiter: (generation: Int, continuation: CheckedContinuation<Void, Never>)?
    private var generation = 0

    public init() {}

    public func ring() {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume()
        } else {
            rung = true
        }
    }

    /// Returns when rung, or after `timeout`, whichever is first.
    public func wait(timeout: Duration) async {
        if rung {
            rung = false
            return
        }
        generation += 1
        let current = generation
        await withCheckedContinuation { continuation in
            waiter = (current, continuation)
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(current)
            }
        }
    }

    private func expire(_ generation: Int) {
        guard let waiter, waiter.generation == generation else { return }
        self.waiter = nil
        waiter.continuation.resume()
    }
}
