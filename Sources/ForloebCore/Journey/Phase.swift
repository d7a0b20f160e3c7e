/// Where a case is in its journey, with exactly the data that state needs.
///
/// A recommendation exists only while a decision is awaited, and a course only from the grant until the
/// next step is decided, so "active without a granted course" or "awaiting a decision without a
/// recommendation" cannot be written down.
public enum Phase: Sendable, Equatable, Codable {
    case requested
    case preparing
    case awaitingTeam(TeamRound)
    case awaitingDecision(Recommendation)
    case active(Course)
    /// The course runs on while the team considers what follows it (R5, R6).
    case preEndAwaitingTeam(Course, TeamRound)
    case preEndAwaitingDecision(Course, Recommendation)
    case ended(Ending)

    public var state: CaseState {
        switch self {
        case .requested: .requested
        case .preparing: .preparing
        case .awaitingTeam: .awaitingTeam
        case .awaitingDecision: .awaitingDecision
        case .active: .active
        case .preEndAwaitingTeam: .preEndAwaitingTeam
        case .preEndAwaitingDecision: .preEndAwaitingDecision
        case .ended(let ending): ending.state
        }
    }

    /// The running course, in the states that have one.
    public var course: Course? {
        switch self {
        case .active(let course), .preEndAwaitingTeam(let course, _), .preEndAwaitingDecision(let course, _): course
        default: nil
        }
    }

    /// The same state with `course` in place of its running course: one code path applies course events in
    /// all three states that have one (§6.1). Unchanged in the states without a course.
    public func replacingCourse(with course: Course) -> Phase {
        switch self {
        case .active: .active(course)
        case .preEndAwaitingTeam(_, let round): .preEndAwaitingTeam(course, round)
        case .preEndAwaitingDecision(_, let recommendation): .preEndAwaitingDecision(course, recommendation)
        default: self
        }
    }

    /// The team's recommendation a decision is awaited on, if any.
    public var recommendation: Recommendation? {
        switch self {
        case .awaitingDecision(let recommendation), .preEndAwaitingDecision(_, let recommendation): recommendation
        default: nil
        }
    }

    /// Past the target-group assessment and not ended: where, once the team is gone, the municipality decides
    /// without it (§6.3: no case is stranded by the reform).
    public var isPastAssessment: Bool {
        switch self {
        case .preparing, .awaitingTeam, .awaitingDecision, .active, .preEndAwaitingTeam, .preEndAwaitingDecision: true
        case .requested, .ended: false
        }
    }
}

/// How a case ended: refused, one of the next steps, or closed for an outside reason.
public enum Ending: String, Sendable, Equatable, Codable, CaseIterable {
    case refused, fleksjob, foertidspension, kontanthjaelp, revalidering
    case selfSupport = "self_support"
    case closed

    public var state: CaseState {
        switch self {
        case .refused: .refused
        case .fleksjob: .fleksjob
        case .foertidspension: .foertidspension
        case .kontanthjaelp: .kontanthjaelp
        case .revalidering: .revalidering
        case .selfSupport: .selfSupport
        case .closed: .closed
        }
    }
}
