@testable import ForloebCore
import Foundation
import Testing

/// A stored snapshot reads back as `JSONDecoder` reads it: by the canonical reader when it takes the JSON, else by
/// `JSONDecoder` itself. (Every generated snapshot is read back by the reader in `CanonicalJSONTests`.)
@Suite struct CanonicalDecodingTests {
    static let awkward = "\"quoted\" back\\slash a/b æøå 🇩🇰 \u{7F} " + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()

    static func snapshot() -> CitizenCase {
        let citizen = Citizen(
            birthDate: CivilDate(iso: "1980-02-29")!, municipality: awkward, origin: .municipality, incomeBasis: .other,
            priorCourses: [PriorCourse(startDate: CivilDate(iso: "2016-05-01")!, months: 12)])
        var course = Course(number: 2, start: CivilDate(iso: "2022-03-01")!, months: 24, ruleSet: .y2022)
        course.caseworker = Caseworker(id: awkward, unit: .health, assignedOn: CivilDate(iso: "2022-03-02")!)
        course.plan = EffortPlan(setOn: CivilDate(iso: "2022-04-01")!, periodMonths: 6, goal: awkward)
        course.internship = Internship(startDate: CivilDate(iso: "2022-05-01")!, weeks: 13)
        course.lastReview = CourseReview(step: .fleksjob, reviewedOn: CivilDate(iso: "2022-09-01")!)
        course.absences = [Absence(date: CivilDate(iso: "2022-05-03")!, reasonableCause: false)]
        course.contactAttempts = [ContactAttempt(date: CivilDate(iso: "2022-05-04")!, channel: .digitalPost, reached: true)]
        course.sanctions = -2
        var snapshot = CitizenCase(caseId: awkward, citizen: citizen, openedAt: Instant(rfc3339: "2022-01-03T08:15:00Z")!)
        snapshot.phase = .preEndAwaitingDecision(
            course,
            Recommendation(
                step: .newCourse, durationMonths: 18, recommendedOn: CivilDate(iso: "2023-01-02")!, afterRereferral: true))
        snapshot.courseNumber = 2
        snapshot.grantedMonthsTotal = 36
        snapshot.version = 17
        snapshot.descriptionCompletedOn = CivilDate(iso: "2023-01-05")
        var standing = CaseStanding(of: snapshot)
        standing.phase = .awaitingTeam(TeamRound(meetingDate: CivilDate(iso: "2022-01-20")!))
        snapshot.decisions = [
            AppealableDecision(
                messageId: "m-1", kind: .decision, outcome: "ressourceforloeb", decidedOn: CivilDate(iso: "2022-02-28")!,
                notifiedOn: nil, appealUntil: CivilDate(iso: "2022-03-28")!, reopens: standing)
        ]
        var appeal = Appeal(
            decision: "m-1", lodgedBy: "m-2", receivedOn: CivilDate(iso: "2022-03-10")!,
            reconsiderBy: CivilDate(iso: "2022-04-07")!)
        appeal.reopened = false
        snapshot.appeals = [appeal]
        snapshot.lastDecision = DecisionRecord(
            messageId: awkward, decidedOn: CivilDate(iso: "2022-02-28")!, outcome: "fleksjob", ruleSet: .y2020,
            appealUntil: CivilDate(iso: "2022-03-28")!)
        return snapshot
    }

    static func byReader(_ json: String) throws -> CitizenCase {
        try CitizenCase(canonical: CanonicalObject(CanonicalJSONReader.parse(json)))
    }

    @Test func theReaderReadsWhatTheWriterWritesEscapesIncluded() throws {
        let snapshot = Self.snapshot()
        #expect(try Self.byReader(snapshot.canonicalJSON()) == snapshot)
        #expect(try CitizenCase(storedJSON: snapshot.canonicalJSON()) == snapshot)
    }

    @Test func whitespaceAndEscapedSlashesAndUnicodeEscapesRead() throws {
        let snapshot = Self.snapshot()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let pretty = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
        #expect(pretty.contains("\\/") && pretty.contains("\n"))
        #expect(try Self.byReader(pretty) == snapshot)
        let escaped = snapshot.canonicalJSON().replacingOccurrences(of: "æ", with: "\\u00e6")
            .replacingOccurrences(of: "🇩🇰", with: "\\ud83c\\udde9\\ud83c\\uddf0")
        #expect(try Self.byReader(escaped) == snapshot)
    }

    /// What the reader does not take is read by `JSONDecoder`, with the same answer `Codable` always gave.
    @Test func whatTheReaderDoesNotTakeJSONDecoderReads() throws {
        var snapshot = Self.snapshot()
        snapshot.grantedMonthsTotal = Int.min  // beyond the reader's whole numbers
        let json = snapshot.canonicalJSON()
        #expect(throws: CanonicalJSONReader.Unreadable.self) { try Self.byReader(json) }
        #expect(try CitizenCase(storedJSON: json) == snapshot)
        // A stored course end that its start and months do not give (never written, but kept as stored).
        let moved = Self.snapshot().canonicalJSON().replacingOccurrences(of: "\"end\":\"2024-03-01\"", with: "\"end\":\"2024-04-01\"")
        #expect(moved != Self.snapshot().canonicalJSON())
        #expect(throws: CanonicalJSONReader.Unreadable.self) { try Self.byReader(moved) }
        #expect(try CitizenCase(storedJSON: moved).courseEnd == CivilDate(iso: "2024-04-01"))
        for broken in ["", "{", "{\"caseId\":1}", "[1.5]", "{\"a\":tru}", "{} {}", "\"\\x\""] {
            #expect(throws: (any Error).self, "\(broken)") { try CitizenCase(storedJSON: broken) }
        }
    }
}
