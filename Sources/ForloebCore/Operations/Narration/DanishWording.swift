/// The story in Danish, as a caseworker reads it aloud to the citizen.
///
/// Why these words: the text is the citizen's, so it says "borgeren" and "kommunen", writes dates as Danish prose
/// ("6. marts 2023"), names every wire value in Danish, cites the law a rule stands for (`RuleID.citations`)
/// instead of its id, and sets the case system's own free text (reasons, goals, effort names) in »…«, so that it
/// reads as a quotation and not as the narrator's words.
struct DanishWording: NarrationWording {
    func date(_ date: CivilDate) -> String {
        date.danishProse
    }

    func heading(caseId: String) -> String {
        "Sag \(caseId)"
    }

    func sentence(_ fact: StoryFact, on day: CivilDate) -> String {
        switch fact {
        case .opened(let origin, let municipality, let incomeBasis, let priorCourses):
            let opened: String
            switch origin {
            case .citizenRequest: opened = "Sagen blev oprettet efter borgerens egen anmodning"
            case .municipality: opened = "Kommunen oprettede sagen"
            }
            var text = "\(opened) (kommunekode \(municipality)). \(Self.incomeBasis(incomeBasis))."
            if priorCourses == 1 {
                text += " Borgeren har haft et ressourceforløb i en tidligere sag."
            } else if priorCourses > 1 {
                text += " Borgeren har haft \(priorCourses) ressourceforløb i tidligere sager."
            }
            return text
        case .inTargetGroup(let reason):
            return "Kommunen vurderede, at borgeren er i målgruppen for et ressourceforløb. \(because(reason))"
        case .notInTargetGroup(let reason, let appeal):
            return "Kommunen vurderede, at borgeren ikke er i målgruppen for et ressourceforløb, og gav derfor afslag "
                + "på at behandle sagen med henblik på et ressourceforløb. \(because(reason)) \(guidance(appeal))"
        case .obviousFoertidspension(let reason, let appeal):
            return "Kommunen vurderede, at det er åbenbart, at borgeren skal have førtidspension, og at et "
                + "ressourceforløb derfor ikke er relevant. \(because(reason)) \(guidance(appeal))"
        case .referred(let meeting, let efforts):
            var text = "Sagen blev forelagt rehabiliteringsteamet til teamets møde den \(date(meeting))."
            if !efforts.isEmpty {
                text +=
                    " Forinden havde kommunen afprøvet eller overvejet disse indsatser: "
                    + efforts.map(quoted).joinedAsList(and: "og") + "."
            }
            return text
        case .referredForReview(let meeting):
            return "Det igangværende ressourceforløb blev forelagt rehabiliteringsteamet igen til teamets møde den "
                + "\(date(meeting)). Forløbet fortsætter imens."
        case .referredForNextStep(let meeting, let courseEnd):
            return "Sagen blev forelagt rehabiliteringsteamet igen til teamets møde den \(date(meeting)), så kommunen "
                + "kan træffe afgørelse om, hvad der skal ske, når forløbet slutter den \(date(courseEnd)). Forløbet "
                + "og ressourceforløbsydelsen fortsætter, indtil afgørelsen er truffet."
        case .recommended(let step, let months, let afterRereferral):
            let lead =
                afterRereferral
                ? "Efter at have behandlet sagen igen indstillede rehabiliteringsteamet"
                : "Rehabiliteringsteamet indstillede"
            return "\(lead), at borgeren \(Self.gets(step, months: months))."
        case .reviewed(let step):
            return
                "Rehabiliteringsteamet gennemgik forløbet og indstillede, at borgeren \(Self.gets(step, months: nil)). "
                + "Gennemgangen opfylder indsatsgarantien."
        case .rereferred(let reason, let meeting):
            return "Kommunen ville ikke følge rehabiliteringsteamets indstilling og forelagde derfor sagen for teamet "
                + "igen til teamets møde den \(date(meeting)). \(because(reason))"
        case .granted(let number, let months, let start, let end, let ruleSet, let consentNeeded, let appeal):
            let which = number > 1 ? "et nyt ressourceforløb (forløb nr. \(number) i sagen)" : "et ressourceforløb"
            var text =
                "Kommunen bevilgede efter reglerne fra \(ruleSet.rawValue) \(which) på \(months) måneder fra "
                + "\(date(start)) til \(date(end))."
            if consentNeeded {
                text += " Borgeren har selv ønsket forløbet, sådan som loven kræver\(cite(.r7))."
            }
            text += " Varigheden er fastsat i afgørelsen, og forløbet kan ikke forlænges\(cite(.r3, .r4))."
            return text + " " + guidance(appeal)
        case .refused(let appeal):
            return "Kommunen gav afslag på et ressourceforløb. \(guidance(appeal))"
        case .decided(let step, let ruleSet, let courseEnded, let withoutTeam, let appeal):
            var text = "Kommunen traf efter reglerne fra \(ruleSet.rawValue) afgørelse \(Self.decision(step))."
            if withoutTeam {
                text +=
                    " Afgørelsen bygger på den samlede beskrivelse af borgerens forudsætninger og "
                    + "sundhedskoordinatorens rådgivning, som har afløst rehabiliteringsteamet\(cite(.r19))."
            }
            if let courseEnded {
                text +=
                    " Ressourceforløbet skulle efter planen slutte den \(date(courseEnded)), men forløbet og "
                    + "ressourceforløbsydelsen fortsatte, indtil denne afgørelse blev truffet."
            }
            return text + " " + guidance(appeal)
        case .caseworkerAssigned(let id, let unit, let previous, let coordinatesOnly):
            var text =
                previous.map {
                    "Borgeren fik \(id) fra \(Self.unit(unit)) som ny koordinerende sagsbehandler i stedet for \($0)."
                } ?? "Borgeren fik \(id) fra \(Self.unit(unit)) som koordinerende sagsbehandler."
            if coordinatesOnly {
                text +=
                    " Sagsbehandleren koordinerer forløbet, men afgørelser efter beskæftigelseslovgivningen "
                    + "træffes af jobcenteret."
            }
            return text
        case .meetingHeld(let meeting, let channel):
            return "Borgeren holdt en opfølgningssamtale med sin koordinerende sagsbehandler\(on(meeting, day)) "
                + "\(Self.channel(channel))."
        case .planUpdated(let months, let goal, let reviewOn):
            return
                "Indsatsdelen af rehabiliteringsplanen blev fastlagt for \(months) måneder med målet \(quoted(goal)). "
                + "Planen skal følges op senest den \(date(reviewOn))."
        case .mentorAgreed(let start, let end, let maxMonths):
            return "Der blev indgået en skriftlig mentoraftale fra \(date(start)) til \(date(end)). Mentorstøtte gives "
                + "for højst \(maxMonths) måneder ad gangen og kan forlænges\(cite(.r13))."
        case .effortStarted(let start, let area, let name, let meetsGuarantee):
            var text = "Indsatsen \(quoted(name)) på \(Self.area(area)) startede\(on(start, day))."
            if meetsGuarantee { text += " Dermed er indsatsgarantien opfyldt." }
            return text
        case .internshipStarted(let start, let weeks, let end):
            return "Borgeren begyndte\(on(start, day)) i virksomhedspraktik i \(weeks) uger, frem til \(date(end))."
        case .internshipExtended(let weeks, let totalWeeks, let end):
            return "Virksomhedspraktikken blev forlænget med \(weeks) uger til i alt \(totalWeeks) uger, frem til "
                + "\(date(end))."
        case .absence(let absent, let reasonableCause, let courseEnd):
            if reasonableCause {
                return "Borgeren var fraværende\(on(absent, day)) med en rimelig grund. Fravær på grund af sygdom, "
                    + "barsel og lignende forlænger ikke forløbet, som fortsat slutter den \(date(courseEnd))."
            }
            return "Borgeren udeblev\(on(absent, day)) uden rimelig grund. Før kommunen kan træffe afgørelse om en "
                + "sanktion, skal den have udtømt alle rimelige muligheder for at komme i personlig kontakt med "
                + "borgeren."
        case .contactAttempted(let attempted, let channel, let reached):
            return "Kommunen forsøgte\(on(attempted, day)) at kontakte borgeren \(Self.channel(channel)) og "
                + (reached ? "fik kontakt med borgeren." : "fik ikke kontakt med borgeren.")
        case .sanction(let absenceDate, let reachedOn, let unanswered, let required, let appeal):
            var text =
                "Kommunen traf afgørelse om en sanktion, fordi borgeren udeblev den \(date(absenceDate)) uden "
                + "rimelig grund."
            if let reachedOn {
                text += " Forinden havde kommunen fået personlig kontakt med borgeren den \(date(reachedOn))."
            } else {
                let days = unanswered.map { "den " + date($0.date) }.joinedAsList(and: "og")
                text +=
                    " Forinden havde kommunen forgæves forsøgt at kontakte borgeren \(Self.times(unanswered.count)) "
                    + "(\(days)), og kommunens retningslinjer kræver mindst \(Self.attempts(required))."
            }
            return text + " " + guidance(appeal)
        case .extensionRequested:
            return "Der blev anmodet om at forlænge forløbet."
        case .municipalityChanged(let municipality):
            return "Borgeren flyttede til en anden kommune (kommunekode \(municipality)). Rehabiliteringsplanen "
                + "følger med sagen til den nye kommune."
        case .closed(let reason):
            return "Sagen blev lukket, fordi \(Self.closure(reason))."
        case .descriptionCompleted(let completed):
            return "Den samlede beskrivelse af borgerens forudsætninger blev færdig\(on(completed, day))\(cite(.r19))."
        case .healthAdviceGiven(let given):
            return "Sundhedskoordinatoren gav sin sundhedsfaglige rådgivning i sagen\(on(given, day))\(cite(.r19))."
        case .appealLodged(let appealed, let receivedOn, let reconsiderBy):
            let (phrase, noun, pronoun) = named(appealed)
            return
                "Kommunen modtog\(on(receivedOn, day)) en klage over \(phrase). Kommunen skal genvurdere \(noun) og, "
                + "hvis kommunen fastholder \(pronoun), sende klagen videre til Ankestyrelsen senest den "
                + "\(date(reconsiderBy))\(cite(.r14))."
        case .appealReconsidered(let appealed, let outcome, let reopening):
            let (phrase, _, pronoun) = named(appealed)
            switch outcome {
            case .upheld:
                return
                    "Kommunen genvurderede \(closed(phrase)) og fastholdt \(pronoun). Klagen er derfor sendt videre til "
                    + "Ankestyrelsen."
            case .changed:
                return "Kommunen genvurderede \(closed(phrase)) og gav borgeren medhold." + reopened(reopening)
            }
        case .appealDecided(let appealed, let ruling, let reopening):
            let (phrase, noun, _) = named(appealed)
            switch ruling {
            case .upheld:
                return "Ankestyrelsen stadfæstede \(phrase), så \(noun) står ved magt."
            case .changed:
                var text = "Ankestyrelsen ændrede \(phrase)." + reopened(reopening)
                if case .returned = reopening {
                    text += " Kommunen træffer den nye afgørelse, sådan som Ankestyrelsen har bestemt."
                }
                return text
            case .annulled:
                return "Ankestyrelsen ophævede \(phrase)." + reopened(reopening)
            case .remitted:
                return "Ankestyrelsen hjemviste \(closed(phrase)) til ny behandling i kommunen." + reopened(reopening)
            }
        }
    }

    /// The appealed decision: the phrase that names it ("afslaget af 20. marts 2023 på et ressourceforløb"), its
    /// noun alone, and the pronoun for it ("det" for "afslaget", "den" for "afgørelsen").
    private func named(_ appealed: AppealedDecision) -> (phrase: String, noun: String, pronoun: String) {
        let of = date(appealed.decidedOn)
        switch (appealed.kind, appealed.step) {
        case (.sanction, _):
            return ("afgørelsen af \(of) om sanktion", "afgørelsen", "den")
        case (.targetGroup, nil):
            return ("afslaget af \(of) på at behandle sagen med henblik på et ressourceforløb", "afslaget", "det")
        case (.targetGroup, .some(let step)):
            return ("afgørelsen af \(of) \(Self.decision(step))", "afgørelsen", "den")
        case (.decision, nil):
            return ("afslaget af \(of) på et ressourceforløb", "afslaget", "det")
        case (.decision, .some(let step)):
            return ("afgørelsen af \(of) \(Self.decision(step))", "afgørelsen", "den")
        }
    }

    /// `phrase` followed by more of its sentence: a phrase that ends in a clause ("om, at borgeren overgår til
    /// kontanthjælp") is closed with a comma, as Danish punctuation asks.
    private func closed(_ phrase: String) -> String {
        phrase.contains(", at ") ? phrase + "," : phrase
    }

    /// " Sagen er igen til afgørelse hos kommunen." and the like: what setting the decision aside did.
    private func reopened(_ reopening: Reopening?) -> String {
        switch reopening {
        case nil: return ""
        case .returned(to: .requested):
            return " Sagen er igen til behandling hos kommunen, som på ny skal vurdere, om borgeren er i målgruppen "
                + "for et ressourceforløb."
        case .returned(to: .awaitingDecision): return " Sagen er igen til afgørelse hos kommunen."
        case .returned(to: .preEndAwaitingDecision):
            return " Sagen er igen til afgørelse hos kommunen, og ressourceforløbet fortsætter imens."
        case .returned(to: .active):
            return
                " Ressourceforløbet fortsætter, og kommunen skal træffe en ny afgørelse om, hvad der skal ske bagefter."
        case .returned: return " Sagen er genoptaget hos kommunen."
        case .sanctionLifted: return " Sanktionen er dermed bortfaldet."
        case .replacedByLaterDecision:
            return " Afgørelsen er siden afløst af en senere afgørelse, så sagen bliver, hvor den er."
        case .caseClosed: return " Sagen er lukket og bliver ikke genoptaget."
        }
    }

    func status(_ current: CitizenCase, overrun: Bool) -> String {
        if overrun, let end = current.courseEnd {
            return "Ressourceforløbet skulle efter planen være slut den \(date(end)), men der er endnu ikke truffet "
                + "afgørelse om, hvad der skal ske bagefter. Forløbet og ressourceforløbsydelsen fortsætter, indtil "
                + "afgørelsen er truffet."
        }
        switch current.state {
        case .requested: return "Sagen afventer kommunens vurdering af, om borgeren er i målgruppen."
        case .preparing: return "Sagen er ved at blive forberedt til rehabiliteringsteamet."
        case .awaitingTeam: return "Sagen afventer rehabiliteringsteamets indstilling."
        case .awaitingDecision: return "Sagen afventer kommunens afgørelse."
        case .active:
            guard let end = current.courseEnd else { return "Borgeren er i ressourceforløb." }
            return "Borgeren er i ressourceforløb, som efter planen slutter den \(date(end))."
        case .preEndAwaitingTeam:
            return "Ressourceforløbet fortsætter, mens sagen afventer rehabiliteringsteamets indstilling om, hvad der "
                + "skal ske bagefter."
        case .preEndAwaitingDecision:
            return "Ressourceforløbet fortsætter, mens sagen afventer kommunens afgørelse om, hvad der skal ske "
                + "bagefter."
        case .refused: return "Sagen er afsluttet med afslag."
        case .fleksjob: return "Sagen er afsluttet med fleksjob."
        case .foertidspension: return "Sagen er afsluttet med førtidspension."
        case .kontanthjaelp: return "Sagen er afsluttet med kontanthjælp."
        case .revalidering: return "Sagen er afsluttet med revalidering."
        case .selfSupport: return "Sagen er afsluttet, og borgeren er selvforsørgende."
        case .closed: return "Sagen er lukket."
        }
    }

    func openAppeal(_ appealed: AppealedDecision, _ appeal: Appeal) -> String {
        let (phrase, noun, _) = named(appealed)
        let subject = closed(phrase.prefix(1).uppercased() + phrase.dropFirst())
        switch appeal.status {
        case .forwarded:
            return "\(subject) er påklaget og ligger nu hos Ankestyrelsen."
        default:
            return
                "\(subject) er påklaget, og kommunen skal genvurdere \(noun) senest den \(date(appeal.reconsiderBy))."
        }
    }

    /// The appeal guidance every decision carries (R14): to the municipality, by the last day, then the
    /// reconsideration and Ankestyrelsen.
    func guidance(_ appeal: AppealGuidance) -> String {
        let (noun, pronoun) =
            switch appeal.subject {
            case .decision: ("afgørelsen", "den")
            case .refusal: ("afslaget", "det")
            case .sanction: ("afgørelsen om sanktion", "den")
            }
        let from =
            appeal.fromNotification
            ? "fra den \(date(appeal.from)), hvor borgeren modtog \(pronoun)"
            : "fra den dag, borgeren modtog \(pronoun)"
        var text =
            "Borgeren kan klage over \(noun) til kommunen. Fristen er \(appeal.weeks) uger \(from), og klagen skal være "
            + "kommunen i hænde senest den \(date(appeal.lastDay))."
        if let movedFrom = appeal.movedFrom {
            text +=
                " Fristen ville være udløbet \(dayOff(movedFrom)) og er derfor forlænget til den første hverdag "
                + "derefter."
        }
        text +=
            " Kommunen genvurderer \(noun), og hvis kommunen fastholder \(pronoun), sender kommunen klagen videre "
            + "til Ankestyrelsen senest \(appeal.reconsiderationWeeks) uger efter at have modtaget klagen"
            + "\(cite(.r14))."
        return text
    }

    /// A day on which no period ends, as the sentence "fristen ville være udløbet …" names it; a holiday's date is
    /// an apposition, closed by its comma.
    private func dayOff(_ day: CivilDate) -> String {
        if let holiday = DanishHoliday.on(day) {
            return "på \(Self.holiday(holiday)), den \(date(day)),"
        }
        if let alike = DanishCalendar.AlikeDay.allCases.first(where: { $0.date(in: day.year) == day }) {
            return "på \(Self.alikeDay(alike)), den \(date(day)),"
        }
        return "\(day.danishWeekday) den \(date(day))"
    }

    /// " (jf. …)" for the laws `rules` stand for, or nothing where they cite none.
    private func cite(_ rules: RuleID...) -> String {
        var sources: [LegalSource] = []
        for rule in rules {
            for source in rule.citations where !sources.contains(source) { sources.append(source) }
        }
        guard !sources.isEmpty else { return "" }
        return " (jf. " + sources.map(\.danish).joinedAsList(and: "og") + ")"
    }

    /// " den 6. marts 2023", or nothing when the line is already dated that day.
    private func on(_ date: CivilDate, _ day: CivilDate) -> String {
        date == day ? "" : " den \(self.date(date))"
    }

    private func because(_ reason: String) -> String {
        "Begrundelse: \(quoted(reason))."
    }

    /// The case system's own words, quoted the Danish way.
    private func quoted(_ text: String) -> String {
        "»\(text)«"
    }

    static func incomeBasis(_ basis: IncomeBasis) -> String {
        switch basis {
        case .kontanthjaelp: "På det tidspunkt modtog borgeren kontanthjælp"
        case .sygedagpenge: "På det tidspunkt modtog borgeren sygedagpenge"
        case .ledighedsydelse: "På det tidspunkt modtog borgeren ledighedsydelse"
        case .foertidspension: "På det tidspunkt modtog borgeren førtidspension"
        case .other: "På det tidspunkt havde borgeren et andet forsørgelsesgrundlag"
        }
    }

    /// What the team recommends the citizen: "får et ressourceforløb på 24 måneder", "bliver selvforsørgende".
    static func gets(_ step: NextStep, months: Int?) -> String {
        let duration = months.map { " på \($0) måneder" } ?? ""
        switch step {
        case .ressourceforloeb: return "får et ressourceforløb\(duration)"
        case .newCourse: return "får et nyt ressourceforløb\(duration)"
        case .fleksjob: return "får fleksjob"
        case .foertidspension: return "får førtidspension"
        case .kontanthjaelp: return "overgår til kontanthjælp"
        case .revalidering: return "får revalidering"
        case .selfSupport: return "bliver selvforsørgende"
        }
    }

    /// What the municipality decided, after "Kommunen traf afgørelse".
    static func decision(_ step: NextStep) -> String {
        switch step {
        case .ressourceforloeb: "om et ressourceforløb"
        case .newCourse: "om et nyt ressourceforløb"
        case .fleksjob: "om fleksjob"
        case .foertidspension: "om førtidspension"
        case .kontanthjaelp: "om, at borgeren overgår til kontanthjælp"
        case .revalidering: "om revalidering"
        case .selfSupport: "om, at borgeren er selvforsørgende"
        }
    }

    /// Where the caseworker works, after "fra".
    static func unit(_ unit: CaseworkerUnit) -> String {
        switch unit {
        case .jobcenter: "jobcenteret"
        case .social: "socialforvaltningen"
        case .health: "sundhedsforvaltningen"
        case .municipality: "kommunen"
        }
    }

    static func channel(_ channel: MeetingChannel) -> String {
        switch channel {
        case .inPerson: "ved personligt fremmøde"
        case .phone: "over telefonen"
        case .video: "over video"
        }
    }

    static func channel(_ channel: ContactChannel) -> String {
        switch channel {
        case .inPerson: "personligt"
        case .phone: "telefonisk"
        case .video: "over video"
        case .letter: "med et brev"
        case .digitalPost: "med Digital Post"
        case .sms: "med en sms"
        }
    }

    /// The area an effort belongs to, after "på".
    static func area(_ area: EffortArea) -> String {
        switch area {
        case .employment: "beskæftigelsesområdet"
        case .education: "uddannelsesområdet"
        case .social: "socialområdet"
        case .health: "sundhedsområdet"
        }
    }

    /// Why the case was closed, after "fordi".
    static func closure(_ reason: ClosureReason) -> String {
        switch reason {
        case .deceased: "borgeren er død"
        case .emigrated: "borgeren er flyttet til udlandet"
        case .withdrawn: "sagen er trukket tilbage"
        }
    }

    static func times(_ count: Int) -> String {
        count == 1 ? "én gang" : "\(count) gange"
    }

    static func attempts(_ count: Int) -> String {
        count == 1 ? "ét forsøg" : "\(count) forsøg"
    }

    static func holiday(_ holiday: DanishHoliday) -> String {
        switch holiday {
        case .nytaarsdag: "nytårsdag"
        case .skaertorsdag: "skærtorsdag"
        case .langfredag: "langfredag"
        case .paaskedag: "påskedag"
        case .andenPaaskedag: "2. påskedag"
        case .storeBededag: "store bededag"
        case .kristiHimmelfartsdag: "Kristi himmelfartsdag"
        case .pinsedag: "pinsedag"
        case .andenPinsedag: "2. pinsedag"
        case .juledag: "juledag"
        case .andenJuledag: "2. juledag"
        }
    }

    static func alikeDay(_ day: DanishCalendar.AlikeDay) -> String {
        switch day {
        case .grundlovsdag: "grundlovsdag"
        case .juleaftensdag: "juleaftensdag"
        case .nytaarsaftensdag: "nytårsaftensdag"
        }
    }
}
