import Dispatch
import Testing

/// Runs each test of a suite on a thread of its own instead of Swift's cooperative pool.
///
/// Tests that drive the built `forloeb`, chromium or curl wait for them with blocking calls (`waitUntilExit`,
/// reading a pipe to its end). On the cooperative pool, which has one thread per core (two on these machines),
/// two such tests at once stop every other test's tasks from running: a metrics writer's 50 ms tick then came
/// more than a minute late beside the CLI and console suites. Blocking is fine on a dispatch queue's own thread.
public struct OffCooperativePool: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }
        try await withTaskExecutorPreference(QueueTaskExecutor()) { try await function() }
    }

    /// Whether the caller runs on one of these queues (for the trait's own test).
    public static var isCurrent: Bool { DispatchQueue.getSpecific(key: QueueTaskExecutor.key) == true }
}

extension Trait where Self == OffCooperativePool {
    /// The suite's tests block on child processes: run them off the cooperative pool.
    public static var blocking: Self { OffCooperativePool() }
}

/// A task executor over a serial dispatch queue, whose thread comes from dispatch's overcommitting pool.
final class QueueTaskExecutor: TaskExecutor, @unchecked Sendable {
    static let key = DispatchSpecificKey<Bool>()
    private let queue: DispatchQueue

    init() {
        queue = DispatchQueue(label: "forloeb.tests.blocking")
        queue.setSpecific(key: Self.key, value: true)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
