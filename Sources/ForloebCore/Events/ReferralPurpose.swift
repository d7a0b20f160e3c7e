/// Why a running course is referred to the rehabilitation team (CONTRACT.md §6.2).
public enum ReferralPurpose: String, Sendable, Codable, CaseIterable {
    /// The team advises on what follows the course: the case waits for it in `pre_end_awaiting_team`.
    case nextStep = "next_step"
    /// The course is presented to the team again while it runs (for example the 2022 effort guarantee: no
    /// effort started within 6 months); the case stays `active`.
    case review
}
