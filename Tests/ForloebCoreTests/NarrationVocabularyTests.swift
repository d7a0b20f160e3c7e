import ForloebCore
import Foundation
import Testing

/// The Danish story speaks Danish: no wire value, ISO date or rule id leaks into it, for the whole sample stream
/// and for cases written to tell every event and every enum value.
@Suite struct NarrationVocabularyTests {
    static let journey = CaseNarratorTests.journey

    /// Every raw value the core puts on the wire, from the enums themselves, so that a value added later is
    /// checked too.
    static let wireValues: Set<String> = {
        var values: [String] = []
        values += EventType.allCases.map(\.rawValue)
        values += CaseState.allCases.map(\.rawValue)
        values += Ending.allCases.map(\.rawValue)
        values += DeadlineKind.allCases.map(\.rawValue)
        values += RejectionCode.allCases.map(\.rawValue)
        values += TargetGroupOutcome.allCases.map(\.rawValue)
        values += MeetingChannel.allCases.map(\.rawValue)
        values += ContactChannel.allCases.map(\.rawValue)
        values += EffortArea.allCases.map(\.rawValue)
        values += ClosureReason.allCases.map(\.rawValue)
        values += CaseworkerUnit.allCases.map(\.rawValue)
        values += CaseOrigin.allCases.map(\.rawValue)
        values += IncomeBasis.allCases.map(\.rawValue)
        values += NextStep.allCases.map(\.rawValue)
        values += ReferralPurpose.allCases.map(\.rawValue)
        values += AppealReconsideration.allCases.map(\.rawValue)
        values += AppealRuling.allCases.map(\.rawValue)
        values += AppealStatus.allCases.map(\.rawValue)
        values += DecisionKind.allCases.map(\.rawValue)
        values.append(DecisionOutcome.refusal.wireName)
        return Set(values)
    }()

    /// Wire values that are also the Danish word: the scheme's own names and words Danish borrowed.
    static let danishWords: Set<String> = [
        "fleksjob", "revalidering", "sygedagpenge", "ledighedsydelse", "video", "sms",
    ]

    /// The wire values found in `text` as whole words (a wire value inside a Danish word, as "social" in
    /// "socialområdet", is Danish), outside the case system's own words quoted »…«.
    static func leaks(in text: String) -> [String] {
        let told = text.replacingOccurrences(of: "»[^«]*«", with: "»«", options: .regularExpression)
        return wireValues.subtracting(danishWords).filter { value in
            var searchRange = told.startIndex..<told.endIndex
            while let found = told.range(of: value, options: .caseInsensitive, range: searchRange) {
                let before = found.lowerBound == told.startIndex ? nil : told[told.index(before: found.lowerBound)]
                let after = found.upperBound == told.endIndex ? nil : told[found.upperBound]
                if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) && before != "_" && after != "_" {
                    return true
                }
                searchRange = found.upperBound..<told.endIndex
            }
            return false
        }.sorted()
    }

    @Test func theCheckFindsALeak() {
        #expect(Self.leaks(in: "Samtalen blev holdt (phone).") == ["phone"])
        #expect(Self.leaks(in: "Sagen er pre_end_awaiting_team.") == ["pre_end_awaiting_team"])
        #expect(Self.leaks(in: "Indsatsen på socialområdet, begrundelse »complex social problems«.").isEmpty)
    }

    @Test func theSampleStreamInDanishHasNoWireValueIsoDateOrRuleId() throws {
        let events = try CaseNarratorTests.sampleEvents()
        var caseIds: [String] = []
        for event in events where !caseIds.contains(event.caseId) { caseIds.append(event.caseId) }
        var told = 0
        for caseId in caseIds {
            let story = CaseNarrator(journey: Self.journey).story(events.filter { $0.caseId == caseId })
            told += story.lines.count
            Self.expectDanish(story)
        }
        #expect(told > 50)
    }

    @Test func everyEventAndEveryValueIsToldInDanish() throws {
        let stories = Self.everyEventCases().map { CaseNarrator(journey: Self.journey).story($0) }
        for story in stories { Self.expectDanish(story) }
        let facts = stories.flatMap(\.lines).map(\.fact)

        // Every event type but the extension, which is always rejected (R4), was told.
        let types = Set(
            Self.everyEventCases().flatMap { events in
                let story = CaseNarrator(journey: Self.journey).story(events)
                let accepted = Set(story.lines.map(\.messageId))
                return events.filter { accepted.contains($0.messageId) }.map(\.type)
            })
        #expect(types == Set(EventType.allCases).subtracting([.courseExtensionRequested]))

        // Every value of every enum the story names was told, so each has its Danish word.
        #expect(
            Set(
                facts.compactMap { fact -> MeetingChannel? in
                    if case .meetingHeld(_, let c) = fact { return c }; return nil
                }) == Set(MeetingChannel.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> ContactChannel? in
                    if case .contactAttempted(_, let c, _) = fact { return c }; return nil
                }) == Set(ContactChannel.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> EffortArea? in
                    if case .effortStarted(_, let a, _, _) = fact { return a }; return nil
                }) == Set(EffortArea.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> ClosureReason? in
                    if case .closed(let r) = fact { return r }; return nil
                }) == Set(ClosureReason.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> CaseworkerUnit? in
                    if case .caseworkerAssigned(_, let u, _, _) = fact { return u }; return nil
                }) == Set(CaseworkerUnit.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> CaseOrigin? in
                    if case .opened(let o, _, _, _) = fact { return o }; return nil
                }) == Set(CaseOrigin.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> IncomeBasis? in
                    if case .opened(_, _, let i, _) = fact { return i }; return nil
                }) == Set(IncomeBasis.allCases))
        #expect(
            Set(
                facts.compactMap { fact -> NextStep? in
                    if case .recommended(let s, _, _) = fact { return s }; return nil
                }) == Set(NextStep.allCases))
        let decided = facts.compactMap { fact -> NextStep? in
            switch fact {
            case .decided(let step, _, _, _, _): step
            case .granted(let number, _, _, _, _, _, _): number == 1 ? .ressourceforloeb : .newCourse
            default: nil
            }
        }
        #expect(Set(decided) == Set(NextStep.allCases))
        #expect(
            facts.contains { fact in
                if case .refused = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .notInTargetGroup = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .obviousFoertidspension = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .referredForReview = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .referredForNextStep = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .absence(_, true, _) = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .absence(_, false, _) = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .granted(_, _, _, _, _, true, _) = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .decided(_, _, .some, _, _) = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .decided(_, _, _, true, _) = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .caseworkerAssigned(_, _, .some, true) = fact { return true }; return false
            })
        #expect(
            facts.contains { fact in
                if case .effortStarted(_, _, _, true) = fact { return true }; return false
            })
        let reconsiderations = facts.compactMap { fact -> AppealReconsideration? in
            if case .appealReconsidered(_, let outcome, _) = fact { return outcome }
            return nil
        }
        #expect(Set(reconsiderations) == Set(AppealReconsideration.allCases))
        let rulings = facts.compactMap { fact -> AppealRuling? in
            if case .appealDecided(_, let ruling, _) = fact { return ruling }
            return nil
        }
        #expect(Set(rulings) == Set(AppealRuling.allCases))
        let reopenings = facts.compactMap { fact -> Reopening? in
            switch fact {
            case .appealReconsidered(_, _, let reopening), .appealDecided(_, _, let reopening): reopening
            default: nil
            }
        }
        #expect(
            Set(reopenings.map { "\($0)" })
                == [
                    "\(Reopening.returned(to: .awaitingDecision))", "\(Reopening.returned(to: .requested))",
                    "\(Reopening.sanctionLifted)", "\(Reopening.replacedByLaterDecision)", "\(Reopening.caseClosed)",
                ])
        let appealed = facts.compactMap { fact -> AppealedDecision? in
            if case .appealLodged(let appealed, _, _) = fact { return appealed }
            return nil
        }
        #expect(Set(appealed.map(\.kind)) == Set(DecisionKind.allCases))
    }

    /// The Danish story of `story`'s events has no wire value, ISO date or rule id; neither has the English one
    /// an ISO date or a rule id.
    static func expectDanish(_ story: CaseStory, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in [story.heading] + story.sentences + [story.status ?? ""] {
            #expect(leaks(in: line).isEmpty, "\(leaks(in: line)) in: \(line)", sourceLocation: sourceLocation)
            #expect(
                line.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "ISO date in: \(line)",
                sourceLocation: sourceLocation)
            #expect(
                line.range(of: #"\bR\d{1,2}\b"#, options: .regularExpression) == nil, "rule id in: \(line)",
                sourceLocation: sourceLocation)
        }
    }

    /// Cases that between them send every event type and every enum value the story tells, each accepted.
    static func everyEventCases() -> [[EventEnvelope]] {
        var cases: [[EventEnvelope]] = []

        // A whole course: a renewed referral, three units, every channel, every area, a sanction, a review, a move.
        var course = CaseScript("K-VOC-COURSE", journey: journey)
        course.send(
            .caseOpened(
                Citizen(
                    birthDate: day("1990-01-01"), municipality: "0260", origin: .municipality,
                    incomeBasis: .sygedagpenge, priorCourses: [PriorCourse(startDate: day("2018-01-01"), months: 12)])),
            on: "2023-01-02")
        course.assess(on: "2023-01-09")
        course.refer(meeting: "2023-01-24", on: "2023-01-10")
        course.recommend(.ressourceforloeb, months: 12, on: "2023-01-24")
        course.rerefer(meeting: "2023-02-07", on: "2023-01-25")
        course.recommend(.ressourceforloeb, months: 12, on: "2023-02-07")
        course.decide(.ressourceforloeb, months: 12, start: "2023-03-01", on: "2023-02-14")
        course.send(.caseworkerAssigned(caseworkerId: "sb-1", unit: .social), on: "2023-02-15")
        course.send(.caseworkerAssigned(caseworkerId: "sb-2", unit: .health), on: "2023-02-16")
        course.send(.caseworkerAssigned(caseworkerId: "sb-3", unit: .jobcenter), on: "2023-02-17")
        for (date, channel) in [
            ("2023-03-02", MeetingChannel.inPerson), ("2023-04-03", .phone), ("2023-05-03", .video),
        ] {
            course.send(.meetingHeld(date: day(date), channel: channel), on: date)
        }
        course.send(.planUpdated(periodMonths: 6, goal: "afklaring"), on: "2023-03-02")
        course.send(.mentorAgreed(startDate: day("2023-03-06"), endDate: day("2023-09-05")), on: "2023-03-06")
        for (date, area) in [
            ("2023-03-07", EffortArea.employment), ("2023-03-08", .education), ("2023-03-09", .social),
            ("2023-03-10", .health),
        ] {
            course.send(.effortStarted(startDate: day(date), area: area, name: "indsats"), on: date)
        }
        course.send(.internshipStarted(startDate: day("2023-03-13"), weeks: 13), on: "2023-03-13")
        course.send(.internshipExtended(weeks: 13), on: "2023-06-01")
        course.send(.absenceRecorded(date: day("2023-06-05"), reasonableCause: true), on: "2023-06-05")
        course.send(.absenceRecorded(date: day("2023-06-12"), reasonableCause: false), on: "2023-06-12")
        for (date, channel) in [
            ("2023-06-13", ContactChannel.phone), ("2023-06-14", .sms), ("2023-06-15", .letter),
            ("2023-06-16", .digitalPost), ("2023-06-19", .video),
        ] {
            course.send(.contactAttempted(date: day(date), channel: channel, reached: false), on: date)
        }
        course.send(.sanctionDecided(absenceDate: day("2023-06-12")), on: "2023-06-20")
        course.send(.contactAttempted(date: day("2023-06-21"), channel: .inPerson, reached: true), on: "2023-06-21")
        course.send(
            .teamReferred(meetingDate: day("2023-08-15"), consideredEfforts: nil, purpose: .review), on: "2023-08-01")
        course.send(.teamRecommended(recommendation: .ressourceforloeb, durationMonths: nil), on: "2023-08-15")
        course.send(.municipalityChanged(municipality: "0217"), on: "2023-09-01")
        course.toPreEndDecision(.selfSupport, referredOn: "2023-12-01", recommendedOn: "2023-12-12")
        course.decide(.selfSupport, on: "2024-01-15")
        course.send(.courseExtensionRequested, on: "2024-01-16")
        cases.append(course.sent)

        // Refusals: at the target-group assessment, of a course, and the obvious førtidspension.
        var outside = CaseScript("K-VOC-OUTSIDE", journey: journey)
        outside.open(born: "1990-01-01", on: "2023-01-02")
        outside.assess(.notInTargetGroup, on: "2023-01-09")
        cases.append(outside.sent)
        var obvious = CaseScript("K-VOC-OBVIOUS", journey: journey)
        obvious.send(
            .caseOpened(
                Citizen(
                    birthDate: day("1970-01-01"), municipality: "0260", origin: .citizenRequest,
                    incomeBasis: .ledighedsydelse)), on: "2023-01-02")
        obvious.assess(.obviousFoertidspension, on: "2023-01-09")
        cases.append(obvious.sent)
        var refused = CaseScript("K-VOC-AFSLAG", journey: journey)
        refused.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2023-03-01", recommendation: .kontanthjaelp)
        refused.decide(.refusal, on: "2023-03-08")
        cases.append(refused.sent)

        // Every next step, recommended by the team and decided, one case each.
        for (index, step) in NextStep.allCases.enumerated() where !step.isCourse {
            var next = CaseScript("K-VOC-STEP-\(index)", journey: journey)
            next.toActive(
                born: step == .foertidspension ? "1970-01-01" : "1990-01-01", decidedOn: "2023-02-01", months: 12)
            next.toPreEndDecision(step, referredOn: "2023-11-01", recommendedOn: "2023-11-15")
            next.decide(step, on: step == .kontanthjaelp ? "2024-02-15" : "2023-12-01")
            cases.append(next.sent)
        }
        var newCourse = CaseScript("K-VOC-NEW", journey: journey)
        newCourse.toActive(born: "1970-01-01", decidedOn: "2023-02-01", months: 12)
        newCourse.toPreEndDecision(.newCourse, months: 12, referredOn: "2023-11-01", recommendedOn: "2023-11-15")
        newCourse.decide(.newCourse, months: 12, consent: true, on: "2023-12-01")
        cases.append(newCourse.sent)

        // Closed, for each reason; the citizens on the benefits no other case has.
        for (index, reason) in ClosureReason.allCases.enumerated() {
            let basis: IncomeBasis = index == 0 ? .foertidspension : .other
            var closed = CaseScript("K-VOC-LUKKET-\(index)", journey: journey)
            closed.send(
                .caseOpened(
                    Citizen(
                        birthDate: day("1990-01-01"), municipality: "0260", origin: .citizenRequest, incomeBasis: basis)
                ),
                on: "2023-01-02")
            closed.send(.caseClosed(reason: reason), on: "2023-01-03")
            cases.append(closed.sent)
        }

        // The reform: the municipality's caseworker, the description and the health advice, fleksjob without the
        // team (the sample's K-2026-000108, shortened).
        var reform = CaseScript("K-VOC-2026", journey: journey)
        reform.toActive(born: "1978-04-11", decidedOn: "2024-10-22", months: 24)
        reform.send(.caseworkerAssigned(caseworkerId: "kom-1", unit: .municipality), on: "2026-07-01")
        reform.send(.descriptionCompleted(date: day("2026-08-14")), on: "2026-08-14")
        reform.send(.healthAdviceGiven(date: day("2026-09-03")), on: "2026-09-03")
        reform.decide(.fleksjob, on: "2026-09-10")
        cases.append(reform.sent)
        cases += appealCases()
        return cases
    }

    /// Appeals of every kind of decision, every outcome, and every way setting a decision aside ends.
    static func appealCases() -> [[EventEnvelope]] {
        var cases: [[EventEnvelope]] = []

        // A refused course, upheld by the municipality, changed by Ankestyrelsen, then decided anew.
        var reversed = CaseScript("K-VOC-KLAGE-1", journey: journey)
        reversed.toAwaitingDecision(born: "1990-01-01", recommendedOn: "2023-03-01", recommendation: .kontanthjaelp)
        reversed.decide(.refusal, on: "2023-03-08")
        let refusal = reversed.sent.last!.messageId
        reversed.send(.appealLodged(decision: refusal, receivedOn: day("2023-03-20")), on: "2023-03-20")
        reversed.send(.appealReconsidered(outcome: .upheld), on: "2023-04-11")
        reversed.send(.appealDecided(outcome: .changed), on: "2023-08-01")
        reversed.decide(.kontanthjaelp, on: "2023-08-10")
        cases.append(reversed.sent)

        // A target-group refusal the municipality itself changes on reconsideration.
        var outside = CaseScript("K-VOC-KLAGE-2", journey: journey)
        outside.open(born: "1990-01-01", on: "2023-01-02")
        outside.assess(.notInTargetGroup, on: "2023-01-09")
        let assessment = outside.sent.last!.messageId
        outside.send(.appealLodged(decision: assessment, receivedOn: day("2023-01-30")), on: "2023-01-30")
        outside.send(.appealReconsidered(outcome: .changed), on: "2023-02-13")
        cases.append(outside.sent)

        // The obvious førtidspension, upheld by Ankestyrelsen.
        var obvious = CaseScript("K-VOC-KLAGE-3", journey: journey)
        obvious.open(born: "1970-01-01", on: "2023-01-02")
        obvious.assess(.obviousFoertidspension, on: "2023-01-09")
        let assessed = obvious.sent.last!.messageId
        obvious.send(.appealLodged(decision: assessed, receivedOn: day("2023-01-20")), on: "2023-01-20")
        obvious.send(.appealReconsidered(outcome: .upheld), on: "2023-02-10")
        obvious.send(.appealDecided(outcome: .upheld), on: "2023-06-01")
        cases.append(obvious.sent)

        // A sanction annulled, and a grant remitted after a later decision had replaced it.
        var sanction = CaseScript("K-VOC-KLAGE-4", journey: journey)
        sanction.toActive(born: "1990-01-01", decidedOn: "2023-03-01", months: 12)
        let grant = sanction.sent.last!.messageId
        sanction.send(.absenceRecorded(date: day("2023-03-06"), reasonableCause: false), on: "2023-03-06")
        sanction.send(.contactAttempted(date: day("2023-03-07"), channel: .phone, reached: true), on: "2023-03-07")
        sanction.send(.sanctionDecided(absenceDate: day("2023-03-06"), notifiedOn: day("2023-03-09")), on: "2023-03-08")
        let sanctioned = sanction.sent.last!.messageId
        sanction.send(.appealLodged(decision: sanctioned, receivedOn: day("2023-03-15")), on: "2023-03-15")
        sanction.send(.appealLodged(decision: grant, receivedOn: day("2023-03-16")), on: "2023-03-16")
        sanction.send(.appealReconsidered(outcome: .upheld, decision: sanctioned), on: "2023-03-29")
        sanction.send(.appealReconsidered(outcome: .upheld, decision: grant), on: "2023-03-30")
        sanction.decide(.kontanthjaelp, on: "2023-04-03")
        sanction.send(.appealDecided(outcome: .annulled, decision: sanctioned), on: "2023-06-01")
        sanction.send(.appealDecided(outcome: .remitted, decision: grant), on: "2023-06-02")
        cases.append(sanction.sent)

        // A grant set aside after the case was closed.
        var closed = CaseScript("K-VOC-KLAGE-5", journey: journey)
        closed.toActive(born: "1990-01-01", decidedOn: "2023-03-01", months: 12)
        let closedGrant = closed.sent.last!.messageId
        closed.send(.caseClosed(reason: .withdrawn), on: "2023-03-03")
        closed.send(.appealLodged(decision: closedGrant, receivedOn: day("2023-03-10")), on: "2023-03-10")
        closed.send(.appealReconsidered(outcome: .changed), on: "2023-03-24")
        cases.append(closed.sent)
        return cases
    }
}
