extension CaseEvent {
    /// Reads the `data` object of an event of `type`, field by field, so that an error names its path.
    static func decode(_ type: EventType, from envelope: some WireFields) throws -> CaseEvent {
        if type == .courseExtensionRequested { return .courseExtensionRequested }
        let d = try envelope.object("data")
        switch type {
        case .caseOpened:
            return .caseOpened(
                Citizen(
                    birthDate: try d.date("birthDate"),
                    municipality: try d.nonEmpty("municipality"),
                    origin: try d.value("origin"),
                    incomeBasis: try d.value("incomeBasis"),
                    priorCourses: try d.priorCoursesIfPresent("priorCourses")))
        case .targetGroupAssessed:
            return .targetGroupAssessed(
                outcome: try d.value("outcome"),
                reason: try d.string("reason"))
        case .teamReferred:
            return .teamReferred(
                meetingDate: try d.date("meetingDate"),
                consideredEfforts: try d.stringsIfPresent("consideredEfforts"),
                purpose: try d.valueIfPresent("purpose") ?? ReferralPurpose.nextStep)
        case .teamRecommended:
            return .teamRecommended(
                recommendation: try d.value("recommendation"),
                durationMonths: try d.positiveIfPresent("durationMonths", atMost: WireLimits.maximumMonths))
        case .teamRereferred:
            return .teamRereferred(
                reason: try d.string("reason"),
                meetingDate: try d.date("meetingDate"))
        case .decisionMade:
            let outcomeName = try d.string("outcome")
            let outcome: DecisionOutcome
            if outcomeName == "refusal" {
                outcome = .refusal
            } else if let step = NextStep(rawValue: outcomeName) {
                outcome = .step(step)
            } else {
                throw WireValueError(
                    path: "data.outcome",
                    message: "\"\(outcomeName)\" is neither a recommendation value nor \"refusal\"")
            }
            return .decisionMade(
                Decision(
                    outcome: outcome,
                    startDate: try d.dateIfPresent("startDate"),
                    durationMonths: try d.positiveIfPresent("durationMonths", atMost: WireLimits.maximumMonths),
                    citizenConsent: try d.boolIfPresent("citizenConsent"),
                    obviouslyFutile: try d.boolIfPresent("obviouslyFutile"),
                    notifiedOn: try d.dateIfPresent("notifiedOn")))
        case .caseworkerAssigned:
            return .caseworkerAssigned(
                caseworkerId: try d.nonEmpty("caseworkerId"),
                unit: try d.value("unit"))
        case .meetingHeld:
            return .meetingHeld(
                date: try d.date("date"),
                channel: try d.value("channel"))
        case .planUpdated:
            return .planUpdated(
                periodMonths: try d.positive("periodMonths", atMost: WireLimits.maximumMonths),
                goal: try d.string("goal"))
        case .mentorAgreed:
            let start = try d.date("startDate")
            let end = try d.date("endDate")
            guard start <= end else {
                throw WireValueError(path: "data.endDate", message: "\(end) is before startDate \(start)")
            }
            return .mentorAgreed(startDate: start, endDate: end)
        case .effortStarted:
            return .effortStarted(
                startDate: try d.date("startDate"),
                area: try d.value("area"),
                name: try d.nonEmpty("name"),
                fleksjob: try d.boolIfPresent("fleksjob"))
        case .internshipStarted:
            return .internshipStarted(
                startDate: try d.date("startDate"), weeks: try d.positive("weeks", atMost: WireLimits.maximumWeeks))
        case .internshipExtended:
            return .internshipExtended(weeks: try d.positive("weeks", atMost: WireLimits.maximumWeeks))
        case .absenceRecorded:
            return .absenceRecorded(
                date: try d.date("date"),
                reasonableCause: try d.bool("reasonableCause"))
        case .contactAttempted:
            return .contactAttempted(
                date: try d.date("date"),
                channel: try d.value("channel"),
                reached: try d.bool("reached"))
        case .sanctionDecided:
            return .sanctionDecided(
                absenceDate: try d.date("absenceDate"), notifiedOn: try d.dateIfPresent("notifiedOn"))
        case .courseExtensionRequested:
            return .courseExtensionRequested
        case .municipalityChanged:
            return .municipalityChanged(municipality: try d.nonEmpty("municipality"))
        case .caseClosed:
            return .caseClosed(reason: try d.value("reason"))
        case .descriptionCompleted:
            return .descriptionCompleted(date: try d.date("date"))
        case .healthAdviceGiven:
            return .healthAdviceGiven(date: try d.date("date"))
        case .appealLodged:
            return .appealLodged(decision: try d.identifier("decision"), receivedOn: try d.date("receivedOn"))
        case .appealReconsidered:
            return .appealReconsidered(
                outcome: try d.value("outcome"),
                decision: try d.identifierIfPresent("decision"))
        case .appealDecided:
            return .appealDecided(
                outcome: try d.value("outcome"),
                decision: try d.identifierIfPresent("decision"))
        }
    }
}
