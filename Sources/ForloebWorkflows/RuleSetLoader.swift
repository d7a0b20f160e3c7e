import ForloebCore

/// Reads one `Workflows/rules/<id>.yaml`: the numbers of one version of the law.
enum RuleSetLoader {
    static let keys: Set<String> = [
        "id", "title", "inForceFrom", "courseMonths", "newCourseConsentAge", "ageBands", "consentBeforePensionYears",
        "pensionAges", "followUp", "planMinMonths", "mentorMaxMonths", "internship", "effortGuaranteeMonths",
        "appealWeeks", "reconsiderationWeeks", "foertidspensionFutilityAge", "abolished", "sources",
    ]

    static func load(yaml: String, file: String) throws(WorkflowError) -> RuleSet {
        let root = try YAMLMapping.parse(yaml, file: file)
        try root.allowOnly(keys)
        let idText = try root.string("id")
        guard let id = RuleSetID(rawValue: idText) else {
            throw root.error(
                "id",
                "unknown rule set \(idText); forloeb knows \(RuleSetID.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let months = try root.mapping("courseMonths") else { throw root.error("courseMonths", "required") }
        try months.allowOnly(["min", "max"])
        let minMonths = try months.int("min", atLeast: 1)
        let maxMonths = try months.int("max", atLeast: minMonths)

        guard let followUpMap = try root.mapping("followUp") else { throw root.error("followUp", "required") }
        try followUpMap.allowOnly(["perYear", "inFirstMonths"])
        let followUp: FollowUpMinimum
        if let perYear = try followUpMap.intIfPresent("perYear", atLeast: 1) {
            followUp = .perYear(perYear)
        } else if let first = try followUpMap.mapping("inFirstMonths") {
            try first.allowOnly(["count", "months"])
            followUp = .inFirstMonths(
                count: try first.int("count", atLeast: 1), months: try first.int("months", atLeast: 1))
        } else {
            throw followUpMap.error("", "needs perYear or inFirstMonths")
        }

        var ruleSet = RuleSet(
            id: id, inForceFrom: try root.date("inForceFrom"), courseMonths: minMonths...maxMonths, followUp: followUp)
        ruleSet.newCourseConsentAge = try root.intIfPresent("newCourseConsentAge") ?? ruleSet.newCourseConsentAge
        if let bands = try root.mapping("ageBands") {
            try bands.allowOnly(["upperAge", "totalMonths"])
            ruleSet.ageBandUpperAge = try bands.int("upperAge", atLeast: ruleSet.newCourseConsentAge)
            ruleSet.ageBandTotalMonths = try bands.int("totalMonths", atLeast: 1)
        }
        ruleSet.yearsBeforePensionAgeNeedingConsent = try root.intIfPresent("consentBeforePensionYears", atLeast: 1)
        if let bands = try root.sequence("pensionAges") {
            for (index, node) in bands.enumerated() {
                let band = try YAMLMapping(node, file: file, path: "pensionAges[\(index)]")
                try band.allowOnly(["bornBefore", "ageMonths"])
                ruleSet.pensionAges.append(
                    PensionAgeBand(
                        bornBefore: band.has("bornBefore") ? try band.date("bornBefore") : nil,
                        ageMonths: try band.int("ageMonths", atLeast: 1)))
            }
        }
        if ruleSet.yearsBeforePensionAgeNeedingConsent != nil && ruleSet.pensionAges.isEmpty {
            throw root.error("pensionAges", "required with consentBeforePensionYears")
        }
        ruleSet.planMinMonths = try root.intIfPresent("planMinMonths", atLeast: 1)
        ruleSet.mentorMaxMonths = try root.intIfPresent("mentorMaxMonths", atLeast: 1) ?? ruleSet.mentorMaxMonths
        if let internship = try root.mapping("internship") {
            try internship.allowOnly(["startMaxWeeks", "totalMaxWeeks"])
            ruleSet.internshipStartMaxWeeks = try internship.int("startMaxWeeks", atLeast: 1)
            ruleSet.internshipTotalMaxWeeks = try internship.int(
                "totalMaxWeeks", atLeast: ruleSet.internshipStartMaxWeeks)
        }
        ruleSet.effortGuaranteeMonths = try root.intIfPresent("effortGuaranteeMonths", atLeast: 1)
        ruleSet.appealWeeks = try root.intIfPresent("appealWeeks", atLeast: 1) ?? ruleSet.appealWeeks
        ruleSet.reconsiderationWeeks =
            try root.intIfPresent("reconsiderationWeeks", atLeast: 1) ?? ruleSet.reconsiderationWeeks
        ruleSet.foertidspensionFutilityAge =
            try root.intIfPresent("foertidspensionFutilityAge", atLeast: 18) ?? ruleSet.foertidspensionFutilityAge
        if let abolished = try root.mapping("abolished") {
            try abolished.allowOnly(["courses", "team", "jobcentre"])
            let abolitions = Abolitions(
                coursesOn: try abolished.date("courses"), teamOn: try abolished.date("team"),
                jobcentreOn: try abolished.date("jobcentre"))
            // The rule set must be in force before it can abolish anything, or the dates would never be read.
            for (key, date) in [("courses", abolitions.coursesOn), ("team", abolitions.teamOn), ("jobcentre", abolitions.jobcentreOn)]
            where date < ruleSet.inForceFrom {
                throw abolished.error(key, "\(date) is before the rule set's inForceFrom \(ruleSet.inForceFrom)")
            }
            ruleSet.abolitions = abolitions
        }
        return ruleSet
    }
}
