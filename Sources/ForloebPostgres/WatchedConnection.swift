import ForloebStore
import NIOCore
import PostgresNIO
import Synchronization

/// A PostgreSQL connection whose every call ends, with its result or an error, within known bounds.
///
/// Why: postgres-nio 1.33 never completes a query written to a connection whose socket closed a moment before
/// (as every connection's does when the server restarts: `pg_ctl restart -m fast` ends them with FATAL 57P01).
/// The channel's pipeline is already gone, the write fails with no promise to tell, and the query's own promise
/// is dropped: `query` waits forever and ignores cancellation. Seen in a worker: the batch's write statement,
/// or the ROLLBACK after the server's FATAL, issued on the closed connection and never answered; the store's
/// lock stayed held, and with it the consumer and the worker's shutdown, for good.
///
/// So each call runs in a task of its own and its caller stops waiting when the first of these happens:
/// - the call returns or throws;
/// - the connection has been closed for `afterClose` (a call in flight when it closed gets its error from
///   postgres-nio at once; one still running then waits on a dropped promise);
/// - `timeout` passes (a silent network: the connection is closed, and the call fails with `timeout`);
/// - the calling task is cancelled (the connection is closed).
/// A call given up on ends by itself on its closed connection, which is never used again. Whatever it
/// committed before is committed, and a retry finds it done (the store is idempotent).
final class WatchedConnection: Sendable {
    let connection: PostgresConnection
    /// The store's address without its password, for error messages.
    let label: String
    let afterClose: Duration
    private let watch = Mutex(Watch())

    /// The calls in flight on this connection, and whether it has closed.
    private struct Watch {
        var closed = false
        var nextCall = 0
        var calls: [Int: @Sendable (StoreError) -> Void] = [:]
    }

    init(_ connection: PostgresConnection, label: String, afterClose: Duration = .seconds(2)) {
        self.connection = connection
        self.label = label
        self.afterClose = afterClose
        // One observer per connection (not per call: a connection serves thousands of calls).
        connection.closeFuture.whenComplete { [weak self] _ in self?.closed() }
    }

    var isClosed: Bool { connection.isClosed || watch.withLock { $0.closed } }

    /// Runs `body` on the connection; see the type's documentation for when the caller stops waiting.
    func run<T: Sendable>(
        timeout: Duration?, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let call = PendingCall<T>()
        let connection = self.connection
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                call.start(continuation)
                start(call, timeout: timeout, body)
            }
        } onCancel: {
            call.finish(.failure(CancellationError()))
            connection.closeSoon()
        }
    }

    /// Starts `body` in a task of its own and the watches that may end `call` before it.
    private func start<T: Sendable>(
        _ call: PendingCall<T>, timeout: Duration?, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) {
        guard !call.hasEnded else { return }  // cancelled before it began
        let connection = self.connection
        Task.detached {
            do {
                call.finish(.success(try await body(connection)))
            } catch {
                call.finish(.failure(error))
            }
        }
        let (id, closed) = watch.withLock { watch in
            watch.nextCall += 1
            watch.calls[watch.nextCall] = { error in call.finish(.failure(error)) }
            return (watch.nextCall, watch.closed)
        }
        call.onEnd { [weak self] in _ = self?.watch.withLock { $0.calls.removeValue(forKey: id) } }
        if closed { giveUp(on: call) }
        if let timeout {
            let error = StoreError(.timeout, "no answer from \(label) within \(timeout); the connection was dropped")
            let timer = connection.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                connection.closeSoon()
                call.finish(.failure(error))
            }
            call.onEnd { timer.cancel() }
        }
    }

    /// Closes the connection (politely if it is idle); returns once it is closed.
    func close() async {
        try? await connection.close()
    }

    /// The connection closed: every call still running after `afterClose` is given up on.
    private func closed() {
        let calls = watch.withLock { watch in
            watch.closed = true
            return Array(watch.calls.values)
        }
        for finish in calls { giveUp(finish) }
    }

    private func giveUp<T: Sendable>(on call: PendingCall<T>) {
        giveUp { error in call.finish(.failure(error)) }
    }

    private func giveUp(_ finish: @escaping @Sendable (StoreError) -> Void) {
        let error = StoreError(.unreachable, "the connection to \(label) closed during the call")
        connection.eventLoop.scheduleTask(in: TimeAmount(afterClose)) { finish(error) }
    }
}

/// One call's outcome, set once by whichever comes first (the call, a timer, the connection's close or a
/// cancellation), and handed to the one caller waiting for it.
final class PendingCall<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var result: Result<T, any Error>?
        var cleanups: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    /// Hands the outcome to `continuation`, at once if it is already known.
    func start(_ continuation: CheckedContinuation<T, any Error>) {
        let known = state.withLock { state -> Result<T, any Error>? in
            if state.result == nil { state.continuation = continuation }
            return state.result
        }
        if let known { continuation.resume(with: known) }
    }

    /// Sets the outcome unless one is set already, resumes the caller and runs the clean-ups.
    func finish(_ result: Result<T, any Error>) {
        let (continuation, cleanups) = state.withLock {
            state -> (CheckedContinuation<T, any Error>?, [@Sendable () -> Void]) in
            guard state.result == nil else { return (nil, []) }
            state.result = result
            defer {
                state.continuation = nil
                state.cleanups = []
            }
            return (state.continuation, state.cleanups)
        }
        continuation?.resume(with: result)
        for cleanup in cleanups { cleanup() }
    }

    var hasEnded: Bool { state.withLock { $0.result != nil } }

    /// Runs `cleanup` once the outcome is set (at once if it is).
    func onEnd(_ cleanup: @escaping @Sendable () -> Void) {
        let ended = state.withLock { state -> Bool in
            if state.result == nil { state.cleanups.append(cleanup) }
            return state.result != nil
        }
        if ended { cleanup() }
    }
}

extension PostgresConnection {
    /// Starts closing the connection without waiting (from code that cannot wait: timers, cancellation).
    fileprivate func closeSoon() {
        let future: EventLoopFuture<Void> = close()
        _ = future
    }
}
