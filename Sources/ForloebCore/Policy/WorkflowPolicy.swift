/// A municipality's choices within the law: lead times, cadences, thresholds.
///
/// Loaded from `Workflows/ressourceforloeb.yaml` (the legal defaults) with a municipality's overrides from
/// `Workflows/policies/<name>.yaml`. Nothing here can relax a rule: loading checks every value against the
/// rule sets, and the transition function applies the law regardless of policy.
public struct WorkflowPolicy: Sendable, Equatable {
    /// The policy's name, for logs and `show` (`default`, `halsnaes`).
    public var name: String
    /// Days after the recommendation by which the decision should be made (`decision_due`).
    public var decisionDueDays: Int
    /// Days after the grant by which the first meeting with the coordinating caseworker should be held.
    public var firstMeetingDays: Int
    /// Follow-up cadence for courses decided under each rule set.
    public var followUp: [RuleSetID: FollowUpCadence]
    /// Days after the course start by which the first effort plan should be set (`plan_review` before one exists).
    public var firstPlanDays: Int
    /// Months before the course end by which the next-step referral should have happened (R6).
    public var nextStepReferralLeadMonths: Int
    /// Course length used when neither the decision nor the recommendation names one.
    public var defaultCourseMonths: Int
    /// Unsuccessful contact attempts after an absence before a sanction may be decided (R11).
    public var minContactAttempts: Int
    /// Days before each deadline that a reminder goes out.
    public var reminderLeadDays: [DeadlineKind: Int]
    /// Days without an accepted event after which a case in each non-final state counts as stuck.
    public var idleDays: [CaseState: Int]
    /// Days an appeal may wait with Ankestyrelsen, from the day the municipality sent it on, before `stuck`
    /// lists the case: Ankestyrelsen's processing time is not the municipality's to keep, but an answer long
    /// overdue is worth asking after.
    public var ankestyrelsenIdleDays: Int

    public init(
        name: String, decisionDueDays: Int, firstMeetingDays: Int, followUp: [RuleSetID: FollowUpCadence],
        firstPlanDays: Int, nextStepReferralLeadMonths: Int, defaultCourseMonths: Int, minContactAttempts: Int,
        reminderLeadDays: [DeadlineKind: Int], idleDays: [CaseState: Int], ankestyrelsenIdleDays: Int = 180
    ) {
        self.ankestyrelsenIdleDays = ankestyrelsenIdleDays
        self.name = name
        self.decisionDueDays = decisionDueDays
        self.firstMeetingDays = firstMeetingDays
        self.followUp = followUp
        self.firstPlanDays = firstPlanDays
        self.nextStepReferralLeadMonths = nextStepReferralLeadMonths
        self.defaultCourseMonths = defaultCourseMonths
        self.minContactAttempts = minContactAttempts
        self.reminderLeadDays = reminderLeadDays
        self.idleDays = idleDays
    }

    public func cadence(for ruleSet: RuleSetID) -> FollowUpCadence {
        followUp[ruleSet] ?? followUp.values.first ?? FollowUpCadence(firstSixMonthsIntervalDays: 42, intervalDays: 60)
    }

    public func reminderLead(_ kind: DeadlineKind) -> Int {
        reminderLeadDays[kind] ?? 0
    }

    public func idleThreshold(_ state: CaseState) -> Int? {
        idleDays[state]
    }
}
