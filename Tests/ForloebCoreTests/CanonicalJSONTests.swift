@testable import ForloebCore
import ForloebWorkflows
import Foundation
import Testing

/// The hand-written snapshot and notification JSON must be byte-identical to what `JSONEncoder` with sorted keys
/// writes over the Codable conformances: stored snapshots and published bodies must not change with the writer.
@Suite struct CanonicalJSONTests {
    static func foundation<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Every snapshot and notification of the sample stream (every path and rejection of the contract) and of
    /// 300 generated journeys, after every event.
    @Test func everySnapshotAndNotificationMatchesJSONEncoder() throws {
        let url = URL(fileURLWithPath: WorkflowLoader.sourceTreeDirectory + "/examples/sample-cases.jsonl")
        let sample = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { Data($0.utf8) }
        let generated = CaseStreamGenerator(seed: 7).stream(cases: 300).map { $0.wireJSON() }
        var book = CaseBook(journey: try JourneyFixture.journey())
        var snapshots = 0
        var notifications = 0
        var phases: Set<CaseState> = []
        for message in sample + generated {
            switch book.ingest(message) {
            case .applied(let transition):
                snapshots += 1
                phases.insert(transition.after.state)
                let json = transition.after.canonicalJSON()
                #expect(json == Self.foundation(transition.after))
                // Read back by the canonical reader itself, not its fallback.
                #expect(try CitizenCase(canonical: CanonicalObject(CanonicalJSONReader.parse(json))) == transition.after)
                for notification in transition.notifications {
                    notifications += 1
                    #expect(String(decoding: notification.body(), as: UTF8.self) == Self.legacyBody(notification))
                }
            case .rejected(let rejected):
                let notification = CaseNotification.eventRejected(rejected)
                #expect(String(decoding: notification.body(), as: UTF8.self) == Self.legacyBody(notification))
            case .duplicate: break
            }
        }
        #expect(snapshots > 5_000)
        #expect(notifications > 2_000)
        #expect(phases.isSuperset(of: [.requested, .preparing, .awaitingTeam, .awaitingDecision, .active, .fleksjob]))
    }

    /// Every phase, every optional present, and strings that need escaping (quotes, backslashes, every control
    /// character, slashes, non-ASCII, an emoji, DEL).
    @Test func everyPhaseAndEscapeMatchesJSONEncoder() {
        let awkward = "\"quoted\" back\\slash a/b æøå 🇩🇰 \u{7F} " + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let citizen = Citizen(
            birthDate: CivilDate(iso: "1980-02-29")!, municipality: awkward, origin: .municipality, incomeBasis: .other)
        var course = Course(number: 2, start: CivilDate(iso: "2022-03-01")!, months: 24, ruleSet: .y2022)
        course.caseworker = Caseworker(id: awkward, unit: .health, assignedOn: CivilDate(iso: "2022-03-02")!)
        course.firstMeetingOn = CivilDate(iso: "2022-03-10")
        course.lastMeetingOn = CivilDate(iso: "2022-06-10")
        course.meetingsHeld = 3
        course.plan = EffortPlan(setOn: CivilDate(iso: "2022-04-01")!, periodMonths: 6, goal: awkward)
        course.mentor = MentorAgreement(startDate: CivilDate(iso: "2022-04-02")!, endDate: CivilDate(iso: "2022-10-02")!)
        course.internship = Internship(startDate: CivilDate(iso: "2022-05-01")!, weeks: 13)
        course.firstEffortOn = CivilDate(iso: "2022-04-02")
        course.absences = [Absence(date: CivilDate(iso: "2022-05-03")!, reasonableCause: false)]
        course.contactAttempts = [
            ContactAttempt(date: CivilDate(iso: "2022-05-04")!, channel: .digitalPost, reached: true),
            ContactAttempt(date: CivilDate(iso: "2022-05-05")!, channel: .inPerson, reached: false),
        ]
        course.sanctions = -1
        let recommendation = Recommendation(
            step: .newCourse, durationMonths: 18, recommendedOn: CivilDate(iso: "2023-01-02")!, afterRereferral: true)
        let plain = Recommendation(
            step: .selfSupport, durationMonths: nil, recommendedOn: CivilDate(iso: "2023-01-02")!, afterRereferral: false)
        let phases: [Phase] = [
            .requested, .preparing,
            .awaitingTeam(TeamRound(meetingDate: CivilDate(iso: "2022-01-20")!)),
            .awaitingTeam(TeamRound(meetingDate: CivilDate(iso: "2022-01-20")!, rereferredFrom: recommendation)),
            .awaitingDecision(recommendation), .awaitingDecision(plain),
            .active(course), .active(Course(number: 1, start: CivilDate(iso: "2014-01-01")!, months: 60, ruleSet: .y2013)),
            .preEndAwaitingTeam(course, TeamRound(meetingDate: CivilDate(iso: "2023-12-01")!, rereferredFrom: plain)),
            .preEndAwaitingDecision(course, recommendation),
        ] + Ending.allCases.map { .ended($0) }
        for phase in phases {
            var snapshot = CitizenCase(caseId: awkward, citizen: citizen, openedAt: Instant(rfc3339: "2022-01-03T08:15:00Z")!)
            snapshot.phase = phase
            snapshot.courseNumber = Int.max
            snapshot.grantedMonthsTotal = Int.min
            snapshot.futilityDocumented = true
            snapshot.version = 0
            snapshot.lastDecision = DecisionRecord(
                messageId: awkward, decidedOn: CivilDate(iso: "2022-02-28")!, outcome: "fleksjob", ruleSet: .y2020,
                appealUntil: CivilDate(iso: "2022-03-28")!)
            #expect(snapshot.canonicalJSON() == Self.foundation(snapshot), "\(phase.state)")
            let decoded = try? JSONDecoder().decode(CitizenCase.self, from: Data(snapshot.canonicalJSON().utf8))
            #expect(decoded == snapshot)
        }
        let notices: [CaseNotification] = [
            .deadlineReminder(
                DeadlineNotice(caseId: awkward, kind: .firstMeeting, dueAt: Instant(rfc3339: "2024-03-01T00:00:00Z")!, leadDays: 30)),
            .deadlineOverdue(DeadlineNotice(caseId: "K-1", kind: .firstMeeting, dueAt: Instant(rfc3339: "2024-03-01T00:00:00Z")!)),
        ]
        for notice in notices {
            #expect(String(decoding: notice.body(), as: UTF8.self) == Self.legacyBody(notice))
        }
    }

    /// Dates and instants are written digit by digit; they must spell exactly what `description` spells.
    @Test func datesAndInstantsSpellTheirDescription() {
        let instants = [
            "0000-01-01T00:00:00Z", "0001-02-03T04:05:06Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
            "2022-01-01T00:30:00Z", "2024-02-29T12:00:01Z", "9999-12-31T23:59:59Z",
        ].compactMap { Instant(rfc3339: $0) } + [Instant(secondsSinceEpoch: -62_167_219_201), Instant(secondsSinceEpoch: 253_402_300_800)]
        #expect(instants.count == 9)
        for instant in instants {
            var w = CanonicalJSONWriter()
            w.instant(instant)
            #expect(w.string == "\"\(instant.description)\"")
            var d = CanonicalJSONWriter()
            d.date(instant.date)
            #expect(d.string == "\"\(instant.date.description)\"")
        }
    }

    /// The bodies as `CaseNotification.body()` wrote them through `JSONEncoder` before the writer.
    static func legacyBody(_ notification: CaseNotification) -> String {
        switch notification {
        case .stateChanged(let change): foundation(change)
        case .deadlineReminder(let notice), .deadlineOverdue(let notice): foundation(notice)
        case .eventRejected(let rejected): foundation(LegacyRejectionBody(rejected))
        }
    }

    struct LegacyRejectionBody: Encodable {
        var caseId: String?
        var messageId: String
        var type: String
        var code: RejectionCode
        var rule: RuleID?
        var detail: String

        init(_ rejected: RejectedEvent) {
            caseId = rejected.caseId
            messageId = rejected.messageId
            type = rejected.type
            code = rejected.rejection.code
            rule = rejected.rejection.rule
            detail = rejected.rejection.detail
        }
    }
}
