/// The deadlines a case can have open (CONTRACT.md §4); wire names are the raw values.
public enum DeadlineKind: String, CaseIterable, Codable, Sendable, Comparable {
    case decisionDue = "decision_due"
    case firstMeeting = "first_meeting"
    case followup
    case planReview = "plan_review"
    case mentorAgreementEnd = "mentor_agreement_end"
    case internshipEnd = "internship_end"
    case effortGuarantee = "effort_guarantee"
    case nextStepReferral = "next_step_referral"
    case courseEnd = "course_end"
    /// The municipality's reconsideration of an appeal (§6.4): 4 weeks after it received the appeal.
    case appealReconsideration = "appeal_reconsideration"
    /// An appeal sent on to Ankestyrelsen that has waited the policy's `ankestyrelsenIdleDays` for its ruling: not
    /// the law's deadline but the municipality's cue to ask after it (an addition to the contract's kinds).
    case appealRuling = "appeal_ruling"

    /// Whether an overdue deadline of this kind holds the case up. A mentor agreement or an internship that
    /// simply ran out is worth a reminder and an overdue notice, but does not make the case stuck.
    public var holdsUpTheCase: Bool {
        self != .mentorAgreementEnd && self != .internshipEnd
    }

    /// The kinds that watch an appeal: they run in every state, final ones included.
    public var watchesAnAppeal: Bool {
        self == .appealReconsideration || self == .appealRuling
    }

    public static func < (lhs: DeadlineKind, rhs: DeadlineKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
