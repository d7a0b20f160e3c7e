/// A calendar date with no time of day and no time zone, as the law counts days.
///
/// Deadlines are counted in calendar days and months from dates in the case system's events, never from
/// the machine's clock, so the core keeps its own small date type: integer arithmetic on a day number is
/// exact, allocation-free and identical on every platform (no `Calendar`, no locale, no DST).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// The date for a year, month (1–12) and day (1–31); `nil` when no such day exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        self.dayNumber = CivilDate.days(fromCivil: year, month, day)
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else; a year of five or six digits too,
    /// because that is how `description` writes a year after 9999, and what the store wrote must read back
    /// (the wire never gets that far: `WireLimits`).
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        let yearDigits = bytes.count - 6
        guard (4...6).contains(yearDigits), bytes[yearDigits] == UInt8(ascii: "-"),
            bytes[yearDigits + 3] == UInt8(ascii: "-"),
            let year = CivilDate.number(bytes[0..<yearDigits]),
            let month = CivilDate.number(bytes[(yearDigits + 1)..<(yearDigits + 3)]),
            let day = CivilDate.number(bytes[(yearDigits + 4)...])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Adds calendar months the way Danish administrative law counts them: the same day number in the
    /// target month, or that month's last day when it is shorter (31 January + 1 month = 28/29 February).
    public func adding(months: Int) -> CivilDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        let day = min(d, CivilDate.daysIn(year: year, month: month))
        return CivilDate(dayNumber: CivilDate.days(fromCivil: year, month, day))
    }

    public func adding(years: Int) -> CivilDate {
        adding(months: years * 12)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Completed years of age on `date` for someone born on `self`; the birthday itself counts.
    public func age(on date: CivilDate) -> Int {
        let (by, bm, bd) = components
        let (y, m, d) = date.components
        var years = y - by
        if m < bm || (m == bm && d < bd) { years -= 1 }
        return years
    }

    /// The first instant of this date in UTC. Deadlines fall due at `danishMidnight` instead; this is for
    /// arithmetic in UTC (the DST rule's switch, the wire's limits, generated streams).
    public var startInstant: Instant {
        Instant(secondsSinceEpoch: Int64(dayNumber) * 86_400)
    }

    public var description: String {
        let (y, m, d) = components
        return CivilDate.pad(y, 4) + "-" + CivilDate.pad(m, 2) + "-" + CivilDate.pad(d, 2)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 date (YYYY-MM-DD), got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
