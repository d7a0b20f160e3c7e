import ForloebCore

/// Reads `Workflows/ressourceforloeb.yaml` and, on top of it, a municipality's overrides, and checks the
/// result against every rule set it may run under.
enum PolicyLoader {
    static let keys: Set<String> = [
        "name", "title", "pinRuleSet", "decisionDueDays", "firstMeetingDays", "firstPlanDays",
        "nextStepReferralLeadMonths", "defaultCourseMonths", "minContactAttempts", "followUp", "reminderLeadDays",
        "idleDays", "ankestyrelsenIdleDays",
    ]
    static let cadenceKeys: Set<String> = [
        "firstSixMonthsIntervalDays", "intervalDays", "nearEndMonths", "nearEndIntervalDays",
    ]

    /// The policy being assembled from the base file and the overrides; every field must be set by the end.
    struct Draft {
        var name: String?
        var pinRuleSet: RuleSetID?
        var decisionDueDays: Int?
        var firstMeetingDays: Int?
        var firstPlanDays: Int?
        var nextStepReferralLeadMonths: Int?
        var defaultCourseMonths: Int?
        var minContactAttempts: Int?
        var followUp: [RuleSetID: FollowUpCadence] = [:]
        var reminderLeadDays: [DeadlineKind: Int] = [:]
        var idleDays: [CaseState: Int] = [:]
        var ankestyrelsenIdleDays: Int?
        /// Where each value was last set, for errors found only when the whole policy is known.
        var origin: [String: (file: String, line: Int?)] = [:]
    }

    static func read(yaml: String, file: String, into draft: inout Draft) throws(WorkflowError) {
        let root = try YAMLMapping.parse(yaml, file: file)
        try root.allowOnly(keys)
        for entry in root.entries { draft.origin[entry.key] = (file, entry.line) }
        if root.has("name") { draft.name = try root.string("name") }
        if root.has("pinRuleSet") {
            let text = try root.string("pinRuleSet")
            guard let id = RuleSetID(rawValue: text) else { throw root.error("pinRuleSet", "unknown rule set \(text)") }
            draft.pinRuleSet = id
        }
        draft.decisionDueDays = try root.intIfPresent("decisionDueDays", atLeast: 1) ?? draft.decisionDueDays
        draft.firstMeetingDays = try root.intIfPresent("firstMeetingDays", atLeast: 1) ?? draft.firstMeetingDays
        draft.firstPlanDays = try root.intIfPresent("firstPlanDays", atLeast: 1) ?? draft.firstPlanDays
        draft.nextStepReferralLeadMonths =
            try root.intIfPresent("nextStepReferralLeadMonths", atLeast: 1) ?? draft.nextStepReferralLeadMonths
        draft.defaultCourseMonths =
            try root.intIfPresent("defaultCourseMonths", atLeast: 1) ?? draft.defaultCourseMonths
        draft.minContactAttempts = try root.intIfPresent("minContactAttempts", atLeast: 1) ?? draft.minContactAttempts
        draft.ankestyrelsenIdleDays =
            try root.intIfPresent("ankestyrelsenIdleDays", atLeast: 1) ?? draft.ankestyrelsenIdleDays
        if let followUp = try root.mapping("followUp") {
            try followUp.allowOnly(Set(RuleSetID.allCases.map(\.rawValue)))
            for entry in followUp.entries {
                let id = RuleSetID(rawValue: entry.key)!
                let cadence = try YAMLMapping(entry.value, file: file, path: followUp.keyPath(entry.key))
                try cadence.allowOnly(cadenceKeys)
                draft.followUp[id] = FollowUpCadence(
                    firstSixMonthsIntervalDays: try cadence.int("firstSixMonthsIntervalDays", atLeast: 1),
                    intervalDays: try cadence.int("intervalDays", atLeast: 1),
                    nearEndMonths: try cadence.intIfPresent("nearEndMonths") ?? 0,
                    nearEndIntervalDays: try cadence.intIfPresent("nearEndIntervalDays", atLeast: 1))
                draft.origin["followUp.\(entry.key)"] = (file, entry.line)
            }
        }
        if let leads = try root.mapping("reminderLeadDays") {
            try leads.allowOnly(Set(DeadlineKind.allCases.map(\.rawValue)))
            for entry in leads.entries {
                draft.reminderLeadDays[DeadlineKind(rawValue: entry.key)!] = try leads.int(entry.key)
            }
        }
        if let idle = try root.mapping("idleDays") {
            let open = CaseState.allCases.filter { !$0.isFinal }
            for entry in idle.entries {
                if let state = CaseState(rawValue: entry.key), state.isFinal {
                    throw idle.error(entry.key, "\(entry.key) is a final state; a finished case is never stuck")
                }
            }
            try idle.allowOnly(Set(open.map(\.rawValue)))
            for entry in idle.entries {
                draft.idleDays[CaseState(rawValue: entry.key)!] = try idle.int(entry.key, atLeast: 1)
            }
        }
    }

    /// The finished policy, or the first value that is missing or breaks a rule set.
    static func finish(_ draft: Draft, rules: RuleBook, baseFile: String) throws(WorkflowError) -> WorkflowPolicy {
        func missing(_ key: String) -> WorkflowError {
            WorkflowError(file: baseFile, line: nil, key: key, message: "required")
        }
        func located(_ key: String, _ message: String) -> WorkflowError {
            let origin = draft.origin[key] ?? draft.origin[String(key.prefix(while: { $0 != "." }))]
            return WorkflowError(file: origin?.file ?? baseFile, line: origin?.line, key: key, message: message)
        }
        guard let decisionDueDays = draft.decisionDueDays else { throw missing("decisionDueDays") }
        guard let firstMeetingDays = draft.firstMeetingDays else { throw missing("firstMeetingDays") }
        guard let firstPlanDays = draft.firstPlanDays else { throw missing("firstPlanDays") }
        guard let lead = draft.nextStepReferralLeadMonths else { throw missing("nextStepReferralLeadMonths") }
        guard let defaultMonths = draft.defaultCourseMonths else { throw missing("defaultCourseMonths") }
        guard let attempts = draft.minContactAttempts else { throw missing("minContactAttempts") }
        // No silent stalls for appeals either: one sent on to Ankestyrelsen is watched after this many days.
        guard let ankestyrelsenIdle = draft.ankestyrelsenIdleDays else { throw missing("ankestyrelsenIdleDays") }
        for ruleSet in rules.ruleSets {
            guard let cadence = draft.followUp[ruleSet.id] else { throw missing("followUp.\(ruleSet.id.rawValue)") }
            if let shortfall = cadence.shortfall(against: ruleSet.followUp) {
                throw located("followUp.\(ruleSet.id.rawValue)", "breaks rule set \(ruleSet.id.rawValue): \(shortfall)")
            }
            if !ruleSet.courseMonths.contains(defaultMonths) {
                throw located(
                    "defaultCourseMonths",
                    "\(defaultMonths) months breaks rule set \(ruleSet.id.rawValue) (\(ruleSet.courseMonths.lowerBound)–\(ruleSet.courseMonths.upperBound))"
                )
            }
            if lead >= ruleSet.courseMonths.lowerBound {
                throw located(
                    "nextStepReferralLeadMonths",
                    "\(lead) months is as long as the shortest course under \(ruleSet.id.rawValue)")
            }
        }
        for state in CaseState.allCases where !state.isFinal && draft.idleDays[state] == nil {
            // No silent stalls: every state a case can wait in must have a threshold after which it is stuck.
            throw missing("idleDays.\(state.rawValue)")
        }
        for kind in DeadlineKind.allCases where draft.reminderLeadDays[kind] == nil {
            throw missing("reminderLeadDays.\(kind.rawValue)")
        }
        return WorkflowPolicy(
            name: draft.name ?? "default", decisionDueDays: decisionDueDays, firstMeetingDays: firstMeetingDays,
            followUp: draft.followUp, firstPlanDays: firstPlanDays, nextStepReferralLeadMonths: lead,
            defaultCourseMonths: defaultMonths, minContactAttempts: attempts, reminderLeadDays: draft.reminderLeadDays,
            idleDays: draft.idleDays, ankestyrelsenIdleDays: ankestyrelsenIdle)
    }
}
