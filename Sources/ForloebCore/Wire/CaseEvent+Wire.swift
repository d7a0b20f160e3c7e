extension CaseEvent {
    /// Decodes the `data` object of an event of `type`, field by field, so that an error names its path.
    static func decode(_ type: EventType, from envelope: KeyedDecodingContainer<WireKey>) throws -> CaseEvent {
        if type == .courseExtensionRequested { return .courseExtensionRequested }
        let d = try envelope.nestedContainer(keyedBy: WireKey.self, forKey: "data")
        switch type {
        case .caseOpened:
            return .caseOpened(
                Citizen(
                    birthDate: try d.decodeDate("birthDate"),
                    municipality: try d.decodeNonEmpty("municipality"),
                    origin: try d.decode(CaseOrigin.self, forKey: "origin"),
                    incomeBasis: try d.decode(IncomeBasis.self, forKey: "incomeBasis"),
                    priorCourses: try d.decodePriorCoursesIfPresent("priorCourses")))
        case .targetGroupAssessed:
            return .targetGroupAssessed(
                outcome: try d.decode(TargetGroupOutcome.self, forKey: "outcome"),
                reason: try d.decode(String.self, forKey: "reason"))
        case .teamReferred:
            return .teamReferred(
                meetingDate: try d.decodeDate("meetingDate"),
                consideredEfforts: try d.decodeIfPresent([String].self, forKey: "consideredEfforts"),
                purpose: try d.decodeIfPresent(ReferralPurpose.self, forKey: "purpose") ?? .nextStep)
        case .teamRecommended:
            return .teamRecommended(
                recommendation: try d.decode(NextStep.self, forKey: "recommendation"),
                durationMonths: try d.decodePositiveIfPresent("durationMonths", atMost: WireLimits.maximumMonths))
        case .teamRereferred:
            return .teamRereferred(
                reason: try d.decode(String.self, forKey: "reason"),
                meetingDate: try d.decodeDate("meetingDate"))
        case .decisionMade:
            let outcomeName = try d.decode(String.self, forKey: "outcome")
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
                    startDate: try d.decodeDateIfPresent("startDate"),
                    durationMonths: try d.decodePositiveIfPresent("durationMonths", atMost: WireLimits.maximumMonths),
                    citizenConsent: try d.decodeIfPresent(Bool.self, forKey: "citizenConsent"),
                    obviouslyFutile: try d.decodeIfPresent(Bool.self, forKey: "obviouslyFutile"),
                    notifiedOn: try d.decodeDateIfPresent("notifiedOn")))
        case .caseworkerAssigned:
            return .caseworkerAssigned(
                caseworkerId: try d.decodeNonEmpty("caseworkerId"),
                unit: try d.decode(CaseworkerUnit.self, forKey: "unit"))
        case .meetingHeld:
            return .meetingHeld(
                date: try d.decodeDate("date"),
                channel: try d.decode(MeetingChannel.self, forKey: "channel"))
        case .planUpdated:
            return .planUpdated(
                periodMonths: try d.decodePositive("periodMonths", atMost: WireLimits.maximumMonths), goal: try d.decode(String.self, forKey: "goal"))
        case .mentorAgreed:
            let start = try d.decodeDate("startDate")
            let end = try d.decodeDate("endDate")
            guard start <= end else {
                throw WireValueError(path: "data.endDate", message: "\(end) is before startDate \(start)")
            }
            return .mentorAgreed(startDate: start, endDate: end)
        case .effortStarted:
            return .effortStarted(
                startDate: try d.decodeDate("startDate"),
                area: try d.decode(EffortArea.self, forKey: "area"),
                name: try d.decodeNonEmpty("name"),
                fleksjob: try d.decodeIfPresent(Bool.self, forKey: "fleksjob"))
        case .internshipStarted:
            return .internshipStarted(
                startDate: try d.decodeDate("startDate"), weeks: try d.decodePositive("weeks", atMost: WireLimits.maximumWeeks))
        case .internshipExtended:
            return .internshipExtended(weeks: try d.decodePositive("weeks", atMost: WireLimits.maximumWeeks))
        case .absenceRecorded:
            return .absenceRecorded(
                date: try d.decodeDate("date"),
                reasonableCause: try d.decode(Bool.self, forKey: "reasonableCause"))
        case .contactAttempted:
            return .contactAttempted(
                date: try d.decodeDate("date"),
                channel: try d.decode(ContactChannel.self, forKey: "channel"),
                reached: try d.decode(Bool.self, forKey: "reached"))
        case .sanctionDecided:
            return .sanctionDecided(
                absenceDate: try d.decodeDate("absenceDate"), notifiedOn: try d.decodeDateIfPresent("notifiedOn"))
        case .courseExtensionRequested:
            return .courseExtensionRequested
        case .municipalityChanged:
            return .municipalityChanged(municipality: try d.decodeNonEmpty("municipality"))
        case .caseClosed:
            return .caseClosed(reason: try d.decode(ClosureReason.self, forKey: "reason"))
        case .descriptionCompleted:
            return .descriptionCompleted(date: try d.decodeDate("date"))
        case .healthAdviceGiven:
            return .healthAdviceGiven(date: try d.decodeDate("date"))
        case .appealLodged:
            return .appealLodged(decision: try d.decodeIdentifier("decision"), receivedOn: try d.decodeDate("receivedOn"))
        case .appealReconsidered:
            return .appealReconsidered(
                outcome: try d.decode(AppealReconsideration.self, forKey: "outcome"),
                decision: try d.decodeIdentifierIfPresent("decision"))
        case .appealDecided:
            return .appealDecided(
                outcome: try d.decode(AppealRuling.self, forKey: "outcome"),
                decision: try d.decodeIdentifierIfPresent("decision"))
        }
    }
}
