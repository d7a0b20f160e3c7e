import ForloebTestSupport
import Foundation
import Testing

/// `.blocking` really moves a suite's tests off the cooperative pool, synchronous and asynchronous ones alike.
@Suite(.blocking) struct OffCooperativePoolTests {
    @Test func aSynchronousTestRunsOnItsOwnQueue() {
        #expect(OffCooperativePool.isCurrent)
    }

    @Test func anAsynchronousTestRunsThereToo() async throws {
        try await Task.sleep(for: .milliseconds(1))
        #expect(OffCooperativePool.isCurrent)
    }
}

/// And without the trait a test runs on the cooperative pool, so the check above can fail.
@Suite struct OnCooperativePoolTests {
    @Test func withoutTheTraitATestRunsOnThePool() async {
        #expect(!OffCooperativePool.isCurrent)
    }
}
