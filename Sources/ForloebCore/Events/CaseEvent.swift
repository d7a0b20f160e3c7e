/// What happened in the case system, typed: one case per event type with exactly its data.
public enum CaseEvent: Sendable, Equatable {
    case caseOpened(Citizen)
    case targetGroupAssessed(outcome: TargetGroupOutcome, reason: String)
    /// `consideredEfforts` is required for the first referral (003 §4.2) and optional before the end;
    /// `purpose` matters only while a course runs (§6.2).
    case teamReferred(meetingDate: CivilDate, consideredEfforts: [String]?, purpose: ReferralPurpose = .nextStep)
    case teamRecommended(recommendation: NextStep, durationMonths: Int?)
    case teamRereferred(reason: String, meetingDate: CivilDate)
    case decisionMade(Decision)
    case caseworkerAssigned(caseworkerId: String, unit: CaseworkerUnit)
    case meetingHeld(date: CivilDate, channel: MeetingChannel)
    case planUpdated(periodMonths: Int, goal: String)
    case mentorAgreed(startDate: CivilDate, endDate: CivilDate)
    /// `fleksjob` is the case system's own word on whether the effort is a fleksjob (R17); without it the name
    /// decides, as a fallback.
    case effortStarted(startDate: CivilDate, area: EffortArea, name: String, fleksjob: Bool? = nil)
    case internshipStarted(startDate: CivilDate, weeks: Int)
    case internshipExtended(weeks: Int)
    case absenceRecorded(date: CivilDate, reasonableCause: Bool)
    case contactAttempted(date: CivilDate, channel: ContactChannel, reached: Bool)
    /// `notifiedOn`: the day the citizen received the sanction decision, from which its appeal period runs.
    case sanctionDecided(absenceDate: CivilDate, notifiedOn: CivilDate? = nil)
    case courseExtensionRequested
    case municipalityChanged(municipality: String)
    case caseClosed(reason: ClosureReason)
    /// The reform's replacements for the team's recommendation (R19), each dated.
    case descriptionCompleted(date: CivilDate)
    case healthAdviceGiven(date: CivilDate)
    /// An appeal of the decision made by the event with messageId `decision` reached the municipality (R14).
    case appealLodged(decision: String, receivedOn: CivilDate)
    /// The municipality's reconsideration; `decision` names the appeal when several are open (an addition).
    case appealReconsidered(outcome: AppealReconsideration, decision: String? = nil)
    /// Ankestyrelsen's ruling; `decision` names the appeal when several are with it (an addition).
    case appealDecided(outcome: AppealRuling, decision: String? = nil)

    public var type: EventType {
        switch self {
        case .caseOpened: .caseOpened
        case .targetGroupAssessed: .targetGroupAssessed
        case .teamReferred: .teamReferred
        case .teamRecommended: .teamRecommended
        case .teamRereferred: .teamRereferred
        case .decisionMade: .decisionMade
        case .caseworkerAssigned: .caseworkerAssigned
        case .meetingHeld: .meetingHeld
        case .planUpdated: .planUpdated
        case .mentorAgreed: .mentorAgreed
        case .effortStarted: .effortStarted
        case .internshipStarted: .internshipStarted
        case .internshipExtended: .internshipExtended
        case .absenceRecorded: .absenceRecorded
        case .contactAttempted: .contactAttempted
        case .sanctionDecided: .sanctionDecided
        case .courseExtensionRequested: .courseExtensionRequested
        case .municipalityChanged: .municipalityChanged
        case .caseClosed: .caseClosed
        case .descriptionCompleted: .descriptionCompleted
        case .healthAdviceGiven: .healthAdviceGiven
        case .appealLodged: .appealLodged
        case .appealReconsidered: .appealReconsidered
        case .appealDecided: .appealDecided
        }
    }
}

/// The data of a `decision.made` event.
public struct Decision: Sendable, Equatable {
    public var outcome: DecisionOutcome
    public var startDate: CivilDate?
    public var durationMonths: Int?
    /// The citizen's own wish for a (new) course (R7, `2022` age bands).
    public var citizenConsent: Bool?
    /// The decision documents that developing work capacity is obviously futile (R8); an addition to the contract.
    public var obviouslyFutile: Bool?
    /// The day the citizen received the decision: its appeal period runs from it (CONTRACT.md §6.4).
    public var notifiedOn: CivilDate?

    public init(
        outcome: DecisionOutcome, startDate: CivilDate? = nil, durationMonths: Int? = nil,
        citizenConsent: Bool? = nil, obviouslyFutile: Bool? = nil, notifiedOn: CivilDate? = nil
    ) {
        self.notifiedOn = notifiedOn
        self.outcome = outcome
        self.startDate = startDate
        self.durationMonths = durationMonths
        self.citizenConsent = citizenConsent
        self.obviouslyFutile = obviouslyFutile
    }
}

public enum DecisionOutcome: Sendable, Equatable {
    case step(NextStep)
    case refusal

    public var wireName: String {
        switch self {
        case .step(let step): step.rawValue
        case .refusal: "refusal"
        }
    }
}

public enum TargetGroupOutcome: String, Sendable, Codable, CaseIterable {
    case inTargetGroup = "in_target_group"
    case notInTargetGroup = "not_in_target_group"
    case obviousFoertidspension = "obvious_foertidspension"
}

public enum MeetingChannel: String, Sendable, Codable, CaseIterable {
    case inPerson = "in_person", phone, video
}

/// How a contact attempt was made; meetings' channels plus the written ones municipalities use.
public enum ContactChannel: String, Sendable, Codable, CaseIterable {
    case inPerson = "in_person", phone, video, letter
    case digitalPost = "digital_post"
    case sms
}

extension CaseEvent {
    /// Events inside a running course (§6.1): valid wherever a course runs, under the same rules.
    /// The appeal events (§6.4): valid in every state, final ones included.
    public var isAppealEvent: Bool {
        switch self {
        case .appealLodged, .appealReconsidered, .appealDecided: true
        default: false
        }
    }

    public var isCourseEvent: Bool {
        switch self {
        case .caseworkerAssigned, .meetingHeld, .planUpdated, .mentorAgreed, .effortStarted, .internshipStarted,
            .internshipExtended, .absenceRecorded, .contactAttempted, .sanctionDecided:
            true
        default: false
        }
    }
}

public enum EffortArea: String, Sendable, Codable, CaseIterable {
    case employment, education, social, health
}

public enum ClosureReason: String, Sendable, Codable, CaseIterable {
    case deceased, emigrated, withdrawn
}
