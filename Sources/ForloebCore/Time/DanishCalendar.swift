/// The days on which a period of Danish law can end, and the periods counted in weeks (CONTRACT.md §6.6).
///
/// A period that ends on a day that is not a working day runs on to the next working day. Not working days are
/// Saturdays, Sundays, the public holidays (`DanishHoliday`: store bededag only up to 2023) and, by default, the
/// three days the Danish rules on periods treat alike: grundlovsdag (5 June), juleaftensdag (24 December) and
/// nytårsaftensdag (31 December).
///
/// Why those three, with the sources read (December 2026):
/// - Retssikkerhedsloven §§ 66–67 give the citizen 4 weeks to appeal but say nothing of a last day that falls
///   on a day off. The general rule is administrative practice, set out in Justitsministeriets vejledning
///   nr. 9533 af 26. juni 2018 om beregning af klagefrister, which Ankestyrelsen follows (ast.dk, "Ny
///   vejledning om beregning af klagefrister", 2018): a period is counted in the unit the rule names (weeks as
///   weeks, not as days), and one that ends on a weekend, a holiday or the like runs on to the next working day.
/// - The statutes that write the rule out name the three days with the holidays: forældelsesloven § 27, stk. 2
///   ("Udløber en frist i en weekend, på en helligdag, grundlovsdag, den 24. eller den 31. december,
///   udstrækkes fristen til den førstkommende hverdag") and restaurationsloven § 36 a, stk. 5 (weekend,
///   helligdag, grundlovsdag, juleaftensdag or nytårsaftensdag), as quoted by danskelove.dk and elov.dk.
/// - Not every rule does: husdyrbrugloven § 79, stk. 2 extends only past a Saturday or a holiday, and Udbetaling
///   Danmark (borger.dk) also extends past the Friday after Kristi himmelfartsdag.
///
/// The default follows forældelsesloven § 27, stk. 2: it is the general statement of the rule in statute, the
/// three days are days the municipality's offices are closed, and it errs on the citizen's side (an appeal
/// accepted one working day later costs nothing; one refused as late that was in time costs the citizen the
/// appeal, which Folketingets Ombudsmand insists they have in full: FOB 07.399). A deployment that reads the
/// practice otherwise passes its own `alikeDays`.
public struct DanishCalendar: Sendable, Equatable {
    /// A day that is neither a weekend nor a public holiday, but on which a period does not end either.
    public enum AlikeDay: String, CaseIterable, Sendable {
        /// 5 June.
        case grundlovsdag
        /// 24 December.
        case juleaftensdag
        /// 31 December.
        case nytaarsaftensdag

        /// The day's date in `year`.
        public func date(in year: Int) -> CivilDate {
            switch self {
            case .grundlovsdag: CivilDate(dayNumber: CivilDate.days(fromCivil: year, 6, 5))
            case .juleaftensdag: CivilDate(dayNumber: CivilDate.days(fromCivil: year, 12, 24))
            case .nytaarsaftensdag: CivilDate(dayNumber: CivilDate.days(fromCivil: year, 12, 31))
            }
        }
    }

    /// The days treated like holidays; all three unless the deployment says otherwise.
    public let alikeDays: Set<AlikeDay>

    /// A calendar that treats `alikeDays` like public holidays (by default all three, after forældelsesloven
    /// § 27, stk. 2).
    public init(alikeDays: Set<AlikeDay> = Set(AlikeDay.allCases)) {
        self.alikeDays = alikeDays
    }

    /// The calendar with the cited default.
    public static let standard = DanishCalendar()

    /// Whether a period of the law can end on `date`: not a Saturday or Sunday, a public holiday, or an alike day.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        guard date.isoWeekday <= 5, DanishHoliday.on(date) == nil else { return false }
        let year = date.year
        return !alikeDays.contains { $0.date(in: year) == date }
    }

    /// `date` if it is a working day, else the first working day after it.
    public func nextWorkingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        // At most five steps: the longest run of days off is Easter's, skærtorsdag to 2. påskedag.
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The last day of a period of `weeks` weeks from `date`: the same weekday `weeks` weeks later, or the next
    /// working day when that is none (the day the period starts from is not counted, as for appeals).
    public func addingWeeks(_ weeks: Int, to date: CivilDate) -> CivilDate {
        nextWorkingDay(onOrAfter: date.adding(days: 7 * weeks))
    }
}
