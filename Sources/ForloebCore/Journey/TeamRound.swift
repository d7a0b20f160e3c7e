/// A referral to the rehabilitation team that awaits its recommendation.
public struct TeamRound: Sendable, Equatable, Codable {
    /// The date of the team meeting the case is referred to.
    public var meetingDate: CivilDate
    /// Set when the municipality referred the case again because it would not follow this recommendation (R2).
    public var rereferredFrom: Recommendation?

    public init(meetingDate: CivilDate, rereferredFrom: Recommendation? = nil) {
        self.meetingDate = meetingDate
        self.rereferredFrom = rereferredFrom
    }
}

/// The team's recommendation (indstilling).
public struct Recommendation: Sendable, Equatable, Codable {
    public var step: NextStep
    public var durationMonths: Int?
    public var recommendedOn: CivilDate
    /// True when the team gave this recommendation after a renewed referral: the municipality may now
    /// decide otherwise (R2).
    public var afterRereferral: Bool
    /// Set when Ankestyrelsen changed the decision taken on this recommendation: the municipality now decides
    /// as Ankestyrelsen said, and R2 asks no renewed referral to deviate from the team.
    public var overruledOnAppeal: Bool?

    public init(step: NextStep, durationMonths: Int?, recommendedOn: CivilDate, afterRereferral: Bool) {
        self.step = step
        self.durationMonths = durationMonths
        self.recommendedOn = recommendedOn
        self.afterRereferral = afterRereferral
    }
}
