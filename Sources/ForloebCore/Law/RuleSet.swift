/// The numbers of one version of the law, loaded from `Workflows/rules/<id>.yaml`.
///
/// Which checks apply is decided by `id` in the transition function; this value only says how much.
public struct RuleSet: Sendable, Equatable {
    public var id: RuleSetID
    /// First day the rule set governs decisions.
    public var inForceFrom: CivilDate
    /// The shortest and longest course a decision may grant (R3).
    public var courseMonths: ClosedRange<Int>
    /// Age from which a new course needs the citizen's own wish (R7; `2013`, `2020`: 40).
    public var newCourseConsentAge: Int
    /// `2022`: from `newCourseConsentAge` up to this age, new courses need no wish while all courses together
    /// stay within `ageBandTotalMonths`; above it, one course only unless the citizen wants more.
    public var ageBandUpperAge: Int?
    public var ageBandTotalMonths: Int?
    /// `2022`: no course at all, unless the citizen wants it, this many years before folkepension age.
    public var yearsBeforePensionAgeNeedingConsent: Int?
    /// Folkepension age by date of birth, for the rule above: the first band whose `bornBefore` is later
    /// than the birth date applies; the last band has none.
    public var pensionAges: [PensionAgeBand]
    /// Follow-up conversations the law demands at the least.
    public var followUp: FollowUpMinimum
    /// The effort plan's shortest period (R12: `2013`, `2020`); `nil` where the rule set sets none.
    public var planMinMonths: Int?
    /// A mentor agreement's longest period (R13).
    public var mentorMaxMonths: Int
    /// Internship weeks at the start and in all.
    public var internshipStartMaxWeeks: Int
    public var internshipTotalMaxWeeks: Int
    /// `2022`: months after the course start by which an effort must have started, or back to the team.
    public var effortGuaranteeMonths: Int?
    /// Weeks the citizen has to appeal a decision (R14).
    public var appealWeeks: Int
    /// Weeks the municipality has to reconsider an appeal before it goes on to Ankestyrelsen
    /// (`appeal_reconsideration`, retssikkerhedsloven § 66).
    public var reconsiderationWeeks: Int = 4
    /// The age under which førtidspension needs documented futility (R8).
    public var foertidspensionFutilityAge: Int
    /// What the 2026 reform abolishes and from when (R18, R19); `nil` under the rule sets before it.
    public var abolitions: Abolitions?

    public init(
        id: RuleSetID, inForceFrom: CivilDate, courseMonths: ClosedRange<Int>, newCourseConsentAge: Int = 40,
        ageBandUpperAge: Int? = nil, ageBandTotalMonths: Int? = nil, yearsBeforePensionAgeNeedingConsent: Int? = nil,
        pensionAges: [PensionAgeBand] = [], followUp: FollowUpMinimum, planMinMonths: Int? = nil,
        mentorMaxMonths: Int = 6, internshipStartMaxWeeks: Int = 13, internshipTotalMaxWeeks: Int = 39,
        effortGuaranteeMonths: Int? = nil, appealWeeks: Int = 4, foertidspensionFutilityAge: Int = 40,
        abolitions: Abolitions? = nil
    ) {
        self.id = id
        self.inForceFrom = inForceFrom
        self.courseMonths = courseMonths
        self.newCourseConsentAge = newCourseConsentAge
        self.ageBandUpperAge = ageBandUpperAge
        self.ageBandTotalMonths = ageBandTotalMonths
        self.yearsBeforePensionAgeNeedingConsent = yearsBeforePensionAgeNeedingConsent
        self.pensionAges = pensionAges
        self.followUp = followUp
        self.planMinMonths = planMinMonths
        self.mentorMaxMonths = mentorMaxMonths
        self.internshipStartMaxWeeks = internshipStartMaxWeeks
        self.internshipTotalMaxWeeks = internshipTotalMaxWeeks
        self.effortGuaranteeMonths = effortGuaranteeMonths
        self.appealWeeks = appealWeeks
        self.foertidspensionFutilityAge = foertidspensionFutilityAge
        self.abolitions = abolitions
    }

    /// Whether no course (first or new) and no revalidering may be granted on `date` (R18).
    public func coursesAbolished(on date: CivilDate) -> Bool {
        abolitions.map { date >= $0.coursesOn } ?? false
    }

    /// Whether the rehabilitation team no longer sits on `date` (R18): decisions rest on R19 instead.
    public func teamAbolished(on date: CivilDate) -> Bool {
        abolitions.map { date >= $0.teamOn } ?? false
    }

    /// Whether the municipality, not a jobcentre, makes employment-law decisions on `date` (R9).
    public func jobcentreAbolished(on date: CivilDate) -> Bool {
        abolitions.map { date >= $0.jobcentreOn } ?? false
    }

    /// The folkepension age in months for someone born on `birthDate`, if the rule set knows it.
    public func pensionAgeMonths(bornOn birthDate: CivilDate) -> Int? {
        for band in pensionAges where band.bornBefore.map({ birthDate < $0 }) ?? true {
            return band.ageMonths
        }
        return nil
    }
}

/// One band of the folkepension age table.
public struct PensionAgeBand: Sendable, Equatable {
    public var bornBefore: CivilDate?
    public var ageMonths: Int

    public init(bornBefore: CivilDate?, ageMonths: Int) {
        self.bornBefore = bornBefore
        self.ageMonths = ageMonths
    }
}

/// The law's floor for follow-up conversations, in the two shapes it has had.
public enum FollowUpMinimum: Sendable, Equatable {
    /// `2013`: at least this many conversations a year.
    case perYear(Int)
    /// `2020`+: at least `count` individual conversations in the first `months` months, the first in person;
    /// after that as agreed with the citizen.
    case inFirstMonths(count: Int, months: Int)
}
