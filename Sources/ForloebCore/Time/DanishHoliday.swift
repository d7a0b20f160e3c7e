/// The Danish public holidays (helligdage) of the folkekirke's calendar, on which no period of the law ends.
///
/// Why: the appeal period (R14, CONTRACT.md §6.4 and §6.6) that ends on one of these runs on to the next working
/// day, so the engine must know them for any year a case can span. Written out with Easter computed, rather
/// than read from a table that would run out or from the system's locale, so that the core stays free of I/O
/// and gives the same answer on every machine and in every year.
///
/// Store bededag (the fourth Friday after Easter) was abolished as a holiday from 2024 by lov nr. 159 af
/// 28. februar 2023 om afskaffelse af store bededag som helligdag: it is one up to and including 2023 only.
public enum DanishHoliday: String, CaseIterable, Sendable {
    case nytaarsdag
    case skaertorsdag
    case langfredag
    case paaskedag
    case andenPaaskedag
    case storeBededag
    case kristiHimmelfartsdag
    case pinsedag
    case andenPinsedag
    case juledag
    case andenJuledag

    /// The last year store bededag was a holiday (lov nr. 159 af 28/02/2023).
    public static let lastStoreBededag = 2023

    /// The holiday's date in `year`, or `nil` when it is no holiday that year (store bededag from 2024).
    public func date(in year: Int) -> CivilDate? {
        date(in: year, easter: DanishHoliday.easterSunday(in: year))
    }

    private func date(in year: Int, easter: CivilDate) -> CivilDate? {
        switch self {
        case .nytaarsdag: return CivilDate(year: year, month: 1, day: 1)
        case .skaertorsdag: return easter.adding(days: -3)
        case .langfredag: return easter.adding(days: -2)
        case .paaskedag: return easter
        case .andenPaaskedag: return easter.adding(days: 1)
        case .storeBededag: return year <= DanishHoliday.lastStoreBededag ? easter.adding(days: 26) : nil
        case .kristiHimmelfartsdag: return easter.adding(days: 39)
        case .pinsedag: return easter.adding(days: 49)
        case .andenPinsedag: return easter.adding(days: 50)
        case .juledag: return CivilDate(year: year, month: 12, day: 25)
        case .andenJuledag: return CivilDate(year: year, month: 12, day: 26)
        }
    }

    /// The holiday on `date`, if it is one. On the transition function's path (every decision's appeal period):
    /// Easter is computed once, and the cases come from a stored array (`allCases` builds a new one each call).
    public static func on(_ date: CivilDate) -> DanishHoliday? {
        let year = date.year
        let easter = easterSunday(in: year)
        return all.first { $0.date(in: year, easter: easter) == date }
    }

    private static let all = allCases

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, also known as
    /// Meeus/Jones/Butcher): every movable holiday counts from it.
    public static func easterSunday(in year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(dayNumber: CivilDate.days(fromCivil: year, month, day))
    }
}
