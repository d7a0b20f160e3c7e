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

    /// A deadline falls due at 00:00 in Denmark (CONTRACT.md §6.6), across both changes of the clocks.
    @Test(arguments: [
        // The contract's examples: summer and winter.
        ("2026-04-01", "2026-03-31T22:00:00Z"), ("2026-01-15", "2026-01-14T23:00:00Z"),
        // The last Sunday of March 2026 (29th) begins in winter time; the Monday after in summer time.
        ("2026-03-28", "2026-03-27T23:00:00Z"), ("2026-03-29", "2026-03-28T23:00:00Z"),
        ("2026-03-30", "2026-03-29T22:00:00Z"),
        // The last Sunday of October 2026 (25th) begins in summer time; the Monday after in winter time.
        ("2026-10-24", "2026-10-23T22:00:00Z"), ("2026-10-25", "2026-10-24T22:00:00Z"),
        ("2026-10-26", "2026-10-25T23:00:00Z"),
        // 2024: 31 March and 27 October; New Year.
        ("2024-03-31", "2024-03-30T23:00:00Z"), ("2024-04-01", "2024-03-31T22:00:00Z"),
        ("2024-10-27", "2024-10-26T22:00:00Z"), ("2024-10-28", "2024-10-27T23:00:00Z"),
        ("2027-01-01", "2026-12-31T23:00:00Z"),
    ])
    func deadlinesFallDueAtDanishMidnight(_ date: String, _ dueAt: String) throws {
        let due = try #require(Instant(rfc3339: dueAt))
        let on = try #require(CivilDate(iso: date))
        #expect(on.danishMidnight == due)
        #expect(DanishTime.startOfDay(on) == due)
        #expect(Deadline(kind: .courseEnd, dueOn: on).dueAt == due)
        #expect(Deadline(kind: .courseEnd, dueOn: on).dueAt.description == dueAt)
    }

    /// Every day of 2020–2030: its Danish midnight is on that date in Denmark, and a second earlier the day before.
    @Test func danishMidnightBeginsTheDanishDate() throws {
        var date = try #require(CivilDate(iso: "2020-01-01"))
        while date.year <= 2030 {
            let midnight = date.danishMidnight
            #expect(midnight.danishDate == date, "\(date)")
            #expect(midnight.adding(seconds: -1).danishDate == date.adding(days: -1), "\(date)")
            let offset = DanishTime.offsetSeconds(at: midnight)
            #expect(midnight.adding(seconds: offset) == date.startInstant, "\(date): 00:00 on the Danish clock")
            date = date.adding(days: 1)
        }
    }

    /// A course has overrun from its end's Danish midnight, when its `course_end` deadline falls due.
    @Test func aCourseOverrunsAtTheDanishMidnightOfItsEnd() throws {
        var s = CaseScript(journey: try JourneyFixture.journey())
        s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12, start: "2023-03-01")
        #expect(s.course?.end == day("2024-03-01"))
        #expect(s.current?.isOverrun(at: instant("2024-02-29T22:59:59Z")) == false)
        #expect(s.current?.isOverrun(at: instant("2024-02-29T23:00:00Z")) == true, "00:00 on 1 March in Denmark")
    }

    @Test func lastSundays() {
        #expect(DanishTime.lastSunday(of: 3, in: 2024) == CivilDate(iso: "2024-03-31"))
        #expect(DanishTime.lastSunday(of: 10, in: 2024) == CivilDate(iso: "2024-10-27"))
        #expect(DanishTime.lastSunday(of: 3, in: 2025) == CivilDate(iso: "2025-03-30"))
        #expect(DanishTime.lastSunday(of: 10, in: 2025) == CivilDate(iso: "2025-10-26"))
        #expect(DanishTime.lastSunday(of: 3, in: 1969) == CivilDate(iso: "1969-03-30"))
    }
}
