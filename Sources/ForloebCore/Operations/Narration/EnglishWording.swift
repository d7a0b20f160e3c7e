/// The story in English, for everyone who does not read Danish: the same facts as `DanishWording`, with the
/// Danish names of schemes and laws kept (ressourceforløb, fleksjob, Ankestyrelsen), since those are what the
/// reader will meet in the case and look up.
struct EnglishWording: NarrationWording {
    func date(_ date: CivilDate) -> String {
        date.englishProse
    }

    func heading(caseId: String) -> String {
        "Case \(caseId)"
    }

    func sentence(_ fact: StoryFact, on day: CivilDate) -> String {
        switch fact {
        case .opened(let origin, let municipality, let incomeBasis, let priorCourses):
            let opened: String
            switch origin {
            case .citizenRequest: opened = "The case was opened at the citizen's own request"
            case .municipality: opened = "The municipality opened the case"
            }
            var text = "\(opened) (municipality code \(municipality)). \(Self.incomeBasis(incomeBasis))."
            if priorCourses == 1 {
                text += " The citizen had a ressourceforløb in an earlier case."
            } else if priorCourses > 1 {
                text += " The citizen had \(priorCourses) ressourceforløb in earlier cases."
            }
            return text
        case .inTargetGroup(let reason):
            return "The municipality assessed the citizen as within the target group for a ressourceforløb. "
                + because(reason)
        case .notInTargetGroup(let reason, let appeal):
            return "The municipality assessed the citizen as outside the target group for a ressourceforløb, and so "
                + "refused to treat the case with a view to one. \(because(reason)) \(guidance(appeal))"
        case .obviousFoertidspension(let reason, let appeal):
            return "The municipality found it obvious that the citizen should have førtidspension, so a "
                + "ressourceforløb is not relevant. \(because(reason)) \(guidance(appeal))"
        case .referred(let meeting, let efforts):
            var text = "The case was referred to the rehabilitation team for its meeting on \(date(meeting))."
            if !efforts.isEmpty {
                text +=
                    " Before that, the municipality had tried or considered these efforts: "
                    + efforts.map(quoted).joinedAsList(and: "and") + "."
            }
            return text
        case .referredForReview(let meeting):
            return "The running ressourceforløb was referred to the rehabilitation team again for its meeting on "
                + "\(date(meeting)). The course goes on meanwhile."
        case .referredForNextStep(let meeting, let courseEnd):
            return "The case was referred to the rehabilitation team again for its meeting on \(date(meeting)), so "
                + "that the municipality can decide what follows when the course ends on \(date(courseEnd)). The "
                + "course and its benefit go on until that decision is made."
        case .recommended(let step, let months, let afterRereferral):
            let lead =
                afterRereferral
                ? "Having considered the case again, the rehabilitation team recommended"
                : "The rehabilitation team recommended"
            return "\(lead) \(Self.recommendation(step, months: months))."
        case .reviewed(let step):
            return
                "The rehabilitation team reviewed the course and recommended \(Self.recommendation(step, months: nil)). "
                + "The review meets the effort guarantee."
        case .rereferred(let reason, let meeting):
            return "The municipality would not follow the rehabilitation team's recommendation, so it referred the "
                + "case to the team again for its meeting on \(date(meeting)). \(because(reason))"
        case .granted(let number, let months, let start, let end, let ruleSet, let consentNeeded, let appeal):
            let which = number > 1 ? "a new ressourceforløb (course number \(number) in the case)" : "a ressourceforløb"
            var text =
                "The municipality granted \(which) of \(months) months from \(date(start)) to \(date(end)) "
                + "under the rules of \(ruleSet.rawValue)."
            if consentNeeded {
                text += " The citizen wanted the course, as the law requires\(cite(.r7))."
            }
            text += " The decision fixes its duration, and the course cannot be extended\(cite(.r3, .r4))."
            return text + " " + guidance(appeal)
        case .refused(let appeal):
            return "The municipality refused a ressourceforløb. \(guidance(appeal))"
        case .decided(let step, let ruleSet, let courseEnded, let withoutTeam, let appeal):
            var text = "The municipality decided \(Self.decision(step)) under the rules of \(ruleSet.rawValue)."
            if withoutTeam {
                text +=
                    " The decision rests on the samlet beskrivelse of the citizen's circumstances and the "
                    + "sundhedskoordinator's advice, which replaced the rehabilitation team\(cite(.r19))."
            }
            if let courseEnded {
                text +=
                    " The ressourceforløb was due to end on \(date(courseEnded)), but the course and its benefit "
                    + "went on until this decision was made."
            }
            return text + " " + guidance(appeal)
        case .caseworkerAssigned(let id, let unit, let previous, let coordinatesOnly):
            var text =
                previous.map {
                    "The citizen's coordinating caseworker is now \(id) from \(Self.unit(unit)), in place of \($0)."
                } ?? "The citizen's coordinating caseworker is now \(id) from \(Self.unit(unit))."
            if coordinatesOnly {
                text +=
                    " The caseworker coordinates the course, but decisions under employment law are made by the "
                    + "jobcentre."
            }
            return text
        case .meetingHeld(let meeting, let channel):
            return "The citizen had a follow-up conversation with the coordinating caseworker\(on(meeting, day)) "
                + "\(Self.channel(channel))."
        case .planUpdated(let months, let goal, let reviewOn):
            return "The effort part of the rehabilitation plan was set for \(months) months with the goal "
                + "\(quoted(goal)). It is to be followed up by \(date(reviewOn))."
        case .mentorAgreed(let start, let end, let maxMonths):
            return
                "A written mentor agreement was made from \(date(start)) to \(date(end)). Mentor support is given for "
                + "at most \(maxMonths) months at a time and can be renewed\(cite(.r13))."
        case .effortStarted(let start, let area, let name, let meetsGuarantee):
            var text = "The effort \(quoted(name)) in the \(Self.area(area)) area started\(on(start, day))."
            if meetsGuarantee { text += " This meets the effort guarantee." }
            return text
        case .internshipStarted(let start, let weeks, let end):
            return "The citizen started a company internship\(on(start, day)) for \(weeks) weeks, until \(date(end))."
        case .internshipExtended(let weeks, let totalWeeks, let end):
            return "The company internship was extended by \(weeks) weeks to \(totalWeeks) weeks in all, until "
                + "\(date(end))."
        case .absence(let absent, let reasonableCause, let courseEnd):
            if reasonableCause {
                return "The citizen was absent\(on(absent, day)) with reasonable cause. Absence for sickness, parental "
                    + "leave and the like does not extend the course, which still ends on \(date(courseEnd))."
            }
            return "The citizen was absent\(on(absent, day)) without reasonable cause. Before the municipality can "
                + "decide a sanction, it must have exhausted every reasonable means of personal contact with the "
                + "citizen."
        case .contactAttempted(let attempted, let channel, let reached):
            return "The municipality tried to contact the citizen\(on(attempted, day)) \(Self.channel(channel)) and "
                + (reached ? "reached the citizen." : "did not reach the citizen.")
        case .sanction(let absenceDate, let reachedOn, let unanswered, let required, let appeal):
            var text =
                "The municipality decided a sanction because the citizen was absent on \(date(absenceDate)) "
                + "without reasonable cause."
            if let reachedOn {
                text += " Before that, the municipality had reached the citizen in person on \(date(reachedOn))."
            } else {
                let days = unanswered.map { date($0.date) }.joinedAsList(and: "and")
                text +=
                    " Before that, the municipality had tried to contact the citizen \(Self.times(unanswered.count)) "
                    + "without reaching them (\(days)); its policy requires at least \(Self.attempts(required))."
            }
            return text + " " + guidance(appeal)
        case .extensionRequested:
            return "An extension of the course was requested."
        case .municipalityChanged(let municipality):
            return "The citizen moved to another municipality (municipality code \(municipality)). The "
                + "rehabilitation plan follows the case to the new municipality."
        case .closed(let reason):
            return "The case was closed because \(Self.closure(reason))."
        case .descriptionCompleted(let completed):
            return "The samlet beskrivelse of the citizen's circumstances was completed\(on(completed, day))"
                + "\(cite(.r19))."
        case .healthAdviceGiven(let given):
            return "The sundhedskoordinator gave the health advice in the case\(on(given, day))\(cite(.r19))."
        case .appealLodged(let appealed, let receivedOn, let reconsiderBy):
            return "The municipality received an appeal of \(named(appealed))\(on(receivedOn, day)). It must "
                + "reconsider it and, if it upholds it, send the appeal on to Ankestyrelsen by \(date(reconsiderBy))"
                + "\(cite(.r14))."
        case .appealReconsidered(let appealed, let outcome, let reopening):
            switch outcome {
            case .upheld:
                return "The municipality reconsidered \(named(appealed)) and upheld it, so the appeal went on to "
                    + "Ankestyrelsen."
            case .changed:
                return "The municipality reconsidered \(named(appealed)) and found for the citizen."
                    + reopened(reopening)
            }
        case .appealDecided(let appealed, let ruling, let reopening):
            switch ruling {
            case .upheld:
                return "Ankestyrelsen upheld \(named(appealed)), so it stands."
            case .changed:
                var text = "Ankestyrelsen changed \(named(appealed))." + reopened(reopening)
                if case .returned = reopening {
                    text += " The municipality makes the new decision as Ankestyrelsen has ruled."
                }
                return text
            case .annulled:
                return "Ankestyrelsen annulled \(named(appealed))." + reopened(reopening)
            case .remitted:
                return "Ankestyrelsen sent \(named(appealed)) back to the municipality to be considered again."
                    + reopened(reopening)
            }
        }
    }

    private func named(_ appealed: AppealedDecision) -> String {
        let of = date(appealed.decidedOn)
        switch (appealed.kind, appealed.step) {
        case (.sanction, _): return "the sanction decision of \(of)"
        case (.targetGroup, nil): return "the refusal of \(of) to treat the case with a view to a ressourceforløb"
        case (.targetGroup, .some(let step)): return "the decision of \(of) \(Self.decision(step))"
        case (.decision, nil): return "the refusal of \(of) to grant a ressourceforløb"
        case (.decision, .some(let step)): return "the decision of \(of) \(Self.decision(step))"
        }
    }

    private func reopened(_ reopening: Reopening?) -> String {
        switch reopening {
        case nil: return ""
        case .returned(to: .requested):
            return " The case is back with the municipality, which must assess the target group again."
        case .returned(to: .awaitingDecision): return " The case is again awaiting the municipality's decision."
        case .returned(to: .preEndAwaitingDecision):
            return " The case is again awaiting the municipality's decision, and the ressourceforløb goes on meanwhile."
        case .returned(to: .active):
            return " The ressourceforløb goes on, and the municipality must decide again what follows it."
        case .returned: return " The case is reopened."
        case .sanctionLifted: return " The sanction no longer stands."
        case .replacedByLaterDecision:
            return " A later decision has since replaced it, so the case stays where it is."
        case .caseClosed: return " The case is closed and is not reopened."
        }
    }

    func status(_ current: CitizenCase, overrun: Bool) -> String {
        if overrun, let end = current.courseEnd {
            return "The ressourceforløb was due to end on \(date(end)), but what follows has not been decided yet. "
                + "The course and its benefit go on until it is."
        }
        switch current.state {
        case .requested: return "The case awaits the municipality's assessment of the target group."
        case .preparing: return "The case is being prepared for the rehabilitation team."
        case .awaitingTeam: return "The case awaits the rehabilitation team's recommendation."
        case .awaitingDecision: return "The case awaits the municipality's decision."
        case .active:
            guard let end = current.courseEnd else { return "The citizen is in a ressourceforløb." }
            return "The citizen is in a ressourceforløb, due to end on \(date(end))."
        case .preEndAwaitingTeam:
            return "The ressourceforløb goes on while the case awaits the rehabilitation team's recommendation on "
                + "what follows."
        case .preEndAwaitingDecision:
            return "The ressourceforløb goes on while the case awaits the municipality's decision on what follows."
        case .refused: return "The case ended with a refusal."
        case .fleksjob: return "The case ended with fleksjob."
        case .foertidspension: return "The case ended with førtidspension."
        case .kontanthjaelp: return "The case ended with kontanthjælp."
        case .revalidering: return "The case ended with revalidering."
        case .selfSupport: return "The case ended; the citizen is self-supporting."
        case .closed: return "The case is closed."
        }
    }

    func openAppeal(_ appealed: AppealedDecision, _ appeal: Appeal) -> String {
        let subject = named(appealed)
        let capitalised = subject.prefix(1).uppercased() + subject.dropFirst()
        switch appeal.status {
        case .forwarded:
            return "\(capitalised) is under appeal and now lies with Ankestyrelsen."
        default:
            return
                "\(capitalised) is under appeal; the municipality must reconsider it by \(date(appeal.reconsiderBy))."
        }
    }

    func guidance(_ appeal: AppealGuidance) -> String {
        let noun =
            switch appeal.subject {
            case .decision: "the decision"
            case .refusal: "the refusal"
            case .sanction: "the sanction decision"
            }
        let received = appeal.fromNotification ? ", received on \(date(appeal.from))," : ""
        var text =
            "The citizen can appeal \(noun)\(received) to the municipality within \(appeal.weeks) weeks of receiving "
            + "it; the appeal must reach the municipality by \(date(appeal.lastDay))."
        if let movedFrom = appeal.movedFrom {
            text += " The period would have ended \(dayOff(movedFrom)), so it runs to the next working day."
        }
        text +=
            " The municipality reconsiders \(noun) and, if it upholds it, sends the appeal on to Ankestyrelsen "
            + "within \(appeal.reconsiderationWeeks) weeks of receiving it\(cite(.r14))."
        return text
    }

    private func dayOff(_ day: CivilDate) -> String {
        if let holiday = DanishHoliday.on(day) {
            return "on \(DanishWording.holiday(holiday)), \(date(day))"
        }
        if let alike = DanishCalendar.AlikeDay.allCases.first(where: { $0.date(in: day.year) == day }) {
            return "on \(DanishWording.alikeDay(alike)), \(date(day))"
        }
        return "on \(day.englishWeekday) \(date(day))"
    }

    private func cite(_ rules: RuleID...) -> String {
        var sources: [LegalSource] = []
        for rule in rules {
            for source in rule.citations where !sources.contains(source) { sources.append(source) }
        }
        guard !sources.isEmpty else { return "" }
        return " (" + sources.map(\.english).joinedAsList(and: "and") + ")"
    }

    private func on(_ date: CivilDate, _ day: CivilDate) -> String {
        date == day ? "" : " on \(self.date(date))"
    }

    private func because(_ reason: String) -> String {
        "Reason: \(quoted(reason))."
    }

    private func quoted(_ text: String) -> String {
        "“\(text)”"
    }

    static func incomeBasis(_ basis: IncomeBasis) -> String {
        switch basis {
        case .kontanthjaelp: "At the time, the citizen received kontanthjælp"
        case .sygedagpenge: "At the time, the citizen received sygedagpenge"
        case .ledighedsydelse: "At the time, the citizen received ledighedsydelse"
        case .foertidspension: "At the time, the citizen received førtidspension"
        case .other: "At the time, the citizen had another means of support"
        }
    }

    static func recommendation(_ step: NextStep, months: Int?) -> String {
        let duration = months.map { " of \($0) months" } ?? ""
        switch step {
        case .ressourceforloeb: return "a ressourceforløb\(duration)"
        case .newCourse: return "a new ressourceforløb\(duration)"
        case .fleksjob: return "fleksjob"
        case .foertidspension: return "førtidspension"
        case .kontanthjaelp: return "kontanthjælp"
        case .revalidering: return "revalidering"
        case .selfSupport: return "self-support"
        }
    }

    static func decision(_ step: NextStep) -> String {
        switch step {
        case .ressourceforloeb: "on a ressourceforløb"
        case .newCourse: "on a new ressourceforløb"
        case .fleksjob: "on fleksjob"
        case .foertidspension: "on førtidspension"
        case .kontanthjaelp: "that the citizen moves to kontanthjælp"
        case .revalidering: "on revalidering"
        case .selfSupport: "that the citizen is self-supporting"
        }
    }

    static func unit(_ unit: CaseworkerUnit) -> String {
        switch unit {
        case .jobcenter: "the jobcentre"
        case .social: "the social services"
        case .health: "the health services"
        case .municipality: "the municipality"
        }
    }

    static func channel(_ channel: MeetingChannel) -> String {
        switch channel {
        case .inPerson: "in person"
        case .phone: "by telephone"
        case .video: "by video"
        }
    }

    static func channel(_ channel: ContactChannel) -> String {
        switch channel {
        case .inPerson: "in person"
        case .phone: "by telephone"
        case .video: "by video"
        case .letter: "by letter"
        case .digitalPost: "by Digital Post"
        case .sms: "by text message"
        }
    }

    static func area(_ area: EffortArea) -> String {
        switch area {
        case .employment: "employment"
        case .education: "education"
        case .social: "social"
        case .health: "health"
        }
    }

    static func closure(_ reason: ClosureReason) -> String {
        switch reason {
        case .deceased: "the citizen has died"
        case .emigrated: "the citizen has moved abroad"
        case .withdrawn: "the case was withdrawn"
        }
    }

    static func times(_ count: Int) -> String {
        count == 1 ? "once" : count == 2 ? "twice" : "\(count) times"
    }

    static func attempts(_ count: Int) -> String {
        count == 1 ? "one attempt" : "\(count) attempts"
    }
}
