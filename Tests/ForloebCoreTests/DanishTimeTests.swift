@testable import ForloebCore
import Testing

/// Danish civil dates from UTC instants: the date the law and the deadlines count (CET, CEST in summer).
@Suite struct DanishTimeTests {
    @Test(arguments: [
        // Winter, UTC+1: the Danish date turns at 23:00 UTC.
        ("2021-12-31T22:59:59Z", "2021-12-31"), ("2021-12-31T23:00:00Z", "2022-01-01"),
        ("2021-12-31T23:30:00Z", "2022-01-01"),
        // Summer, UTC+2: at 22:00 UTC.
        ("2022-06-30T21:59:59Z", "2022-06-30"), ("2022-06-30T22:00:00Z", "2022-07-01"),
        // An offset in the text changes nothing: the instant is the same.
        ("2022-01-01T00:30:00+01:00", "2022-01-01"),
    ])
    func danishDate(_ instant: String, _ date: String) {
        #expect(Instant(rfc3339: instant)?.danishDate == CivilDate(iso: date))
    }

    /// Summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    @Test(arguments: [
        ("2022-03-27T00:59:59Z", 3_600), ("2022-03-27T01:00:00Z", 7_200), ("2022-10-30T00:59:59Z", 7_200),
        ("2022-10-30T01:00:00Z", 3_600), ("2024-03-31T01:00:00Z", 7_200), ("2024-03-30T12:00:00Z", 3_600),
        ("2025-10-26T00:30:00Z", 7_200), ("2025-10-26T01:30:00Z", 3_600), ("2026-01-15T12:00:00Z", 3_600),
    ])
    func offset(_ instant: String, _ seconds: Int64) throws {
        #expect(DanishTime.offsetSeconds(at: try #require(Instant(rfc3339: instant))) == seconds)
    }

    @Test func lastSundays() {
        #expect(DanishTime.lastSunday(of: 3, in: 2024) == CivilDate(iso: "2024-03-31"))
        #expect(DanishTime.lastSunday(of: 10, in: 2024) == CivilDate(iso: "2024-10-27"))
        #expect(DanishTime.lastSunday(of: 3, in: 2025) == CivilDate(iso: "2025-03-30"))
        #expect(DanishTime.lastSunday(of: 10, in: 2025) == CivilDate(iso: "2025-10-26"))
        #expect(DanishTime.lastSunday(of: 3, in: 1969) == CivilDate(iso: "1969-03-30"))
    }
}
