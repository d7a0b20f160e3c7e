/// Growing delays between attempts, never a hot loop: for the broker 0.5 s doubling to 30 s; for the store
/// (`Backoff.store`) 0.1 s doubling to 5 s, with jitter.
public struct Backoff: Sendable {
    public var initial: Duration
    public var maximum: Duration
    /// Up to this fraction of each delay is taken off at random, so that the workers of a fleet that lost the
    /// same database do not all come back in the same instant.
    public var jitter: Double
    private var current: Duration

    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30), jitter: Double = 0) {
        self.initial = initial
        self.maximum = maximum
        self.jitter = min(max(jitter, 0), 1)
        self.current = initial
    }

    /// For a store that went away: the first retry comes soon (a restart takes a second or two), and a longer
    /// outage is tried every few seconds, so the worker resumes within seconds of the database.
    public static var store: Backoff { Backoff(initial: .milliseconds(100), maximum: .seconds(5), jitter: 0.25) }

    /// The delay to wait now; the next one is twice as long, up to `maximum`.
    public mutating func next() -> Duration {
        let delay = current
        current = min(current * 2, maximum)
        guard jitter > 0 else { return delay }
        return delay * (1 - jitter * Double.random(in: 0..<1))
    }

    public mutating func reset() {
        current = initial
    }
}
