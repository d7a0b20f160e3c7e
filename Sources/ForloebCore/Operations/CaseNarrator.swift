/// Tells a case's history as plain sentences a caseworker could read to the citizen (`forloeb explain`).
///
/// It replays the accepted events through the journey, so every sentence states what the engine decided,
/// on which date and under which rule set, and names the rule a step rests on.
public struct CaseNarrator: Sendable {
    public let journey: Journey
    public let language: NarrationLanguage

    public init(journey: Journey, language: NarrationLanguage = .da) {
        self.journey = journey
        self.language = language
    }

    /// One sentence per accepted event, in order, each starting with its date.
    public func narrate(_ events: [EventEnvelope]) -> [String] {
        var current: CitizenCase?
        var sentences: [String] = []
        for envelope in events {
            guard case .success(let transition) = journey.apply(envelope, to: current) else { continue }
            let before = current
            current = transition.after
            sentences.append("\(envelope.occurredAt.danishDate): " + sentence(envelope, before: before, after: transition.after, ruleSet: transition.ruleSet))
        }
        return sentences
    }

    private func sentence(_ envelope: EventEnvelope, before: CitizenCase?, after: CitizenCase, ruleSet: RuleSetID) -> String {
        let da = language == .da
        switch envelope.event {
        case .caseOpened(let citizen):
            return da
                ? "Sagen blev oprettet (\(citizen.origin == .citizenRequest ? "efter borgerens egen anmodning" : "af kommunen"), kommune \(citizen.municipality))."
                : "The case was opened (\(citizen.origin == .citizenRequest ? "at the citizen's request" : "by the municipality"), municipality \(citizen.municipality))."
        case .targetGroupAssessed(let outcome, let reason):
            switch outcome {
            case .inTargetGroup:
                return da
                    ? "Kommunen vurderede, at borgeren er i målgruppen for ressourceforløb (\(reason))."
                    : "The municipality assessed the citizen as within the target group (\(reason))."
            case .notInTargetGroup:
                return (da
                    ? "Kommunen vurderede, at borgeren ikke er i målgruppen (\(reason)). "
                    : "The municipality assessed the citizen as outside the target group (\(reason)). ") + appeal(after)
            case .obviousFoertidspension:
                return (da
                    ? "Kommunen vurderede, at førtidspension er åbenbar, så der gives ikke ressourceforløb (R16). "
                    : "The municipality found førtidspension obvious, so no course is given (R16). ") + appeal(after)
            }
        case .teamReferred(let meetingDate, _, let purpose):
            if before?.state == .active && purpose == .review {
                return da
                    ? "Det igangværende forløb blev forelagt rehabiliteringsteamet til mødet \(meetingDate); forløbet fortsætter imens."
                    : "The running course was referred to the rehabilitation team for review at its meeting on \(meetingDate); the course goes on."
            }
            if before?.state == .active {
                return da
                    ? "Inden forløbet slutter, blev sagen forelagt rehabiliteringsteamet igen til mødet \(meetingDate) for at beslutte, hvad der skal ske bagefter (R6)."
                    : "Before the course ends, the case was referred to the rehabilitation team again for its meeting on \(meetingDate), to decide what follows (R6)."
            }
            return da
                ? "Sagen blev forelagt rehabiliteringsteamet til mødet \(meetingDate) (R1)."
                : "The case was referred to the rehabilitation team for its meeting on \(meetingDate) (R1)."
        case .teamRecommended(let step, let months):
            let duration = months.map { da ? " i \($0) måneder" : " for \($0) months" } ?? ""
            if before?.state == .active {
                return da
                    ? "Rehabiliteringsteamet gennemgik forløbet og indstillede \(name(step))\(duration); det opfylder indsatsgarantien."
                    : "The rehabilitation team reviewed the course and recommended \(name(step))\(duration); this meets the effort guarantee."
            }
            return da
                ? "Rehabiliteringsteamet indstillede \(name(step))\(duration)."
                : "The rehabilitation team recommended \(name(step))\(duration)."
        case .teamRereferred(let reason, let meetingDate):
            return da
                ? "Kommunen ville ikke følge indstillingen (\(reason)) og forelagde sagen for teamet på ny til mødet \(meetingDate) (R2)."
                : "The municipality would not follow the recommendation (\(reason)) and referred the case to the team again for \(meetingDate) (R2)."
        case .decisionMade(let decision):
            if let course = after.phase.course, after.courseNumber > (before?.courseNumber ?? 0) {
                let which = course.number > 1 ? (da ? "et nyt ressourceforløb (nr. \(course.number))" : "a new course (number \(course.number))") : (da ? "et ressourceforløb" : "a ressourceforløb")
                return (da
                    ? "Kommunen bevilgede \(which) på \(course.months) måneder fra \(course.start) til \(course.end) efter reglerne fra \(ruleSet.rawValue) (R3). Forløbet kan ikke forlænges (R4). "
                    : "The municipality granted \(which) of \(course.months) months from \(course.start) to \(course.end) under the \(ruleSet.rawValue) rules (R3). It cannot be extended (R4). ") + appeal(after)
            }
            if decision.outcome == .refusal {
                return (da ? "Kommunen gav afslag på ressourceforløb. " : "The municipality refused a ressourceforløb. ") + appeal(after)
            }
            let step: NextStep = if case .step(let s) = decision.outcome { s } else { .kontanthjaelp }
            return (da
                ? "Kommunen traf afgørelse om \(name(step)) efter reglerne fra \(ruleSet.rawValue). "
                : "The municipality decided on \(name(step)) under the \(ruleSet.rawValue) rules. ") + appeal(after)
        case .caseworkerAssigned(let id, let unit):
            return da
                ? "\(id) (\(unit.rawValue)) blev borgerens koordinerende sagsbehandler (R9)."
                : "\(id) (\(unit.rawValue)) became the citizen's coordinating caseworker (R9)."
        case .meetingHeld(let date, let channel):
            return da ? "Opfølgningssamtale den \(date) (\(channelName(channel)))." : "Follow-up conversation on \(date) (\(channel.rawValue))."
        case .planUpdated(let months, let goal):
            return da
                ? "Indsatsdelen af rehabiliteringsplanen blev fastlagt for \(months) måneder med målet: \(goal) (R12)."
                : "The effort plan was set for \(months) months with the goal: \(goal) (R12)."
        case .mentorAgreed(let start, let end):
            return da
                ? "Der blev indgået en skriftlig mentoraftale fra \(start) til \(end) (R13)."
                : "A written mentor agreement was made from \(start) to \(end) (R13)."
        case .effortStarted(let start, let area, let effortName, _):
            return da ? "Indsatsen \"\(effortName)\" (\(area.rawValue)) startede den \(start)." : "The effort \"\(effortName)\" (\(area.rawValue)) started on \(start)."
        case .internshipStarted(let start, let weeks):
            return da ? "Virksomhedspraktik startede den \(start) i \(weeks) uger." : "A company internship started on \(start) for \(weeks) weeks."
        case .internshipExtended(let weeks):
            return da ? "Praktikken blev forlænget med \(weeks) uger." : "The internship was extended by \(weeks) weeks."
        case .absenceRecorded(let date, let cause):
            return da
                ? "Borgeren udeblev den \(date) \(cause ? "med" : "uden") rimelig grund. Sygdom forlænger ikke forløbet (R10)."
                : "The citizen was absent on \(date) \(cause ? "with" : "without") reasonable cause. Sickness does not extend the course (R10)."
        case .contactAttempted(let date, let channel, let reached):
            return da
                ? "Kommunen forsøgte den \(date) at kontakte borgeren (\(channel.rawValue)) og fik \(reached ? "" : "ikke ")fat i borgeren (R11)."
                : "The municipality tried to contact the citizen on \(date) (\(channel.rawValue)) and \(reached ? "reached" : "did not reach") them (R11)."
        case .sanctionDecided(let absenceDate, _):
            return da
                ? "Kommunen besluttede en sanktion for udeblivelsen den \(absenceDate), efter at kontaktforsøgene var udtømt (R11)."
                : "The municipality decided a sanction for the absence on \(absenceDate), after contact attempts were exhausted (R11)."
        case .courseExtensionRequested:
            return da ? "Der blev bedt om forlængelse af forløbet." : "An extension of the course was requested."
        case .municipalityChanged(let municipality):
            return da
                ? "Borgeren flyttede til kommune \(municipality); planen fulgte med sagen (R15)."
                : "The citizen moved to municipality \(municipality); the plan followed the case (R15)."
        case .caseClosed(let reason):
            return da ? "Sagen blev lukket (\(reason.rawValue))." : "The case was closed (\(reason.rawValue))."
        case .descriptionCompleted(let date):
            return da
                ? "Den samlede beskrivelse af borgerens forudsætninger blev færdig \(date) (R19)."
                : "The samlet beskrivelse of the citizen's circumstances was completed on \(date) (R19)."
        case .healthAdviceGiven(let date):
            return da
                ? "Sundhedskoordinatoren gav sin rådgivning \(date) (R19)."
                : "The sundhedskoordinator gave the health advice on \(date) (R19)."
        case .appealLodged(let decision, let receivedOn):
            return da ? "Kommunen modtog den \(receivedOn) en klage over afgørelsen \(decision) (R14)." : "The municipality received an appeal of the decision \(decision) on \(receivedOn) (R14)."
        case .appealReconsidered(let outcome, _):
            return da ? "Kommunen genvurderede afgørelsen (\(outcome.rawValue))." : "The municipality reconsidered the decision (\(outcome.rawValue))."
        case .appealDecided(let ruling, _):
            return da ? "Ankestyrelsen afgjorde klagen (\(ruling.rawValue))." : "Ankestyrelsen decided the appeal (\(ruling.rawValue))."
        }
    }

    private func appeal(_ after: CitizenCase) -> String {
        guard let decision = after.lastDecision else { return "" }
        return language == .da
            ? "Afgørelsen kan påklages til Ankestyrelsen senest \(decision.appealUntil) (R14)."
            : "The decision can be appealed to Ankestyrelsen until \(decision.appealUntil) (R14)."
    }

    private func name(_ step: NextStep) -> String {
        guard language == .da else { return step.rawValue }
        switch step {
        case .ressourceforloeb: return "ressourceforløb"
        case .newCourse: return "nyt ressourceforløb"
        case .fleksjob: return "fleksjob"
        case .foertidspension: return "førtidspension"
        case .kontanthjaelp: return "kontanthjælp"
        case .revalidering: return "revalidering"
        case .selfSupport: return "selvforsørgelse"
        }
    }

    private func channelName(_ channel: MeetingChannel) -> String {
        switch channel {
        case .inPerson: "personligt fremmøde"
        case .phone: "telefon"
        case .video: "video"
        }
    }
}
