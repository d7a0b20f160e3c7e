/// Wakes a waiting loop early: the consumer rings after a commit, and the scheduler after queuing notices, so
/// the outbox relay publishes at once instead of at its next poll. A ring with no one waiting is remembered once.
///
/// Every waiter has a slot of its own: a ring wakes them all, and each one's timeout wakes only itself, so a
/// second `wait` never overwrites (and strands) the first one's continuation.
public actor Doorbell {
    private var rung = false
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    public init() {}

    public func ring() {
        guard !waiters.isEmpty else {
            rung = true
            return
        }
        let woken = waiters.values
        waiters.removeAll()
        for continuation in woken { continuation.resume() }
    }

    /// Returns when rung, or after `timeout`, whichever is first.
    public func wait(timeout: Duration) async {
        if rung {
            rung = false
            return
        }
        nextWaiter += 1
        let id = nextWaiter
        await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(id)
            }
        }
    }

    /// How many are waiting (for tests).
    package var waiting: Int { waiters.count }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
