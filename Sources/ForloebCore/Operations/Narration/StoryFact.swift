/// What one accepted event meant for the case, with every fact its sentence needs, in neither language.
///
/// Why: the narrator works out what happened by replaying the journey (the course's end, the contact attempts
/// before a sanction, the appeal period); the wordings only say it. Each language then has one `switch` over
/// this type, so a fact the one tells and the other forgets does not compile.
public enum StoryFact: Sendable, Equatable {
    case opened(origin: CaseOrigin, municipality: String, incomeBasis: IncomeBasis, priorCourses: Int)
    case inTargetGroup(reason: String)
    /// Not in the target group: a refusal to treat the case with a view to a course, itself appealable (R14).
    case notInTargetGroup(reason: String, appeal: AppealGuidance)
    /// Førtidspension is obvious, so no course (R16).
    case obviousFoertidspension(reason: String, appeal: AppealGuidance)
    case referred(meeting: CivilDate, consideredEfforts: [String])
    /// The running course is presented to the team while it runs (CONTRACT.md §6.2).
    case referredForReview(meeting: CivilDate)
    /// Before the course ends, for what follows it (R6).
    case referredForNextStep(meeting: CivilDate, courseEnd: CivilDate)
    case recommended(step: NextStep, months: Int?, afterRereferral: Bool)
    /// The team's answer to a review of the running course; it meets the effort guarantee.
    case reviewed(step: NextStep)
    /// The municipality would not follow the recommendation and referred the case again (R2).
    case rereferred(reason: String, meeting: CivilDate)
    /// A course granted (R3, R4); `consentNeeded` when the law makes it the citizen's own choice (R7).
    case granted(
        number: Int, months: Int, start: CivilDate, end: CivilDate, ruleSet: RuleSetID, consentNeeded: Bool,
        appeal: AppealGuidance)
    case refused(appeal: AppealGuidance)
    /// A next step decided. `courseEnded` is the running course's end when it passed before the decision (R5:
    /// the course went on until now); `withoutTeam` when the reform's basis replaced the team (R19).
    case decided(
        step: NextStep, ruleSet: RuleSetID, courseEnded: CivilDate?, withoutTeam: Bool, appeal: AppealGuidance)
    /// `previous` is the caseworker replaced, if another; `coordinatesOnly` when the unit cannot make
    /// employment-law decisions while the jobcentre requirement stands (R9).
    case caseworkerAssigned(id: String, unit: CaseworkerUnit, previous: String?, coordinatesOnly: Bool)
    case meetingHeld(date: CivilDate, channel: MeetingChannel)
    case planUpdated(months: Int, goal: String, reviewOn: CivilDate)
    case mentorAgreed(start: CivilDate, end: CivilDate, maxMonths: Int)
    /// `meetsGuarantee` when this is the effort that meets the 2022 effort guarantee.
    case effortStarted(start: CivilDate, area: EffortArea, name: String, meetsGuarantee: Bool)
    case internshipStarted(start: CivilDate, weeks: Int, end: CivilDate)
    case internshipExtended(weeks: Int, totalWeeks: Int, end: CivilDate)
    /// `courseEnd` is the running course's end, which an absence never moves (R10).
    case absence(date: CivilDate, reasonableCause: Bool, courseEnd: CivilDate)
    case contactAttempted(date: CivilDate, channel: ContactChannel, reached: Bool)
    /// A sanction for the absence on `absenceDate` without reasonable cause (R11): after the citizen was reached on
    /// `reachedOn`, or after the unanswered attempts the policy requires (`unanswered`, at least `required`).
    case sanction(
        absenceDate: CivilDate, reachedOn: CivilDate?, unanswered: [ContactAttempt], required: Int,
        appeal: AppealGuidance)
    case extensionRequested
    case municipalityChanged(municipality: String)
    case closed(reason: ClosureReason)
    case descriptionCompleted(date: CivilDate)
    case healthAdviceGiven(date: CivilDate)
    /// An appeal of `appealed` reached the municipality on `receivedOn`; it must reconsider by `reconsiderBy`.
    case appealLodged(appealed: AppealedDecision, receivedOn: CivilDate, reconsiderBy: CivilDate)
    /// The municipality's reconsideration; `reopening` says what setting the decision aside did (`changed`).
    case appealReconsidered(appealed: AppealedDecision, outcome: AppealReconsideration, reopening: Reopening?)
    /// Ankestyrelsen's ruling; `reopening` says what setting the decision aside did (all but `upheld`).
    case appealDecided(appealed: AppealedDecision, ruling: AppealRuling, reopening: Reopening?)
}
