import Foundation

extension EventEnvelope {
    /// The contract's JSON for this event: what a case system publishes and what the store logs.
    public func wireJSON() -> Data {
        let object: [String: Any] = [
            "messageId": messageId, "caseId": caseId, "type": type.rawValue, "occurredAt": occurredAt.description,
            "actor": actor, "data": event.wireData(),
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
    }
}

extension CaseEvent {
    /// The `data` object, with the contract's field names.
    func wireData() -> [String: Any] {
        switch self {
        case .caseOpened(let citizen):
            var data: [String: Any] = [
                "birthDate": citizen.birthDate.description, "municipality": citizen.municipality,
                "origin": citizen.origin.rawValue, "incomeBasis": citizen.incomeBasis.rawValue,
            ]
            if let prior = citizen.priorCourses {
                data["priorCourses"] = prior.map { ["startDate": $0.startDate.description, "months": $0.months] }
            }
            return data
        case .targetGroupAssessed(let outcome, let reason):
            return ["outcome": outcome.rawValue, "reason": reason]
        case .teamReferred(let meetingDate, let efforts, let purpose):
            var data: [String: Any] = ["meetingDate": meetingDate.description]
            if let efforts { data["consideredEfforts"] = efforts }
            // The default is left out, so that streams written before §6.2 encode as they always did.
            if purpose != .nextStep { data["purpose"] = purpose.rawValue }
            return data
        case .teamRecommended(let recommendation, let months):
            var data: [String: Any] = ["recommendation": recommendation.rawValue]
            if let months { data["durationMonths"] = months }
            return data
        case .teamRereferred(let reason, let meetingDate):
            return ["reason": reason, "meetingDate": meetingDate.description]
        case .decisionMade(let decision):
            var data: [String: Any] = ["outcome": decision.outcome.wireName]
            if let start = decision.startDate { data["startDate"] = start.description }
            if let months = decision.durationMonths { data["durationMonths"] = months }
            if let consent = decision.citizenConsent { data["citizenConsent"] = consent }
            if let futile = decision.obviouslyFutile { data["obviouslyFutile"] = futile }
            if let notified = decision.notifiedOn { data["notifiedOn"] = notified.description }
            return data
        case .caseworkerAssigned(let id, let unit):
            return ["caseworkerId": id, "unit": unit.rawValue]
        case .meetingHeld(let date, let channel):
            return ["date": date.description, "channel": channel.rawValue]
        case .planUpdated(let months, let goal):
            return ["periodMonths": months, "goal": goal]
        case .mentorAgreed(let start, let end):
            return ["startDate": start.description, "endDate": end.description]
        case .effortStarted(let start, let area, let name, let fleksjob):
            var data: [String: Any] = ["startDate": start.description, "area": area.rawValue, "name": name]
            if let fleksjob { data["fleksjob"] = fleksjob }
            return data
        case .internshipStarted(let start, let weeks):
            return ["startDate": start.description, "weeks": weeks]
        case .internshipExtended(let weeks):
            return ["weeks": weeks]
        case .absenceRecorded(let date, let cause):
            return ["date": date.description, "reasonableCause": cause]
        case .contactAttempted(let date, let channel, let reached):
            return ["date": date.description, "channel": channel.rawValue, "reached": reached]
        case .sanctionDecided(let absenceDate, let notifiedOn):
            var data: [String: Any] = ["absenceDate": absenceDate.description]
            if let notifiedOn { data["notifiedOn"] = notifiedOn.description }
            return data
        case .courseExtensionRequested:
            return [:]
        case .municipalityChanged(let municipality):
            return ["municipality": municipality]
        case .caseClosed(let reason):
            return ["reason": reason.rawValue]
        case .descriptionCompleted(let date), .healthAdviceGiven(let date):
            return ["date": date.description]
        case .appealLodged(let decision, let receivedOn):
            return ["decision": decision, "receivedOn": receivedOn.description]
        case .appealReconsidered(let outcome, let decision):
            var data: [String: Any] = ["outcome": outcome.rawValue]
            if let decision { data["decision"] = decision }
            return data
        case .appealDecided(let outcome, let decision):
            var data: [String: Any] = ["outcome": outcome.rawValue]
            if let decision { data["decision"] = decision }
            return data
        }
    }
}

extension EventEnvelope {
    /// Reads an envelope and its event from `fields`, in the contract's order: the first bad field is the one a
    /// rejection names.
    init(wire fields: some WireFields) throws {
        let messageId = try fields.identifier("messageId")
        let caseId = try fields.identifier("caseId")
        let typeName = try fields.string("type")
        let occurredAt = try fields.instant("occurredAt")
        let actor = try fields.identifier("actor")
        guard let type = EventType(rawValue: typeName) else { throw UnknownWireType(name: typeName) }
        self.init(
            messageId: messageId, caseId: caseId, occurredAt: occurredAt, actor: actor,
            event: try CaseEvent.decode(type, from: fields))
    }
}
