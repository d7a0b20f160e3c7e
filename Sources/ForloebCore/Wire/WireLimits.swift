/// The ranges a number or a date from the wire must lie in before the engine computes with it.
///
/// Why: the engine adds months and weeks to dates and sums durations with trapping integer arithmetic, and a
/// snapshot writes dates with four-digit years. A value outside these ranges is never a real case, and letting
/// it through would crash a worker on every redelivery (an overflow traps) or store a snapshot that no later
/// read can decode. So the decoder rejects it as `malformed`, naming the field, before any arithmetic runs.
/// The bounds are wide enough for any case a municipality keeps: a century of months or weeks, and dates from
/// 1900 (the oldest citizen's birth) to 2999; every date the engine derives from them stays below year 3200.
public enum WireLimits {
    /// The earliest date an event may carry (a birth date of a citizen alive today is later).
    public static let earliestDate = CivilDate(year: 1900, month: 1, day: 1)!
    /// The latest date an event may carry.
    public static let latestDate = CivilDate(year: 2999, month: 12, day: 31)!
    /// The most months a duration, a plan period or a prior course may span (100 years).
    public static let maximumMonths = 1_200
    /// The most weeks an internship or its extension may span (100 years).
    public static let maximumWeeks = 5_200
    /// The longest id (`messageId`, `caseId`, `actor`) in UTF-8 bytes: what AMQP's message-id property holds,
    /// and well inside what a PostgreSQL index entry can (a 10 KB id would fail every batch it is in).
    public static let maximumIdentifierBytes = 255

    /// The dates the engine accepts.
    public static var dates: ClosedRange<CivilDate> { earliestDate...latestDate }
    /// The instants the engine accepts: from the first to the last second of the accepted dates, in UTC.
    public static var instants: ClosedRange<Instant> {
        earliestDate.startInstant...latestDate.adding(days: 1).startInstant.adding(seconds: -1)
    }
}
