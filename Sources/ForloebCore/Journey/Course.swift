/// One granted ressourceforløb and everything that happens inside it.
///
/// A course exists only because a decision granted it (R1), so the type cannot be built without its start,
/// duration and the rule set that decided it; its end is fixed at the grant and nothing moves it (R4, R10).
public struct Course: Sendable, Equatable, Codable {
    /// 1 for the citizen's first course, +1 for each new course.
    public let number: Int
    public let start: CivilDate
    public let months: Int
    public let end: CivilDate
    /// The rule set in force on the decision's date: it governs this course's cadence and guarantees.
    public let ruleSet: RuleSetID
    public var caseworker: Caseworker?
    /// The day the first meeting is counted from: the decision, or the team's meeting if that was earlier
    /// (003 §5.2). `nil` in snapshots written before it was kept: then the course's start.
    public var firstMeetingFrom: CivilDate?
    /// The first conversation that counts as the first meeting (in person under `2020`+).
    public var firstMeetingOn: CivilDate?
    public var lastMeetingOn: CivilDate?
    public var meetingsHeld: Int = 0
    public var plan: EffortPlan?
    public var mentor: MentorAgreement?
    public var internship: Internship?
    /// When the first effort that meets the effort guarantee started: an offer, internship, social or health
    /// effort (the kinds LAB § 113 stk. 2 names), started on or after the course's start.
    public var firstEffortOn: CivilDate?
    /// The team meeting a `review` referral of the running course waits for (§6.2). A date and not a
    /// `TeamRound`: a course is copied with every transition, so its rarely used parts stay small.
    public var reviewMeetingOn: CivilDate?
    /// The team's latest answer to a review: it meets the effort guarantee (LAB § 113 stk. 2).
    public var lastReview: CourseReview?
    public var absences: [Absence] = []
    public var contactAttempts: [ContactAttempt] = []
    public var sanctions: Int = 0

    public init(number: Int, start: CivilDate, months: Int, ruleSet: RuleSetID, firstMeetingFrom: CivilDate? = nil) {
        self.number = number
        self.start = start
        self.months = months
        self.end = start.adding(months: months)
        self.ruleSet = ruleSet
        self.firstMeetingFrom = firstMeetingFrom
    }

    /// Whether the 2022 effort guarantee is met: an effort started, or the team reviewed the course.
    public var effortGuaranteeMet: Bool { firstEffortOn != nil || lastReview != nil }
}

/// The team's recommendation on a running course it reviewed (§6.2): what it advised, and when.
public struct CourseReview: Sendable, Equatable, Codable {
    public var step: NextStep
    public var reviewedOn: CivilDate

    public init(step: NextStep, reviewedOn: CivilDate) {
        self.step = step
        self.reviewedOn = reviewedOn
    }
}

/// The coordinating caseworker (koordinerende sagsbehandler, R9).
public struct Caseworker: Sendable, Equatable, Codable {
    public var id: String
    public var unit: CaseworkerUnit
    public var assignedOn: CivilDate
}

public enum CaseworkerUnit: String, Sendable, Codable, CaseIterable {
    case jobcenter, social, health
    /// The 2026 reform: the jobcentre requirement is gone and "jobcenteret" reads "kommunen" (§6.3).
    case municipality

    /// Units whose caseworkers make employment-law decisions while the jobcentre requirement stands (R9).
    public var decidesEmploymentLaw: Bool { self == .jobcenter || self == .municipality }
}

/// The effort part of the rehabilitation plan (indsatsdel, R12).
public struct EffortPlan: Sendable, Equatable, Codable {
    public var setOn: CivilDate
    public var periodMonths: Int
    public var goal: String

    public var reviewOn: CivilDate { setOn.adding(months: periodMonths) }
}

/// A written mentor agreement (R13).
public struct MentorAgreement: Sendable, Equatable, Codable {
    public var startDate: CivilDate
    public var endDate: CivilDate
}

/// A company internship (virksomhedspraktik): 13 weeks at the start, 39 in all.
public struct Internship: Sendable, Equatable, Codable {
    public var startDate: CivilDate
    public var weeks: Int

    public var endDate: CivilDate { startDate.adding(days: weeks * 7) }
}

public struct Absence: Sendable, Equatable, Codable {
    public var date: CivilDate
    public var reasonableCause: Bool
}

public struct ContactAttempt: Sendable, Equatable, Codable {
    public var date: CivilDate
    public var channel: ContactChannel
    public var reached: Bool
}
