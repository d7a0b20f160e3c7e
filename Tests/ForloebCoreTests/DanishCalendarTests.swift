import ForloebCore
import Testing

/// The Danish calendar of working days, against dates written out by hand for 2020–2030 (Easter Sundays checked
/// against the church calendar; store bededag 2020–2023 only, lov nr. 159 af 28/02/2023).
@Suite struct DanishCalendarTests {
    /// Every public holiday of 2020–2030, by hand: nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag,
    /// store bededag (to 2023), Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag.
    static let holidays: [Int: [(DanishHoliday, String)]] = [
        2020: [
            (.nytaarsdag, "2020-01-01"), (.skaertorsdag, "2020-04-09"), (.langfredag, "2020-04-10"),
            (.paaskedag, "2020-04-12"), (.andenPaaskedag, "2020-04-13"), (.storeBededag, "2020-05-08"),
            (.kristiHimmelfartsdag, "2020-05-21"), (.pinsedag, "2020-05-31"), (.andenPinsedag, "2020-06-01"),
            (.juledag, "2020-12-25"), (.andenJuledag, "2020-12-26"),
        ],
        2021: [
            (.nytaarsdag, "2021-01-01"), (.skaertorsdag, "2021-04-01"), (.langfredag, "2021-04-02"),
            (.paaskedag, "2021-04-04"), (.andenPaaskedag, "2021-04-05"), (.storeBededag, "2021-04-30"),
            (.kristiHimmelfartsdag, "2021-05-13"), (.pinsedag, "2021-05-23"), (.andenPinsedag, "2021-05-24"),
            (.juledag, "2021-12-25"), (.andenJuledag, "2021-12-26"),
        ],
        2022: [
            (.nytaarsdag, "2022-01-01"), (.skaertorsdag, "2022-04-14"), (.langfredag, "2022-04-15"),
            (.paaskedag, "2022-04-17"), (.andenPaaskedag, "2022-04-18"), (.storeBededag, "2022-05-13"),
            (.kristiHimmelfartsdag, "2022-05-26"), (.pinsedag, "2022-06-05"), (.andenPinsedag, "2022-06-06"),
            (.juledag, "2022-12-25"), (.andenJuledag, "2022-12-26"),
        ],
        2023: [
            (.nytaarsdag, "2023-01-01"), (.skaertorsdag, "2023-04-06"), (.langfredag, "2023-04-07"),
            (.paaskedag, "2023-04-09"), (.andenPaaskedag, "2023-04-10"), (.storeBededag, "2023-05-05"),
            (.kristiHimmelfartsdag, "2023-05-18"), (.pinsedag, "2023-05-28"), (.andenPinsedag, "2023-05-29"),
            (.juledag, "2023-12-25"), (.andenJuledag, "2023-12-26"),
        ],
        2024: [
            (.nytaarsdag, "2024-01-01"), (.skaertorsdag, "2024-03-28"), (.langfredag, "2024-03-29"),
            (.paaskedag, "2024-03-31"), (.andenPaaskedag, "2024-04-01"),
            (.kristiHimmelfartsdag, "2024-05-09"), (.pinsedag, "2024-05-19"), (.andenPinsedag, "2024-05-20"),
            (.juledag, "2024-12-25"), (.andenJuledag, "2024-12-26"),
        ],
        2025: [
            (.nytaarsdag, "2025-01-01"), (.skaertorsdag, "2025-04-17"), (.langfredag, "2025-04-18"),
            (.paaskedag, "2025-04-20"), (.andenPaaskedag, "2025-04-21"),
            (.kristiHimmelfartsdag, "2025-05-29"), (.pinsedag, "2025-06-08"), (.andenPinsedag, "2025-06-09"),
            (.juledag, "2025-12-25"), (.andenJuledag, "2025-12-26"),
        ],
        2026: [
            (.nytaarsdag, "2026-01-01"), (.skaertorsdag, "2026-04-02"), (.langfredag, "2026-04-03"),
            (.paaskedag, "2026-04-05"), (.andenPaaskedag, "2026-04-06"),
            (.kristiHimmelfartsdag, "2026-05-14"), (.pinsedag, "2026-05-24"), (.andenPinsedag, "2026-05-25"),
            (.juledag, "2026-12-25"), (.andenJuledag, "2026-12-26"),
        ],
        2027: [
            (.nytaarsdag, "2027-01-01"), (.skaertorsdag, "2027-03-25"), (.langfredag, "2027-03-26"),
            (.paaskedag, "2027-03-28"), (.andenPaaskedag, "2027-03-29"),
            (.kristiHimmelfartsdag, "2027-05-06"), (.pinsedag, "2027-05-16"), (.andenPinsedag, "2027-05-17"),
            (.juledag, "2027-12-25"), (.andenJuledag, "2027-12-26"),
        ],
        2028: [
            (.nytaarsdag, "2028-01-01"), (.skaertorsdag, "2028-04-13"), (.langfredag, "2028-04-14"),
            (.paaskedag, "2028-04-16"), (.andenPaaskedag, "2028-04-17"),
            (.kristiHimmelfartsdag, "2028-05-25"), (.pinsedag, "2028-06-04"), (.andenPinsedag, "2028-06-05"),
            (.juledag, "2028-12-25"), (.andenJuledag, "2028-12-26"),
        ],
        2029: [
            (.nytaarsdag, "2029-01-01"), (.skaertorsdag, "2029-03-29"), (.langfredag, "2029-03-30"),
            (.paaskedag, "2029-04-01"), (.andenPaaskedag, "2029-04-02"),
            (.kristiHimmelfartsdag, "2029-05-10"), (.pinsedag, "2029-05-20"), (.andenPinsedag, "2029-05-21"),
            (.juledag, "2029-12-25"), (.andenJuledag, "2029-12-26"),
        ],
        2030: [
            (.nytaarsdag, "2030-01-01"), (.skaertorsdag, "2030-04-18"), (.langfredag, "2030-04-19"),
            (.paaskedag, "2030-04-21"), (.andenPaaskedag, "2030-04-22"),
            (.kristiHimmelfartsdag, "2030-05-30"), (.pinsedag, "2030-06-09"), (.andenPinsedag, "2030-06-10"),
            (.juledag, "2030-12-25"), (.andenJuledag, "2030-12-26"),
        ],
    ]

    @Test(arguments: [
        (2020, "2020-04-12"), (2021, "2021-04-04"), (2022, "2022-04-17"), (2023, "2023-04-09"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"),
        // The extremes of the Gregorian computus: 22 March (1818, 2285) and 25 April (1943, 2038).
        (1818, "1818-03-22"), (2285, "2285-03-22"), (1943, "1943-04-25"), (2038, "2038-04-25"),
    ])
    func easterSunday(_ year: Int, _ date: String) {
        #expect(DanishHoliday.easterSunday(in: year) == day(date))
        #expect(day(date).isoWeekday == 7, "Easter is a Sunday")
    }

    @Test func everyHolidayOf2020To2030() {
        for (year, expected) in Self.holidays.sorted(by: { $0.key < $1.key }) {
            for (holiday, date) in expected {
                #expect(holiday.date(in: year) == day(date), "\(holiday) \(year)")
                #expect(DanishHoliday.on(day(date)) != nil, "\(date) is a holiday")
            }
            // No other holiday in the year than those written out.
            let computed = Set(DanishHoliday.allCases.compactMap { $0.date(in: year) })
            #expect(computed == Set(expected.map { day($0.1) }), "\(year)")
        }
    }

    @Test func storeBededagIsAHolidayUpTo2023Only() {
        for year in 2020...2023 {
            let bededag = DanishHoliday.storeBededag.date(in: year)
            #expect(bededag == DanishHoliday.easterSunday(in: year).adding(days: 26), "the fourth Friday after Easter")
            #expect(bededag?.isoWeekday == 5)
            #expect(bededag.map { DanishCalendar.standard.isWorkingDay($0) } == false, "\(year)")
        }
        for year in 2024...2030 {
            #expect(DanishHoliday.storeBededag.date(in: year) == nil, "\(year)")
            // The Friday it fell on is an ordinary working day.
            let friday = DanishHoliday.easterSunday(in: year).adding(days: 26)
            #expect(DanishCalendar.standard.isWorkingDay(friday), "\(friday)")
            #expect(DanishHoliday.on(friday) == nil)
        }
        #expect(DanishCalendar.standard.isWorkingDay(day("2024-04-26")))
        #expect(!DanishCalendar.standard.isWorkingDay(day("2023-05-05")))
    }

    /// Every day of 2020–2030 against the hand-written holidays, the weekends and the alike days.
    @Test func everyDayOf2020To2030() {
        let holidayDates = Set(Self.holidays.values.flatMap { $0.map { day($0.1) } })
        var date = day("2020-01-01")
        var workingDays = 0
        while date <= day("2030-12-31") {
            let (_, month, dayOfMonth) = date.components
            let weekend = date.isoWeekday >= 6
            let alike =
                (month, dayOfMonth) == (6, 5) || (month, dayOfMonth) == (12, 24) || (month, dayOfMonth) == (12, 31)
            let expected = !weekend && !holidayDates.contains(date) && !alike
            #expect(DanishCalendar.standard.isWorkingDay(date) == expected, "\(date)")
            #expect(DanishCalendar(alikeDays: []).isWorkingDay(date) == (!weekend && !holidayDates.contains(date)))
            if expected { workingDays += 1 }
            date = date.adding(days: 1)
        }
        // 4,018 days: 1,148 Saturdays and Sundays, 82 holidays and 23 alike days on weekdays (counted apart).
        #expect(workingDays == 2_765)
    }

    @Test func weekdays() {
        #expect(day("1970-01-01").isoWeekday == 4)
        #expect(day("2026-03-30").isoWeekday == 1)
        #expect(day("2026-04-04").isoWeekday == 6)
        #expect(day("2026-04-05").isoWeekday == 7)
        #expect(day("1969-12-31").isoWeekday == 3)
        #expect(!DanishCalendar.standard.isWorkingDay(day("2026-03-07")), "a Saturday")
        #expect(!DanishCalendar.standard.isWorkingDay(day("2026-03-08")), "a Sunday")
        #expect(DanishCalendar.standard.isWorkingDay(day("2026-03-09")), "a Monday")
    }

    @Test func theAlikeDaysAreConfigurable() {
        // 5 June, 24 and 31 December 2025 are a Thursday and two Wednesdays.
        for date in ["2025-06-05", "2025-12-24", "2025-12-31"] {
            #expect(!DanishCalendar.standard.isWorkingDay(day(date)), "\(date)")
            #expect(DanishCalendar(alikeDays: []).isWorkingDay(day(date)), "\(date)")
        }
        let christmasOnly = DanishCalendar(alikeDays: [.juleaftensdag])
        #expect(christmasOnly.isWorkingDay(day("2025-06-05")))
        #expect(!christmasOnly.isWorkingDay(day("2025-12-24")))
        #expect(christmasOnly.isWorkingDay(day("2025-12-31")))
        #expect(DanishCalendar() == DanishCalendar.standard)
        #expect(DanishCalendar.standard.alikeDays == [.grundlovsdag, .juleaftensdag, .nytaarsaftensdag])
    }

    @Test(arguments: [
        // A working day stays.
        ("2026-03-09", "2026-03-09"),
        // Weekends.
        ("2026-03-07", "2026-03-09"), ("2026-03-08", "2026-03-09"),
        // Across Easter 2026: skærtorsdag to 2. påskedag, on to Tuesday.
        ("2026-04-02", "2026-04-07"), ("2026-04-03", "2026-04-07"), ("2026-04-05", "2026-04-07"),
        ("2026-04-06", "2026-04-07"),
        // Kristi himmelfartsdag (Thursday) runs to the Friday after it; pinse to the Tuesday.
        ("2026-05-14", "2026-05-15"), ("2026-05-23", "2026-05-26"),
        // Store bededag 2023 to the Monday; the same Friday in 2025 is a working day.
        ("2023-05-05", "2023-05-08"), ("2025-05-16", "2025-05-16"),
        // Christmas 2025: juleaftensdag (Wednesday) to 2. juledag (Friday) and the weekend, on to Monday.
        ("2025-12-24", "2025-12-29"), ("2025-12-26", "2025-12-29"),
        // Nytårsaftensdag 2026 (Thursday), nytårsdag (Friday), the weekend: on to Monday 4 January.
        ("2026-12-31", "2027-01-04"),
        // Grundlovsdag 2026 is a Friday: on to Monday.
        ("2026-06-05", "2026-06-08"),
    ])
    func nextWorkingDay(_ from: String, _ expected: String) {
        #expect(DanishCalendar.standard.nextWorkingDay(onOrAfter: day(from)) == day(expected))
    }

    @Test func withoutTheAlikeDaysChristmasEveIsAWorkingDay() {
        let plain = DanishCalendar(alikeDays: [])
        #expect(plain.nextWorkingDay(onOrAfter: day("2025-12-24")) == day("2025-12-24"))
        #expect(plain.nextWorkingDay(onOrAfter: day("2025-12-25")) == day("2025-12-29"))
        #expect(plain.nextWorkingDay(onOrAfter: day("2026-12-31")) == day("2026-12-31"))
    }

    /// A decision's appeal period (R14) is the calendar's 4 weeks: across Easter, Christmas and a weekend.
    @Test(arguments: [
        ("2026-03-05", "2026-04-07"), ("2025-11-26", "2025-12-29"), ("2026-02-07", "2026-03-09"),
        ("2026-02-02", "2026-03-02"),
    ])
    func aDecisionCanBeAppealedUntilTheWorkingDayFourWeeksOn(_ decided: String, _ until: String) throws {
        var s = CaseScript(journey: try JourneyFixture.journey())
        s.open(born: "1985-05-20", on: day(decided).adding(days: -20).description)
        #expect(s.assess(.notInTargetGroup, on: decided).transition?.to == .refused)
        #expect(s.current?.lastDecision?.decidedOn == day(decided))
        #expect(s.current?.lastDecision?.appealUntil == day(until))
    }

    @Test(arguments: [
        // Four weeks from a Monday end on a Monday.
        ("2026-02-02", 4, "2026-03-02"),
        // From a Saturday: the Saturday four weeks on is no working day.
        ("2026-02-07", 4, "2026-03-09"),
        // Into Easter 2026: skærtorsdag and langfredag run on to the Tuesday after 2. påskedag.
        ("2026-03-05", 4, "2026-04-07"), ("2026-03-06", 4, "2026-04-07"),
        // Into store bededag 2023, and the same Friday after its abolition.
        ("2023-04-07", 4, "2023-05-08"), ("2024-03-29", 4, "2024-04-26"),
        // Into Christmas and New Year.
        ("2025-11-26", 4, "2025-12-29"), ("2026-12-03", 4, "2027-01-04"),
        // Over a year end, with no day off at the end.
        ("2026-12-10", 4, "2027-01-07"),
        // Zero weeks: the next working day.
        ("2026-04-03", 0, "2026-04-07"),
    ])
    func addingWeeks(_ from: String, _ weeks: Int, _ expected: String) {
        #expect(DanishCalendar.standard.addingWeeks(weeks, to: day(from)) == day(expected))
    }
}
