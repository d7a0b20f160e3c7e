import ForloebCore
import Foundation
import Testing

/// The contract's wire format: decoding each event, exact `malformed` paths, limits, and encoding.
@Suite struct WireFormatTests {
    /// One message of every type: the `data` a case system sends and the typed event it means.
    static let samples: [(type: EventType, data: String, event: CaseEvent)] = [
        (
            .caseOpened,
            #"{"birthDate": "1985-05-20", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}"#,
            .caseOpened(
                Citizen(
                    birthDate: day("1985-05-20"), municipality: "0260", origin: .citizenRequest,
                    incomeBasis: .kontanthjaelp))
        ),
        (
            .targetGroupAssessed, #"{"outcome": "in_target_group", "reason": "komplekse problemer"}"#,
            .targetGroupAssessed(outcome: .inTargetGroup, reason: "komplekse problemer")
        ),
        (
            .teamReferred, #"{"meetingDate": "2023-02-14", "consideredEfforts": ["mentor", "praktik"]}"#,
            .teamReferred(meetingDate: day("2023-02-14"), consideredEfforts: ["mentor", "praktik"])
        ),
        (
            .teamRecommended, #"{"recommendation": "ressourceforloeb", "durationMonths": 24}"#,
            .teamRecommended(recommendation: .ressourceforloeb, durationMonths: 24)
        ),
        (
            .teamRereferred, #"{"reason": "uenighed", "meetingDate": "2023-03-07"}"#,
            .teamRereferred(reason: "uenighed", meetingDate: day("2023-03-07"))
        ),
        (
            .decisionMade,
            #"{"outcome": "new_course", "startDate": "2023-03-01", "durationMonths": 12, "citizenConsent": true, "obviouslyFutile": false}"#,
            .decisionMade(
                Decision(
                    outcome: .step(.newCourse), startDate: day("2023-03-01"), durationMonths: 12, citizenConsent: true,
                    obviouslyFutile: false))
        ),
        (.decisionMade, #"{"outcome": "refusal"}"#, .decisionMade(Decision(outcome: .refusal))),
        (
            .caseworkerAssigned, #"{"caseworkerId": "sb-4711", "unit": "jobcenter"}"#,
            .caseworkerAssigned(caseworkerId: "sb-4711", unit: .jobcenter)
        ),
        (
            .meetingHeld, #"{"date": "2023-03-06", "channel": "in_person"}"#,
            .meetingHeld(date: day("2023-03-06"), channel: .inPerson)
        ),
        (.planUpdated, #"{"periodMonths": 6, "goal": "afklaring"}"#, .planUpdated(periodMonths: 6, goal: "afklaring")),
        (
            .mentorAgreed, #"{"startDate": "2023-03-20", "endDate": "2023-09-19"}"#,
            .mentorAgreed(startDate: day("2023-03-20"), endDate: day("2023-09-19"))
        ),
        (
            .effortStarted, #"{"startDate": "2023-04-03", "area": "health", "name": "smertehåndtering"}"#,
            .effortStarted(startDate: day("2023-04-03"), area: .health, name: "smertehåndtering")
        ),
        (
            .internshipStarted, #"{"startDate": "2023-03-20", "weeks": 13}"#,
            .internshipStarted(startDate: day("2023-03-20"), weeks: 13)
        ),
        (.internshipExtended, #"{"weeks": 13}"#, .internshipExtended(weeks: 13)),
        (
            .absenceRecorded, #"{"date": "2023-08-01", "reasonableCause": false}"#,
            .absenceRecorded(date: day("2023-08-01"), reasonableCause: false)
        ),
        (
            .contactAttempted, #"{"date": "2023-08-02", "channel": "digital_post", "reached": false}"#,
            .contactAttempted(date: day("2023-08-02"), channel: .digitalPost, reached: false)
        ),
        (.sanctionDecided, #"{"absenceDate": "2023-08-01"}"#, .sanctionDecided(absenceDate: day("2023-08-01"))),
        (
            .sanctionDecided, #"{"absenceDate": "2023-08-01", "notifiedOn": "2023-08-10"}"#,
            .sanctionDecided(absenceDate: day("2023-08-01"), notifiedOn: day("2023-08-10"))
        ),
        (
            .decisionMade, #"{"outcome": "refusal", "notifiedOn": "2023-03-06"}"#,
            .decisionMade(Decision(outcome: .refusal, notifiedOn: day("2023-03-06")))
        ),
        (
            .appealLodged, #"{"decision": "m-0", "receivedOn": "2023-03-20"}"#,
            .appealLodged(decision: "m-0", receivedOn: day("2023-03-20"))
        ),
        (.appealReconsidered, #"{"outcome": "upheld"}"#, .appealReconsidered(outcome: .upheld)),
        (
            .appealReconsidered, #"{"outcome": "changed", "decision": "m-0"}"#,
            .appealReconsidered(outcome: .changed, decision: "m-0")
        ),
        (.appealDecided, #"{"outcome": "remitted"}"#, .appealDecided(outcome: .remitted)),
        (.courseExtensionRequested, "{}", .courseExtensionRequested),
        (.municipalityChanged, #"{"municipality": "0250"}"#, .municipalityChanged(municipality: "0250")),
        (.caseClosed, #"{"reason": "emigrated"}"#, .caseClosed(reason: .emigrated)),
        (.descriptionCompleted, #"{"date": "2026-08-14"}"#, .descriptionCompleted(date: day("2026-08-14"))),
        (.healthAdviceGiven, #"{"date": "2026-09-03"}"#, .healthAdviceGiven(date: day("2026-09-03"))),
        (
            .effortStarted, #"{"startDate": "2023-04-03", "area": "employment", "name": "job", "fleksjob": true}"#,
            .effortStarted(startDate: day("2023-04-03"), area: .employment, name: "job", fleksjob: true)
        ),
        (
            .teamReferred, #"{"meetingDate": "2023-09-20", "purpose": "review"}"#,
            .teamReferred(meetingDate: day("2023-09-20"), consideredEfforts: nil, purpose: .review)
        ),
    ]

    static func message(_ type: String, _ data: String, messageId: String = "m-1", caseId: String = "K-1") -> Data {
        wireLine(messageId, caseId, type, "2023-03-02T09:30:00+01:00", data)
    }

    /// The rejection for `bytes`, or an issue if it decoded.
    static func rejected(_ bytes: Data, sourceLocation: SourceLocation = #_sourceLocation) -> RejectedEvent? {
        switch EventDecoder.decode(bytes) {
        case .success(let envelope):
            Issue.record("decoded unexpectedly: \(envelope)", sourceLocation: sourceLocation)
            return nil
        case .failure(let rejected):
            return rejected
        }
    }

    @Test func everyEventTypeDecodes() throws {
        #expect(Set(Self.samples.map(\.type)) == Set(EventType.allCases))
        for sample in Self.samples {
            let envelope = try EventDecoder.decode(Self.message(sample.type.rawValue, sample.data)).get()
            #expect(envelope.event == sample.event, "\(sample.type)")
            #expect(envelope.type == sample.type)
            #expect(envelope.messageId == "m-1")
            #expect(envelope.caseId == "K-1")
            #expect(envelope.actor == "sb-4711")
            #expect(envelope.occurredAt == instant("2023-03-02T08:30:00Z"), "offsets are normalised to UTC")
        }
    }

    @Test func extensionRequestNeedsNoData() throws {
        let bytes = Data(
            #"{"messageId":"m","caseId":"K","type":"course.extension_requested","occurredAt":"2023-01-01T00:00:00Z","actor":"a"}"#
                .utf8)
        #expect(try EventDecoder.decode(bytes).get().event == .courseExtensionRequested)
    }

    @Test(arguments: [
        ("team.recommended", #"{"recommendation": "ressourceforloeb", "durationMonths": "24"}"#, "data.durationMonths"),
        ("team.recommended", #"{"recommendation": "ressourceforloeb", "durationMonths": 0}"#, "data.durationMonths"),
        ("decision.made", #"{"outcome": "ressourceforloeb", "durationMonths": 12.5}"#, "data.durationMonths"),
        (
            "team.referred", #"{"meetingDate": "2023-02-14", "consideredEfforts": ["mentor", 3]}"#,
            "data.consideredEfforts[1]"
        ),
        ("team.referred", #"{"consideredEfforts": ["mentor"]}"#, "data.meetingDate"),
        ("team.referred", #"{"meetingDate": "14-02-2023", "consideredEfforts": ["mentor"]}"#, "data.meetingDate"),
        ("decision.made", #"{"outcome": "pension"}"#, "data.outcome"),
        (
            "case.opened",
            #"{"birthDate": "1985-02-30", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "other"}"#,
            "data.birthDate"
        ),
        (
            "case.opened",
            #"{"birthDate": "1985-02-20", "municipality": "", "origin": "citizen_request", "incomeBasis": "other"}"#,
            "data.municipality"
        ),
        (
            "case.opened",
            #"{"birthDate": "1985-02-20", "municipality": "0260", "origin": "neighbour", "incomeBasis": "other"}"#,
            "data.origin"
        ),
        ("meeting.held", #"{"date": "2023-03-06", "channel": null}"#, "data.channel"),
        ("mentor.agreed", #"{"startDate": "2023-03-20", "endDate": "2023-03-19"}"#, "data.endDate"),
        ("internship.started", #"{"startDate": "2023-03-20", "weeks": -1}"#, "data.weeks"),
        ("internship.extended", #"{"weeks": 1e400}"#, "data.weeks"),
        ("absence.recorded", #"{"date": "2023-08-01", "reasonableCause": "yes"}"#, "data.reasonableCause"),
        ("plan.updated", #"[6]"#, "data"),
        ("plan.updated", #"{"periodMonths": 6}"#, "data.goal"),
        // Issue 17, defects 1 and 3: numbers and dates the engine's arithmetic cannot carry.
        ("internship.extended", #"{"weeks": 9223372036854775807}"#, "data.weeks"),
        ("internship.started", #"{"startDate": "2023-03-20", "weeks": 5201}"#, "data.weeks"),
        ("plan.updated", #"{"periodMonths": 9223372036854775807, "goal": "x"}"#, "data.periodMonths"),
        ("plan.updated", #"{"periodMonths": 1000000000000000, "goal": "x"}"#, "data.periodMonths"),
        ("decision.made", #"{"outcome": "ressourceforloeb", "durationMonths": 1201}"#, "data.durationMonths"),
        ("decision.made", #"{"outcome": "ressourceforloeb", "startDate": "9999-06-01", "durationMonths": 36}"#, "data.startDate"),
        ("meeting.held", #"{"date": "3000-01-01", "channel": "phone"}"#, "data.date"),
        ("absence.recorded", #"{"date": "1899-12-31", "reasonableCause": true}"#, "data.date"),
    ])
    func malformedNamesTheFieldByItsPath(type: String, data: String, path: String) throws {
        let rejected = try #require(Self.rejected(Self.message(type, data)))
        #expect(rejected.rejection.code == .malformed)
        #expect(rejected.rejection.rule == nil)
        #expect(rejected.rejection.detail.hasPrefix(path + ":"), "\(rejected.rejection.detail)")
        #expect(rejected.caseId == "K-1", "a readable caseId ties the rejection to its case")
        #expect(rejected.messageId == "m-1")
        #expect(rejected.type == type)
        #expect(rejected.occurredAt == instant("2023-03-02T08:30:00Z"))
    }

    @Test func anInstantPastTheAcceptedDatesIsMalformed() throws {
        let far = Data(
            #"{"messageId":"m-far","caseId":"K-far","type":"case.closed","occurredAt":"9999-12-31T23:59:59-12:00","actor":"a","data":{"reason":"withdrawn"}}"#
                .utf8)
        let rejected = try #require(Self.rejected(far))
        #expect(rejected.rejection.code == .malformed)
        #expect(rejected.rejection.detail.hasPrefix("occurredAt: 10000-01-01T11:59:59Z is outside"))
        #expect(rejected.occurredAt == nil, "an instant the engine cannot carry is not kept with the rejection")
        #expect(rejected.caseId == "K-far")
    }

    /// Snapshots written before the wire checked its dates can hold years after 9999; they must read back.
    @Test func datesAfterTheYear9999ReadBackAsTheyAreWritten() throws {
        let date = try #require(CivilDate(year: 10_002, month: 6, day: 1))
        #expect(date.description == "10002-06-01")
        #expect(CivilDate(iso: date.description) == date)
        let instant = Instant(secondsSinceEpoch: date.startInstant.secondsSinceEpoch + 3_661)
        #expect(instant.description == "10002-06-01T01:01:01Z")
        #expect(Instant(rfc3339: instant.description) == instant)
        #expect(Instant(rfc3339: "10002-06-01T01:01:01+01:00") == instant.adding(seconds: -3_600))
        #expect(CivilDate(iso: "2023-1-01") == nil)
        #expect(CivilDate(iso: "1234567-01-01") == nil)
        #expect(Instant(rfc3339: "2023-01-01T1:00:00Z") == nil)
    }

    /// Ids are keys: longer than 255 bytes is `malformed`, and such a case id ties the rejection to no case.
    @Test func idsLongerThan255BytesAreMalformed() throws {
        let long = String(repeating: "K", count: 256)
        let rejected = try #require(Self.rejected(Self.message("case.closed", #"{"reason": "withdrawn"}"#, caseId: long)))
        #expect(rejected.rejection.detail == "caseId: 256 bytes; an id is at most 255")
        #expect(rejected.caseId == nil)
        let longest = String(repeating: "K", count: 255)
        #expect(throws: Never.self) {
            try EventDecoder.decode(Self.message("case.closed", #"{"reason": "withdrawn"}"#, caseId: longest)).get()
        }
    }

    @Test func malformedEnvelopeFields() throws {
        let badInstant = Data(
            #"{"messageId":"m-2","caseId":"K-1","type":"case.closed","occurredAt":"yesterday","actor":"a","data":{"reason":"withdrawn"}}"#
                .utf8)
        let instantRejection = try #require(Self.rejected(badInstant))
        #expect(instantRejection.rejection.detail.hasPrefix("occurredAt:"), "\(instantRejection.rejection.detail)")
        #expect(instantRejection.caseId == "K-1")
        #expect(instantRejection.occurredAt == nil)

        let noActor = Data(
            #"{"messageId":"m-3","caseId":"K-1","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","data":{"reason":"withdrawn"}}"#
                .utf8)
        #expect(Self.rejected(noActor)?.rejection.detail.hasPrefix("actor:") == true)

        let numericCase = Data(
            #"{"messageId":"m-4","caseId":42,"type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"reason":"withdrawn"}}"#
                .utf8)
        let unreadableCase = try #require(Self.rejected(numericCase))
        #expect(unreadableCase.rejection.detail.hasPrefix("caseId:"))
        #expect(unreadableCase.caseId == nil, "no readable caseId: dead-lettered, not attached")
    }

    @Test func missingMessageIdGetsAStableFallbackId() throws {
        let bytes = Data(
            #"{"caseId":"K-1","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"reason":"withdrawn"}}"#
                .utf8)
        let first = try #require(Self.rejected(bytes))
        let second = try #require(Self.rejected(bytes))
        #expect(first.rejection.code == .malformed)
        #expect(first.rejection.detail.hasPrefix("messageId:"))
        #expect(first.messageId.hasPrefix("unreadable-"))
        #expect(first.messageId == second.messageId, "the same bad message is recognised as a duplicate")
        #expect(first.messageId == EventDecoder.fallbackMessageId(bytes))
        #expect(first.caseId == "K-1")
        let other = Data(
            #"{"caseId":"K-2","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"reason":"withdrawn"}}"#
                .utf8)
        #expect(Self.rejected(other)?.messageId != first.messageId)
    }

    @Test func notJSONAndNotAnObject() throws {
        for text in ["not json at all", "{\"messageId\": ", "[1, 2, 3]", "\"a string\"", "42", ""] {
            let rejected = try #require(Self.rejected(Data(text.utf8)), "\(text)")
            #expect(rejected.rejection.code == .malformed)
            #expect(rejected.rejection.detail.hasPrefix("body:"), "\(rejected.rejection.detail)")
            #expect(rejected.caseId == nil)
            #expect(rejected.messageId == EventDecoder.fallbackMessageId(Data(text.utf8)))
        }
    }

    @Test func bodiesOver64KiBAreRejectedUnread() throws {
        func padded(to size: Int) -> Data {
            let head =
                #"{"messageId":"m-big","caseId":"K-1","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"reason":"withdrawn"},"padding":""#
            let tail = #""}"#
            return Data((head + String(repeating: "x", count: size - head.utf8.count - tail.utf8.count) + tail).utf8)
        }
        let atLimit = padded(to: 65_536)
        #expect(atLimit.count == 65_536)
        #expect(
            try EventDecoder.decode(atLimit).get().event == .caseClosed(reason: .withdrawn), "64 KiB exactly is allowed"
        )
        let over = padded(to: 65_537)
        let rejected = try #require(Self.rejected(over))
        #expect(rejected.rejection.code == .malformed)
        #expect(rejected.rejection.detail.contains("65536"))
        #expect(rejected.caseId == nil)
    }

    /// Issue 17: an id with a control character is `malformed`, naming the field, and is never read as an id. (NUL
    /// cut SQLite's copy of `H-\u0000-x` to the different case `H-`; PostgreSQL cannot store it at all.)
    @Test(arguments: [("\\u0000", "U+0000"), ("\\u0001", "U+0001"), ("\\n", "U+000A"), ("\\u007f", "U+007F")])
    func controlCharactersInIdsAreMalformedNamingTheField(escape: String, codePoint: String) throws {
        let open = Self.samples[0].data
        let badCase = try #require(Self.rejected(Self.message("case.opened", open, caseId: "H-\(escape)-x")))
        #expect(badCase.rejection.code == .malformed)
        #expect(badCase.rejection.detail == "caseId: must not contain control characters, found \(codePoint)")
        #expect(badCase.caseId == nil, "neither the case H- nor any other: dead-lettered")
        #expect(badCase.messageId == "m-1")

        let badMessage = Self.message("case.opened", open, messageId: "m-\(escape)-1", caseId: "H-")
        let badMessageId = try #require(Self.rejected(badMessage))
        #expect(badMessageId.rejection.detail == "messageId: must not contain control characters, found \(codePoint)")
        #expect(badMessageId.messageId == EventDecoder.fallbackMessageId(badMessage), "an id no store could keep")
        #expect(badMessageId.caseId == "H-")

        let badActor = Data(
            #"{"messageId":"m-2","caseId":"H-","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"sb-\#(escape)","data":{"reason":"withdrawn"}}"#
                .utf8)
        #expect(
            Self.rejected(badActor)?.rejection.detail
                == "actor: must not contain control characters, found \(codePoint)")
        let badMunicipality = Self.message(
            "case.opened",
            #"{"birthDate": "1985-05-20", "municipality": "02\#(escape)60", "origin": "municipality", "incomeBasis": "other"}"#
        )
        #expect(
            Self.rejected(badMunicipality)?.rejection.detail
                == "data.municipality: must not contain control characters, found \(codePoint)")

        // A type that quotes one: unknown, and the type and detail that are stored and published carry none.
        let badType = try #require(Self.rejected(Self.message("case.\(escape)opened", "{}")))
        #expect(badType.rejection.code == .unknownType)
        #expect(badType.type == "case.\(codePoint)opened")
        #expect(badType.rejection.detail.contains("case.\(codePoint)opened"), "\(badType.rejection.detail)")
    }

    /// A raw (unescaped) control byte inside a JSON string is not JSON: unreadable, and tied to no case.
    @Test func aRawNULInAnIdIsUnreadable() throws {
        var bytes = Data(#"{"messageId":"m-1","caseId":"H-"#.utf8)
        bytes.append(0)
        bytes.append(
            contentsOf: Data(
                #"-x","type":"case.closed","occurredAt":"2023-01-01T00:00:00Z","actor":"a","data":{"reason":"withdrawn"}}"#
                    .utf8))
        let rejected = try #require(Self.rejected(bytes))
        #expect(rejected.rejection.code == .malformed)
        #expect(rejected.caseId == nil)
        #expect(!rejected.rejection.detail.unicodeScalars.contains { $0.value == 0 })
    }

    @Test func unknownExtraFieldsAreIgnored() throws {
        let bytes = Data(
            #"{"messageId":"m-5","caseId":"K-1","type":"meeting.held","occurredAt":"2023-03-06T10:00:00Z","actor":"a","version":7,"meta":{"x":[1,2]},"data":{"date":"2023-03-06","channel":"phone","room":"B12","notes":null}}"#
                .utf8)
        #expect(try EventDecoder.decode(bytes).get().event == .meetingHeld(date: day("2023-03-06"), channel: .phone))
    }

    @Test func unknownTypeKeepsItsIdentity() throws {
        let rejected = try #require(Self.rejected(Self.message("case.reopened", "{}", messageId: "m-6", caseId: "K-9")))
        #expect(rejected.rejection.code == .unknownType)
        #expect(rejected.rejection.detail.contains("case.reopened"))
        #expect(rejected.type == "case.reopened")
        #expect(rejected.caseId == "K-9")
        #expect(rejected.messageId == "m-6")
    }

    @Test func malformedWithAReadableCaseIdAttachesToThatCase() throws {
        var book = CaseBook(journey: try JourneyFixture.journey())
        book.ingest(Self.message("case.opened", Self.samples[0].data, messageId: "open", caseId: "K-1"))
        book.ingest(
            Self.message("plan.updated", #"{"periodMonths": "six", "goal": "x"}"#, messageId: "bad-1", caseId: "K-1"))
        book.ingest(
            Self.message("plan.updated", #"{"periodMonths": "six", "goal": "x"}"#, messageId: "bad-2", caseId: "K-404"))
        book.ingest(Data("garbage".utf8))
        #expect(book.rejections["K-1"]?.map(\.messageId) == ["bad-1"])
        #expect(book.rejections["K-1"]?.first?.rejection.detail.hasPrefix("data.periodMonths:") == true)
        #expect(book.unattached.map(\.messageId) == ["bad-2", EventDecoder.fallbackMessageId(Data("garbage".utf8))])
        #expect(book.unattached.first?.caseId == "K-404")
        #expect(book.ingest(Data("garbage".utf8)).isDuplicate)
    }

    @Test func everySampleRoundTripsThroughTheWire() throws {
        for (index, sample) in Self.samples.enumerated() {
            let envelope = EventEnvelope(
                messageId: "rt-\(index)", caseId: "K-RT", occurredAt: instant("2023-03-02T09:30:15Z"), actor: "sb-4711",
                event: sample.event)
            let json = envelope.wireJSON()
            #expect(try EventDecoder.decode(json).get() == envelope, "\(sample.type)")
            #expect(envelope.wireJSON() == json, "encoding is deterministic")
        }
    }

    @Test func notificationBodiesAreByteIdenticalWhenProducedTwice() throws {
        func notifications() throws -> [CaseNotification] {
            var s = CaseScript("K-NOTIFY", journey: try JourneyFixture.journey())
            s.toActive(born: "1985-05-20", decidedOn: "2023-02-20", months: 12)
            let rejected = try #require(s.send(.courseExtensionRequested, on: "2023-04-01").rejected)
            let due = Deadline(kind: .courseEnd, dueOn: day("2024-02-20"))
            return s.history.flatMap(\.notifications) + [
                .eventRejected(rejected),
                .deadlineReminder(DeadlineNotice(caseId: "K-NOTIFY", kind: due.kind, dueAt: due.dueAt, leadDays: 30)),
                .deadlineOverdue(DeadlineNotice(caseId: "K-NOTIFY", kind: due.kind, dueAt: due.dueAt)),
            ]
        }
        let first = try notifications()
        let second = try notifications()
        #expect(first.count == 8)
        #expect(first.map { $0.body() } == second.map { $0.body() })
        #expect(first.map(\.messageId) == second.map(\.messageId))
        #expect(Set(first.map(\.messageId)).count == first.count)
        #expect(first.map(\.routingKey).suffix(3) == ["event.rejected", "deadline.reminder", "deadline.overdue"])

        let rejectedBody = try #require(
            try JSONSerialization.jsonObject(with: first[first.count - 3].body()) as? [String: Any])
        #expect(rejectedBody["code"] as? String == "extension_not_allowed")
        #expect(rejectedBody["rule"] as? String == "R4")
        #expect(rejectedBody["type"] as? String == "course.extension_requested")
        #expect(rejectedBody["caseId"] as? String == "K-NOTIFY")
        #expect(rejectedBody["messageId"] as? String == "K-NOTIFY-006")
        #expect(
            (rejectedBody["detail"] as? String)?.contains("003 §6.3") == true, "the message cites the rule's source")

        let reminder = String(decoding: first[first.count - 2].body(), as: UTF8.self)
        // Due at 00:00 on 20 February in Denmark (CET): 23:00 UTC the day before.
        #expect(reminder == #"{"caseId":"K-NOTIFY","dueAt":"2024-02-19T23:00:00Z","kind":"course_end","leadDays":30}"#)
        let overdue = String(decoding: first[first.count - 1].body(), as: UTF8.self)
        #expect(overdue == #"{"caseId":"K-NOTIFY","dueAt":"2024-02-19T23:00:00Z","kind":"course_end"}"#)
    }
}
