/// Danish civil time (Europe/Copenhagen): CET, UTC+1, and CEST, UTC+2, from the last Sunday of March to the
/// last Sunday of October, switching at 01:00 UTC (the EU rule, in force since 1996).
///
/// Why: the law is judged by the date a decision was made in Denmark (DOMAIN.md, "The law over time"), while
/// case systems send UTC instants. A decision made at 00:30 Danish time on 1 January 2022 is 23:30 UTC on
/// 31 December 2021 and must be judged by 2022's rules; a deadline counted from it starts on the 1st. Written
/// out rather than read from the system's time-zone database, so that the core stays free of I/O and gives the
/// same answer on every machine.
public enum DanishTime {
    /// Seconds to add to UTC for Danish civil time at `instant`: 3,600 or 7,200.
    public static func offsetSeconds(at instant: Instant) -> Int64 {
        let year = instant.date.year
        let (summerStarts, summerEnds) =
            summerTimes.indices.contains(year - firstTabulatedYear)
            ? summerTimes[year - firstTabulatedYear] : summerTime(in: year)
        return instant >= summerStarts && instant < summerEnds ? 7_200 : 3_600
    }

    /// When summer time starts and ends in `year`: 01:00 UTC on the last Sundays of March and October.
    static func summerTime(in year: Int) -> (starts: Instant, ends: Instant) {
        (
            lastSunday(of: 3, in: year).startInstant.adding(seconds: 3_600),
            lastSunday(of: 10, in: year).startInstant.adding(seconds: 3_600)
        )
    }

    /// `summerTime` of the years 1970–2199, worked out once: every deadline row read and every deadline counted
    /// asks for a Danish date, and finding two last Sundays each time was a sixth of decoding a deadline row.
    static let firstTabulatedYear = 1970
    static let summerTimes: [(starts: Instant, ends: Instant)] = (firstTabulatedYear..<2200).map(summerTime(in:))

    /// The calendar date in Denmark at `instant`.
    public static func date(of instant: Instant) -> CivilDate {
        instant.adding(seconds: offsetSeconds(at: instant)).date
    }

    /// The instant `date` begins in Denmark, 00:00 Europe/Copenhagen: 23:00 UTC the day before in winter, 22:00
    /// UTC in summer. This is when a deadline on `date` falls due (CONTRACT.md §6.6).
    ///
    /// The clocks change at 01:00 UTC on a Sunday, never between 22:00 and 23:00 UTC, so the offset in force
    /// at 22:00 UTC the evening before is the offset of the midnight that follows it, even on the nights the
    /// clocks change (the last Sunday of March starts at 23:00 UTC, still in winter time; the last Sunday of
    /// October at 22:00 UTC, still in summer time).
    public static func startOfDay(_ date: CivilDate) -> Instant {
        let evening = date.startInstant.adding(seconds: -7_200)
        return date.startInstant.adding(seconds: -offsetSeconds(at: evening))
    }

    /// The last Sunday of `month` (31 days: March or October) in `year`.
    static func lastSunday(of month: Int, in year: Int) -> CivilDate {
        let last = CivilDate(year: year, month: month, day: 31)!
        // Day 0 (1970-01-01) was a Thursday: weekday 4 when Sunday is 0.
        let weekday = ((last.dayNumber + 4) % 7 + 7) % 7
        return last.adding(days: -weekday)
    }
}

extension Instant {
    /// The calendar date in Denmark at this instant (`DanishTime`): the date the law and the deadlines count.
    public var danishDate: CivilDate { DanishTime.date(of: self) }
}

extension CivilDate {
    /// 00:00 in Denmark on this date (`DanishTime.startOfDay`): the moment a deadline on this date falls due,
    /// a course on it has ended, and a reminder counted back to it is sent. `startInstant` is UTC midnight.
    public var danishMidnight: Instant { DanishTime.startOfDay(self) }
}
