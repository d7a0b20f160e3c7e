/// The states of CONTRACT.md §2 as they appear on the wire and in the store.
///
/// This is the flat name of a `Phase`; the phase carries the data, the state is what operators filter on.
public enum CaseState: String, CaseIterable, Codable, Sendable, Comparable {
    case requested
    case preparing
    case awaitingTeam = "awaiting_team"
    case awaitingDecision = "awaiting_decision"
    case active
    case preEndAwaitingTeam = "pre_end_awaiting_team"
    case preEndAwaitingDecision = "pre_end_awaiting_decision"
    case refused
    case fleksjob
    case foertidspension
    case kontanthjaelp
    case revalidering
    case selfSupport = "self_support"
    case closed

    public var isFinal: Bool {
        switch self {
        case .requested, .preparing, .awaitingTeam, .awaitingDecision, .active, .preEndAwaitingTeam,
            .preEndAwaitingDecision:
            false
        case .refused, .fleksjob, .foertidspension, .kontanthjaelp, .revalidering, .selfSupport, .closed:
            true
        }
    }

    /// States in which a course is running (and so can overrun).
    public var hasRunningCourse: Bool {
        self == .active || self == .preEndAwaitingTeam || self == .preEndAwaitingDecision
    }

    public static func < (lhs: CaseState, rhs: CaseState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
