import ForloebCore
import ForloebStore

/// `forloeb stats`'s document: the fleet's health at a glance, also the console overview's figures.
public struct StatsView: Encodable, Sendable {
    public var now: Instant
    public var cases: Int
    public var casesByState: [String: Int]
    public var overdueByKind: [String: Int]
    public var rejectionsLastDay: [String: Int]
    public var rejectionsLastWeek: [String: Int]
    public var outboxPending: Int
    /// More than `outboxPending` wait (`StoreStatistics.countLimit`).
    public var outboxPendingCapped: Bool
    public var outboxLagSeconds: Int64?
    public var deadLetters: Int
    /// Appeals waiting for the municipality or Ankestyrelsen, and those of them past their deadline.
    public var appealsOpen: Int
    public var appealsOverdue: Int

    public init(_ stats: StoreStatistics, now: Instant) {
        func keyed<K: RawRepresentable>(_ d: [K: Int]) -> [String: Int] where K.RawValue == String {
            Dictionary(uniqueKeysWithValues: d.map { ($0.key.rawValue, $0.value) })
        }
        self.now = now
        cases = stats.casesByState.values.reduce(0, +)
        casesByState = keyed(stats.casesByState)
        overdueByKind = keyed(stats.overdueByKind)
        rejectionsLastDay = keyed(stats.rejectionsLastDay)
        rejectionsLastWeek = keyed(stats.rejectionsLastWeek)
        outboxPending = stats.outboxPending
        outboxPendingCapped = stats.outboxPendingCapped
        outboxLagSeconds = stats.oldestPendingAt.map { max(0, now.secondsSinceEpoch - $0.secondsSinceEpoch) }
        deadLetters = stats.openDeadLetters
        appealsOpen = stats.openAppeals
        appealsOverdue = stats.overdueAppeals
    }

    /// Cases per state, in the journey's order, leaving out states with none.
    public var stateCounts: [(state: CaseState, cases: Int)] {
        CaseState.allCases.compactMap { state in casesByState[state.rawValue].map { (state, $0) } }
    }

    /// Overdue deadlines per kind, in the policy's order of kinds.
    public var overdueCounts: [(kind: DeadlineKind, deadlines: Int)] {
        DeadlineKind.allCases.compactMap { kind in overdueByKind[kind.rawValue].map { (kind, $0) } }
    }

    /// The outbox backlog as a person reads it: "more than 100000" when the count stopped there.
    public var outboxPendingText: String { outboxPendingCapped ? "more than \(outboxPending)" : "\(outboxPending)" }

    /// Rejections per code over the last week (and day), most frequent first.
    public var rejectionCounts: [(code: String, lastDay: Int, lastWeek: Int)] {
        rejectionsLastWeek.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            ($0.key, rejectionsLastDay[$0.key] ?? 0, $0.value)
        }
    }

    enum CodingKeys: String, CodingKey {
        case now, cases, casesByState, overdueByKind, rejectionsLastDay, rejectionsLastWeek, outboxPending
        case outboxPendingCapped, outboxLagSeconds, deadLetters, appealsOpen, appealsOverdue
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(now, forKey: .now)
        try c.encode(cases, forKey: .cases)
        try c.encode(casesByState, forKey: .casesByState)
        try c.encode(overdueByKind, forKey: .overdueByKind)
        try c.encode(rejectionsLastDay, forKey: .rejectionsLastDay)
        try c.encode(rejectionsLastWeek, forKey: .rejectionsLastWeek)
        try c.encode(outboxPending, forKey: .outboxPending)
        try c.encode(outboxPendingCapped, forKey: .outboxPendingCapped)
        try c.encode(outboxLagSeconds, forKey: .outboxLagSeconds)  // null when nothing waits
        try c.encode(deadLetters, forKey: .deadLetters)
        try c.encode(appealsOpen, forKey: .appealsOpen)
        try c.encode(appealsOverdue, forKey: .appealsOverdue)
    }
}
