/// What a team may recommend and a municipality may decide (CONTRACT.md `recommendation` / `outcome`).
public enum NextStep: String, Sendable, Codable, CaseIterable {
    case ressourceforloeb
    case newCourse = "new_course"
    case fleksjob
    case foertidspension
    case kontanthjaelp
    case revalidering
    case selfSupport = "self_support"

    /// `ressourceforloeb` and `new_course` both mean "a course"; which one is decided by where the case is.
    public var isCourse: Bool { self == .ressourceforloeb || self == .newCourse }

    /// Outcomes that need the team's recommendation before the decision (R1, R6, R17).
    public var needsTeam: Bool {
        switch self {
        case .ressourceforloeb, .newCourse, .fleksjob, .foertidspension: true
        case .kontanthjaelp, .revalidering, .selfSupport: false
        }
    }

    /// Two steps are the same choice when both are courses or both are the same outcome (for R2).
    public func sameChoice(as other: NextStep) -> Bool {
        self == other || (isCourse && other.isCourse)
    }

    /// The final state this outcome leads to (`nil` for a course).
    public var finalState: CaseState? {
        switch self {
        case .ressourceforloeb, .newCourse: nil
        case .fleksjob: .fleksjob
        case .foertidspension: .foertidspension
        case .kontanthjaelp: .kontanthjaelp
        case .revalidering: .revalidering
        case .selfSupport: .selfSupport
        }
    }
}
