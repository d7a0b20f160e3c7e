import ForloebWorker
import Testing

/// The doorbell wakes every waiter: a second `wait` no longer overwrites (and strands) the first one's slot.
@Suite struct DoorbellTests {
    @Test func oneRingWakesTwoWaiters() async throws {
        let doorbell = Doorbell()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 { group.addTask { await doorbell.wait(timeout: .seconds(300)) } }
            // Both are waiting before the ring (a ring with no one waiting would only be remembered once).
            while await doorbell.waiting < 2 { try await Task.sleep(for: .milliseconds(5)) }
            await doorbell.ring()
            try await group.waitForAll()
        }
        #expect(ContinuousClock.now - started < .seconds(240), "both waiters return at the ring, not at the timeout")
        #expect(await doorbell.waiting == 0)
    }

    @Test func aTimeoutWakesOnlyItsOwnWaiter() async throws {
        let doorbell = Doorbell()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await doorbell.wait(timeout: .seconds(60)) }
            while await doorbell.waiting < 1 { try await Task.sleep(for: .milliseconds(5)) }
            await doorbell.wait(timeout: .milliseconds(50))  // expires by itself
            #expect(await doorbell.waiting == 1, "the first waiter still waits")
            await doorbell.ring()
            try await group.waitForAll()
        }
    }
}
