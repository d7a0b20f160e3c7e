import ForloebCore

/// Row counts per table: for `forloeb stats`, tests and the benchmark.
public struct StoreCounts: Sendable, Equatable {
    public var cases: Int
    public var events: Int
    public var processed: Int
    public var rejections: Int
    public var deadlines: Int
    public var outboxPending: Int
    public var outboxSent: Int
    public var deadLetters: Int
    public var auditEntries: Int

    public init(
        cases: Int, events: Int, processed: Int, rejections: Int, deadlines: Int, outboxPending: Int, outboxSent: Int,
        deadLetters: Int, auditEntries: Int
    ) {
        self.cases = cases
        self.events = events
        self.processed = processed
        self.rejections = rejections
        self.deadlines = deadlines
        self.outboxPending = outboxPending
        self.outboxSent = outboxSent
        self.deadLetters = deadLetters
        self.auditEntries = auditEntries
    }
}
