import Foundation

/// A serial executor that runs every job on one dedicated OS thread.
///
/// Why: librabbitmq is blocking and one connection is not thread-safe. `AMQPConnection` is an actor whose
/// `unownedExecutor` is this executor, so all its methods, and with them every blocking C call on its
/// connection, run on this thread, one at a time, and never on Swift's cooperative pool, where a blocked
/// `amqp_simple_wait_frame` would starve unrelated tasks.
///
/// When idle for `idleInterval`, the thread calls `idleAction` (the connection uses it to keep heartbeats
/// flowing on a connection nobody is calling).
///
/// `@unchecked Sendable` is sound: the only mutable state, `jobs`, `stopping`, `idleInterval` and `idleAction`,
/// is read and written only while holding `condition`'s lock.
final class AMQPThreadExecutor: SerialExecutor, TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopping = false
    private var idleInterval: Duration?
    private var idleAction: (@Sendable () -> Void)?

    init(name: String) {
        let thread = Thread { [self] in self.runLoop() }
        thread.name = name
        // librabbitmq decodes a message's header table recursively, one C frame per level, before any Swift
        // code sees it; a frame of 128 KiB can nest about 22,000 levels. A generous stack (reserved, not
        // committed) lets the worker survive what a hostile sender can fit in one frame.
        thread.stackSize = 64 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Lets the thread end once the queued jobs have run. Called when the owning connection is deinitialised,
    /// when no further jobs can be enqueued.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    /// Sets (or with nil, clears) what the thread does after `interval` without jobs.
    func setIdle(interval: Duration?, action: (@Sendable () -> Void)?) {
        condition.lock()
        idleInterval = interval
        idleAction = action
        condition.unlock()
    }

    private func runLoop() {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping {
                guard let interval = idleInterval, let action = idleAction else {
                    condition.wait()
                    continue
                }
                let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) * 1e-18
                if !condition.wait(until: Date(timeIntervalSinceNow: seconds)) && jobs.isEmpty && !stopping {
                    condition.unlock()
                    action()
                    condition.lock()
                }
            }
            if jobs.isEmpty && stopping {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
