/// The machine-readable reasons an event is not applied (CONTRACT.md §3).
public enum RejectionCode: String, CaseIterable, Codable, Sendable {
    case malformed
    case unknownType = "unknown_type"
    case unknownCase = "unknown_case"
    case caseExists = "case_exists"
    case invalidTransition = "invalid_transition"
    case rereferralRequired = "rereferral_required"
    case teamRecommendationRequired = "team_recommendation_required"
    case durationOutOfRange = "duration_out_of_range"
    case extensionNotAllowed = "extension_not_allowed"
    case consentRequired = "consent_required"
    case futilityNotDocumented = "futility_not_documented"
    case sanctionPreconditionsUnmet = "sanction_preconditions_unmet"
    case planPeriodTooShort = "plan_period_too_short"
    case mentorAgreementTooLong = "mentor_agreement_too_long"
    case internshipTooLong = "internship_too_long"
    case preparationUndocumented = "preparation_undocumented"
    /// A course, revalidering or a team event dated on or after the reform abolished it (R18).
    case schemeAbolished = "scheme_abolished"
    /// Fleksjob or førtidspension after the team is gone without the description and the health advice (R19).
    case healthAdviceRequired = "health_advice_required"
    /// An appeal received after the appealed decision's period ended (R14).
    case appealOutOfTime = "appeal_out_of_time"
}
