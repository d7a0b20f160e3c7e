/// How often a municipality holds follow-up conversations during a course, in days between them.
///
/// The law sets a floor (`FollowUpMinimum` of the rule set); the municipality chooses a cadence at or above
/// it. Loading a policy checks the cadence against every rule set it may run under.
public struct FollowUpCadence: Sendable, Equatable {
    /// Days between conversations in the course's first six months.
    public var firstSixMonthsIntervalDays: Int
    /// Days between conversations after that.
    public var intervalDays: Int
    /// In this many months before the end, conversations come closer (0: no change near the end).
    public var nearEndMonths: Int
    public var nearEndIntervalDays: Int

    public init(
        firstSixMonthsIntervalDays: Int, intervalDays: Int, nearEndMonths: Int = 0, nearEndIntervalDays: Int? = nil
    ) {
        self.firstSixMonthsIntervalDays = firstSixMonthsIntervalDays
        self.intervalDays = intervalDays
        self.nearEndMonths = nearEndMonths
        self.nearEndIntervalDays = nearEndIntervalDays ?? intervalDays
    }

    /// Why the cadence falls below the rule set's floor, or `nil` when it meets it.
    public func shortfall(against minimum: FollowUpMinimum) -> String? {
        switch minimum {
        case .perYear(let count):
            // The longest gap anywhere in the course decides how many conversations a year it guarantees.
            let longest = max(firstSixMonthsIntervalDays, intervalDays)
            let guaranteed = 365 / longest
            return guaranteed >= count
                ? nil
                : "a conversation every \(longest) days gives \(guaranteed) a year; the law demands at least \(count)"
        case .inFirstMonths(let count, let months):
            // The first conversation is at the start, so `count` of them need `count - 1` intervals.
            let window = months * 30
            let guaranteed = 1 + window / firstSixMonthsIntervalDays
            return guaranteed >= count
                ? nil
                : "a conversation every \(firstSixMonthsIntervalDays) days gives \(guaranteed) in the first \(months) months; the law demands at least \(count)"
        }
    }
}
