/// The inbound event types of CONTRACT.md §1; the raw value is the wire `type` and the routing key.
public enum EventType: String, CaseIterable, Codable, Sendable {
    case caseOpened = "case.opened"
    case targetGroupAssessed = "target_group.assessed"
    case teamReferred = "team.referred"
    case teamRecommended = "team.recommended"
    case teamRereferred = "team.rereferred"
    case decisionMade = "decision.made"
    case caseworkerAssigned = "caseworker.assigned"
    case meetingHeld = "meeting.held"
    case planUpdated = "plan.updated"
    case mentorAgreed = "mentor.agreed"
    case effortStarted = "effort.started"
    case internshipStarted = "internship.started"
    case internshipExtended = "internship.extended"
    case absenceRecorded = "absence.recorded"
    case contactAttempted = "contact.attempted"
    case sanctionDecided = "sanction.decided"
    case courseExtensionRequested = "course.extension_requested"
    case municipalityChanged = "municipality.changed"
    case caseClosed = "case.closed"
    /// The 2026 reform (§6.3): the *samlet beskrivelse af borgerens forudsætninger* is complete.
    case descriptionCompleted = "description.completed"
    /// The 2026 reform (§6.3): the sundhedskoordinator has given the mandatory health advice.
    case healthAdviceGiven = "health_advice.given"
    /// Appeals (§6.4): an appeal reached the municipality, which reconsidered it, and Ankestyrelsen ruled.
    case appealLodged = "appeal.lodged"
    case appealReconsidered = "appeal.reconsidered"
    case appealDecided = "appeal.decided"
}

extension EventType {
    /// The appeal events (§6.4): valid in every state, final ones included.
    public var isAppeal: Bool {
        self == .appealLodged || self == .appealReconsidered || self == .appealDecided
    }
}
