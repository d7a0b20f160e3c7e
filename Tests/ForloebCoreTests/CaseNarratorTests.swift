import ForloebCore
import ForloebWorkflows
import Foundation
import Testing

/// `explain`'s sentences and `stuck`'s diagnosis, on the shipped sample stream and on cases written for one rule.
@Suite struct CaseNarratorTests {
    static let journey = try! WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey

    /// Every event of the sample stream that decodes, in file order (the log order the store keeps).
    static func sampleEvents() throws -> [EventEnvelope] {
        let url = URL(fileURLWithPath: WorkflowLoader.sourceTreeDirectory + "/examples/sample-cases.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
            try? EventDecoder.decode(String($0)).get()
        }
    }

    static func events(of caseId: String) throws -> [EventEnvelope] {
        try sampleEvents().filter { $0.caseId == caseId }
    }

    @Test func danishNarrationWritesDatesAsProseAndCitesTheLaw() throws {
        let sentences = CaseNarrator(journey: Self.journey, language: .da).narrate(try Self.events(of: "K-2026-000101"))
        #expect(
            sentences.first
                == "10. januar 2023: Sagen blev oprettet efter borgerens egen anmodning (kommunekode 0260). På det "
                + "tidspunkt modtog borgeren kontanthjælp.")
        let grant = try #require(sentences.first { $0.contains("bevilgede") })
        #expect(
            grant.hasPrefix(
                "20. februar 2023: Kommunen bevilgede efter reglerne fra 2022 et ressourceforløb på 24 måneder fra 1. marts 2023 til 1. marts 2025."
            ))
        #expect(grant.contains("forløbet kan ikke forlænges (jf. Ankestyrelsens principafgørelse 82-16)"))
        #expect(grant.contains("Borgeren kan klage over afgørelsen til kommunen."))
        #expect(grant.contains("klagen skal være kommunen i hænde senest den 20. marts 2023"))
        #expect(
            grant.contains(
                "hvis kommunen fastholder den, sender kommunen klagen videre til Ankestyrelsen senest 4 uger efter at have modtaget klagen (jf. retssikkerhedslovens §§ 66 og 67)"
            ))
        #expect(sentences.last?.contains("Kommunen traf efter reglerne fra 2022 afgørelse om fleksjob.") == true)
        for sentence in sentences {
            #expect(sentence.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "\(sentence)")
            #expect(sentence.range(of: #"\bR\d{1,2}\b"#, options: .regularExpression) == nil, "\(sentence)")
            #expect(!sentence.contains("påklages til Ankestyrelsen"), "\(sentence)")
        }
    }

    @Test func sentencesAreInDateOrderThoughTheLogIsNot() throws {
        // K-2026-000101's internship was extended (15 June) before the meeting of 1 June arrived.
        let story = CaseNarrator(journey: Self.journey, language: .da).story(try Self.events(of: "K-2026-000101"))
        #expect(story.lines.map(\.occurredAt) == story.lines.map(\.occurredAt).sorted())
        let meeting = try #require(story.lines.firstIndex { $0.messageId == "K-2026-000101-013" })
        let extension_ = try #require(story.lines.firstIndex { $0.messageId == "K-2026-000101-012" })
        #expect(meeting < extension_)
        #expect(story.status == "Sagen er afsluttet med fleksjob.")
    }

    @Test func theStatusSaysWhenTheCourseHasOverrunItsEnd() throws {
        let events = try Self.events(of: "K-2026-000107")
        let narrator = CaseNarrator(journey: Self.journey)
        #expect(
            narrator.story(events).status == "Borgeren er i ressourceforløb, som efter planen slutter den 5. juni 2024."
        )
        let late = narrator.story(events, now: instant("2026-11-23T12:00:00Z"))
        #expect(late.status?.hasPrefix("Ressourceforløbet skulle efter planen være slut den 5. juni 2024, men") == true)
    }

    @Test func equalTimesKeepTheLogOrder() throws {
        var script = CaseScript("K-ORDER", journey: Self.journey)
        script.open(born: "1990-01-01", on: "2023-01-02")
        script.assess(on: "2023-01-02")
        let story = CaseNarrator(journey: Self.journey).story(script.sent)
        #expect(story.lines.map(\.messageId) == ["K-ORDER-001", "K-ORDER-002"])
    }

    @Test func englishNarrationSkipsRejectedEvents() throws {
        let events = try Self.events(of: "K-2026-000104")
        let sentences = CaseNarrator(journey: Self.journey, language: .en).narrate(events)
        // The deviating decision without a renewed referral, and the undocumented førtidspension, were
        // rejected: no sentence claims they happened.
        #expect(sentences.count == events.count - 2)
        #expect(
            sentences.contains {
                $0.contains("so it referred the case to the team again for its meeting on 23 May 2024")
            })
        #expect(
            sentences.last?.hasPrefix(
                "27 May 2024: The municipality decided that the citizen moves to kontanthjælp under the rules of 2022.")
                == true)
        #expect(sentences.last?.contains("the appeal must reach the municipality by 24 June 2024") == true)
        #expect(sentences.last?.contains("(retssikkerhedsloven §§ 66–67)") == true)
    }

    @Test func onlyAnAbsenceWithReasonableCauseIsToldItDoesNotExtendTheCourse() throws {
        var script = CaseScript("K-ABSENT", journey: Self.journey)
        script.toActive(born: "1990-01-01", decidedOn: "2023-03-01", months: 12)
        script.send(.absenceRecorded(date: day("2023-04-03"), reasonableCause: true), on: "2023-04-03")
        script.send(.absenceRecorded(date: day("2023-04-10"), reasonableCause: false), on: "2023-04-11")
        let sentences = CaseNarrator(journey: Self.journey).narrate(script.sent)
        let withCause = try #require(sentences.first { $0.hasPrefix("3. april 2023:") })
        #expect(
            withCause
                == "3. april 2023: Borgeren var fraværende med en rimelig grund. Fravær på grund af sygdom, barsel og "
                + "lignende forlænger ikke forløbet, som fortsat slutter den 1. marts 2024.")
        let without = try #require(sentences.first { $0.hasPrefix("11. april 2023:") })
        #expect(without.hasPrefix("11. april 2023: Borgeren udeblev den 10. april 2023 uden rimelig grund."))
        #expect(!without.contains("forlænger ikke"))
    }

    @Test func theSanctionSaysWhichAbsenceAndWhichContactAttemptsPrecededIt() throws {
        var script = CaseScript("K-SANCTION", journey: Self.journey)
        script.toActive(born: "1990-01-01", decidedOn: "2023-03-01", months: 12)
        script.send(.absenceRecorded(date: day("2023-05-02"), reasonableCause: false), on: "2023-05-02")
        script.send(.contactAttempted(date: day("2023-05-03"), channel: .phone, reached: false), on: "2023-05-03")
        script.send(.contactAttempted(date: day("2023-05-04"), channel: .letter, reached: false), on: "2023-05-04")
        #expect(script.send(.sanctionDecided(absenceDate: day("2023-05-02")), on: "2023-05-12").transition != nil)
        let sanction = try #require(CaseNarrator(journey: Self.journey).narrate(script.sent).last)
        #expect(
            sanction.hasPrefix(
                "12. maj 2023: Kommunen traf afgørelse om en sanktion, fordi borgeren udeblev den 2. maj 2023 uden "
                    + "rimelig grund. Forinden havde kommunen forgæves forsøgt at kontakte borgeren 2 gange (den 3. maj "
                    + "2023 og den 4. maj 2023), og kommunens retningslinjer kræver mindst 2 forsøg. Borgeren kan klage "
                    + "over afgørelsen om sanktion til kommunen."))
        #expect(sanction.contains("senest den 9. juni 2023"))
    }

    @Test func aSanctionAfterTheCitizenWasReachedSaysSo() throws {
        var script = CaseScript("K-REACHED", journey: Self.journey)
        script.toActive(born: "1990-01-01", decidedOn: "2023-03-01", months: 12)
        script.send(.absenceRecorded(date: day("2023-05-02"), reasonableCause: false), on: "2023-05-02")
        script.send(.contactAttempted(date: day("2023-05-03"), channel: .inPerson, reached: true), on: "2023-05-03")
        script.send(.sanctionDecided(absenceDate: day("2023-05-02")), on: "2023-05-05")
        let sanction = try #require(CaseNarrator(journey: Self.journey, language: .en).narrate(script.sent).last)
        #expect(sanction.contains("Before that, the municipality had reached the citizen in person on 3 May 2023."))
    }

    @Test func anAppealPeriodEndingOnAHolidayOrWeekendRunsToTheNextWorkingDay() throws {
        // Decided Monday 13 March 2023: 4 weeks is 2. påskedag, 10 April; the period runs to Tuesday 11 April.
        var holiday = CaseScript("K-HOLIDAY", journey: Self.journey)
        holiday.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2023-03-06", recommendation: .kontanthjaelp)
        holiday.decide(.kontanthjaelp, on: "2023-03-13")
        let da = try #require(CaseNarrator(journey: Self.journey).narrate(holiday.sent).last)
        #expect(
            da.contains(
                "senest den 11. april 2023. Fristen ville være udløbet på 2. påskedag, den 10. april 2023, og er derfor forlænget til den første hverdag derefter."
            ))
        let en = try #require(CaseNarrator(journey: Self.journey, language: .en).narrate(holiday.sent).last)
        #expect(
            en.contains(
                "by 11 April 2023. The period would have ended on 2. påskedag, 10 April 2023, so it runs to the next working day."
            ))

        // Decided Saturday 4 March 2023: 4 weeks is Saturday 1 April; the period runs to Monday 3 April.
        var weekend = CaseScript("K-WEEKEND", journey: Self.journey)
        weekend.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2023-03-01", recommendation: .kontanthjaelp)
        weekend.decide(.kontanthjaelp, on: "2023-03-04")
        let saturday = try #require(CaseNarrator(journey: Self.journey).narrate(weekend.sent).last)
        #expect(saturday.contains("senest den 3. april 2023. Fristen ville være udløbet lørdag den 1. april 2023"))
    }

    @Test func anAppealIsToldFromItsArrivalToAnkestyrelsensRulingAndTheNewDecision() throws {
        var s = CaseScript("K-APPEAL", journey: Self.journey)
        s.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2023-03-13", months: 12)
        s.rerefer(meeting: "2023-03-16", on: "2023-03-14")
        s.recommend(.ressourceforloeb, months: 12, on: "2023-03-16")
        s.send(.decisionMade(Decision(outcome: .refusal, notifiedOn: day("2023-03-20"))), on: "2023-03-20")
        let refusal = s.sent.last!.messageId
        s.send(.appealLodged(decision: refusal, receivedOn: day("2023-04-10")), on: "2023-04-11")
        s.send(.appealReconsidered(outcome: .upheld), on: "2023-05-02")
        s.send(.appealDecided(outcome: .changed), on: "2023-09-01")
        s.decide(.ressourceforloeb, months: 12, start: "2023-10-01", on: "2023-09-15")
        #expect(s.state == .active)
        let told = CaseNarrator(journey: Self.journey).narrate(s.sent)
        let byDate = { (prefix: String) in told.first { $0.hasPrefix(prefix) } ?? "" }
        #expect(
            byDate("20. marts 2023:").hasPrefix(
                "20. marts 2023: Kommunen gav afslag på et ressourceforløb. Borgeren kan klage over afslaget til kommunen."
            ))
        #expect(byDate("20. marts 2023:").contains("senest den 17. april 2023"))
        #expect(
            byDate("11. april 2023:")
                == "11. april 2023: Kommunen modtog den 10. april 2023 en klage over afslaget af 20. marts 2023 på et "
                + "ressourceforløb. Kommunen skal genvurdere afslaget og, hvis kommunen fastholder det, sende klagen "
                + "videre til Ankestyrelsen senest den 8. maj 2023 (jf. retssikkerhedslovens §§ 66 og 67).")
        #expect(
            byDate("2. maj 2023:")
                == "2. maj 2023: Kommunen genvurderede afslaget af 20. marts 2023 på et ressourceforløb og fastholdt "
                + "det. Klagen er derfor sendt videre til Ankestyrelsen.")
        #expect(
            byDate("1. september 2023:")
                == "1. september 2023: Ankestyrelsen ændrede afslaget af 20. marts 2023 på et ressourceforløb. Sagen er "
                + "igen til afgørelse hos kommunen. Kommunen træffer den nye afgørelse, sådan som Ankestyrelsen har "
                + "bestemt.")
        #expect(
            byDate("15. september 2023:").hasPrefix(
                "15. september 2023: Kommunen bevilgede efter reglerne fra 2022 et ressourceforløb på 12 måneder fra 1. oktober 2023 til 1. oktober 2024."
            ))
    }

    @Test func datesInProse() {
        #expect(day("2023-03-06").danishProse == "6. marts 2023")
        #expect(day("2023-03-06").englishProse == "6 March 2023")
        #expect(day("2024-12-31").danishProse == "31. december 2024")
        #expect(day("2023-04-02").danishWeekday == "søndag")
    }

    @Test func diagnosisFindsOverrunOverdueAndIdleAndNothingForFinalCases() throws {
        var book = CaseBook(journey: Self.journey)
        for caseId in ["K-2026-000101", "K-2026-000107"] {
            for event in try Self.events(of: caseId) { book.ingest(event) }
        }
        let explorer = JourneyExplorer(journey: Self.journey)
        let now = Instant(rfc3339: "2026-11-23T12:00:00Z")!
        let finished = CaseDiagnosis.of(
            try #require(book.cases["K-2026-000101"]), at: now, journey: Self.journey, explorer: explorer)
        #expect(!finished.isStuck)
        let overrun = CaseDiagnosis.of(
            try #require(book.cases["K-2026-000107"]), at: now, journey: Self.journey, explorer: explorer)
        #expect(overrun.reasons.contains(.overrun(courseEnd: CivilDate(iso: "2024-06-05")!, days: 901)))
        #expect(overrun.reasons.contains { $0.code == "overdue" })
        #expect(overrun.reasons.contains { $0.code == "idle" })
        #expect(overrun.wouldMoveOn.contains(.teamReferred))
        #expect(overrun.wouldMoveOn.contains(.decisionMade))
        let fresh = CaseDiagnosis.of(
            try #require(book.cases["K-2026-000107"]), at: Instant(rfc3339: "2023-06-09T00:00:00Z")!,
            journey: Self.journey, explorer: explorer)
        #expect(!fresh.isStuck)
    }
}
