import Foundation
import Testing

@testable import ForloebCore

/// A citizen who comes back (CONTRACT.md §6.5): `case.opened`'s `priorCourses`, decoded strictly, kept on the
/// citizen, and counted with the case's own courses by R7 and the 2022 age bands, on either side of each
/// boundary.
@Suite struct PriorCourseTests {
    let journey: Journey

    init() throws {
        journey = try JourneyFixture.journey()
    }

    static func prior(_ months: Int...) -> [PriorCourse] {
        months.enumerated().map {
            PriorCourse(startDate: day("2010-01-04").adding(years: 3 * $0.offset), months: $0.element)
        }
    }

    /// A returning citizen's case, walked to the team's recommendation of a course of `months`, a week before
    /// the decision on `decideOn`.
    func returning(born: String, prior: [PriorCourse], decideOn: String, months: Int) -> CaseScript {
        var s = CaseScript(journey: journey)
        let decided = day(decideOn)
        let citizen = Citizen(
            birthDate: day(born), municipality: "0260", origin: .citizenRequest, incomeBasis: .kontanthjaelp,
            priorCourses: prior)
        s.send(.caseOpened(citizen), on: decided.adding(days: -60).description)
        s.assess(on: decided.adding(days: -45).description)
        s.refer(meeting: decided.adding(days: -7).description, on: decided.adding(days: -30).description)
        s.recommend(.ressourceforloeb, months: months, on: decided.adding(days: -7).description)
        #expect(s.state == .awaitingDecision)
        return s
    }

    // MARK: R7 under 2013: from 40 a new course only at the citizen's wish

    /// Born 1979-03-15: 39 on 2019-03-14, 40 on 2019-03-15 (rule set 2013). One course in an earlier case.
    @Test func r7_2013_aReturningCitizenFromFortyNeedsConsentForTheCasesFirstCourse() {
        var at39 = returning(born: "1979-03-15", prior: Self.prior(12), decideOn: "2019-03-14", months: 12)
        let free = at39.decide(.ressourceforloeb, months: 12, on: "2019-03-14")
        #expect(free.transition?.to == .active, "at 39 there is no limit")
        #expect(free.transition?.ruleSet == .y2013)
        #expect(at39.current?.courseNumber == 1)

        var at40 = returning(born: "1979-03-15", prior: Self.prior(12), decideOn: "2019-03-15", months: 12)
        let refused = at40.decide(.ressourceforloeb, months: 12, on: "2019-03-15")
        #expect(refused.code == .consentRequired, "a course after one in an earlier case is a new course")
        #expect(refused.rule == .r7)
        #expect(refused.rejection?.detail.contains("earlier case") == true, "\(refused.rejection?.detail ?? "")")
        #expect(at40.decide(.ressourceforloeb, months: 12, consent: true, on: "2019-03-15").transition?.to == .active)

        // The same citizen with no earlier course: a first course, at any age.
        var first = returning(born: "1979-03-15", prior: [], decideOn: "2019-03-15", months: 12)
        #expect(first.decide(.ressourceforloeb, months: 12, on: "2019-03-15").transition?.to == .active)
    }

    // MARK: 2022: ages 40–50, all courses together within 60 months

    /// Born 1983-03-15: 39 on 2023-03-14, 40 on 2023-03-15 (rule set 2022). 36 months before, 36 now: 72.
    @Test func r7_2022_fromFortyTheEarlierCoursesCountTowardsSixtyMonths() {
        var at39 = returning(born: "1983-03-15", prior: Self.prior(36), decideOn: "2023-03-14", months: 36)
        let free = at39.decide(.ressourceforloeb, months: 36, on: "2023-03-14")
        #expect(free.transition?.to == .active, "under 40 there is no limit")
        #expect(free.transition?.ruleSet == .y2022)

        var at40 = returning(born: "1983-03-15", prior: Self.prior(36), decideOn: "2023-03-15", months: 36)
        let over = at40.decide(.ressourceforloeb, months: 36, on: "2023-03-15")
        #expect(over.code == .consentRequired, "36 + 36 = 72 > 60")
        #expect(over.rule == .r7)
        #expect(over.rejection?.detail.contains("72 months (36 of them in earlier cases)") == true)
        #expect(at40.decide(.ressourceforloeb, months: 36, consent: true, on: "2023-03-15").transition?.to == .active)

        // From 2022 a second course within the 60 months needs no wish at 40 (under 2013 it did).
        var within = returning(born: "1983-03-15", prior: Self.prior(12), decideOn: "2023-03-15", months: 12)
        #expect(within.decide(.ressourceforloeb, months: 12, on: "2023-03-15").transition?.to == .active)
    }

    /// Born 1980-01-01: 45 in 2025. Earlier courses of 24 + 24 months, then 12 (60) or 13 (61).
    @Test(arguments: [(12, true), (13, false)])
    func r7_2022_earlierCoursesTotallingSixtyAndSixtyOne(months: Int, free: Bool) {
        var s = returning(born: "1980-01-01", prior: Self.prior(24, 24), decideOn: "2025-01-15", months: months)
        let outcome = s.decide(.ressourceforloeb, months: months, on: "2025-01-15")
        if free {
            #expect(outcome.transition?.to == .active, "24 + 24 + 12 = 60")
            #expect(s.current?.grantedMonthsTotal == 12, "the case's own months")
        } else {
            #expect(outcome.code == .consentRequired, "24 + 24 + 13 = 61")
            #expect(outcome.rule == .r7)
            #expect(outcome.rejection?.detail.contains("61 months (48 of them in earlier cases)") == true)
        }
    }

    /// The case's own courses count with the earlier ones: 24 before, 24 in this case, then 12 (60) or 13 (61).
    @Test(arguments: [(12, true), (13, false)])
    func r7_2022_earlierAndOwnCoursesTotallingSixtyAndSixtyOne(months: Int, free: Bool) {
        var s = returning(born: "1980-01-01", prior: Self.prior(24), decideOn: "2022-03-01", months: 24)
        #expect(s.decide(.ressourceforloeb, months: 24, on: "2022-03-01").transition?.to == .active, "24 + 24 = 48")
        s.toPreEndDecision(.newCourse, months: months, referredOn: "2023-12-01", recommendedOn: "2024-01-05")
        let outcome = s.decide(.newCourse, months: months, on: "2024-01-15")
        if free {
            #expect(outcome.transition?.to == .active, "24 + 24 + 12 = 60")
            #expect(s.current?.courseNumber == 2)
        } else {
            #expect(outcome.code == .consentRequired, "24 + 24 + 13 = 61")
            #expect(outcome.rule == .r7)
        }
    }

    // MARK: 2022: over 50, one course unless the citizen wants more

    /// Born 1973-06-01: 50 on 2024-05-31, 51 on 2024-06-01. One course of 12 months in an earlier case.
    @Test func r7_2022_overFiftyACourseAfterAnEarlierCasesNeedsConsent() {
        var at50 = returning(born: "1973-06-01", prior: Self.prior(12), decideOn: "2024-05-31", months: 12)
        #expect(at50.decide(.ressourceforloeb, months: 12, on: "2024-05-31").transition?.to == .active, "50: 24 ≤ 60")

        var at51 = returning(born: "1973-06-01", prior: Self.prior(12), decideOn: "2024-06-01", months: 12)
        let second = at51.decide(.ressourceforloeb, months: 12, on: "2024-06-01")
        #expect(second.code == .consentRequired)
        #expect(second.rule == .r7)
        #expect(second.rejection?.detail.contains("over 50") == true)
        #expect(at51.decide(.ressourceforloeb, months: 12, consent: true, on: "2024-06-01").transition?.to == .active)

        // Over 50 with no earlier course: the first course needs no wish.
        var first = returning(born: "1973-06-01", prior: [], decideOn: "2024-06-01", months: 12)
        #expect(first.decide(.ressourceforloeb, months: 12, on: "2024-06-01").transition?.to == .active)
    }

    @Test func aReturningCitizenUnderFortyNeedsNoConsent() {
        // 72 months before, under 2022 and 2013 alike: under 40 there is no limit on successive courses.
        var young = returning(born: "1995-01-01", prior: Self.prior(36, 36), decideOn: "2025-01-15", months: 36)
        #expect(young.decide(.ressourceforloeb, months: 36, on: "2025-01-15").transition?.to == .active)
        var old = returning(born: "1985-01-01", prior: Self.prior(60), decideOn: "2019-06-03", months: 60)
        #expect(old.decide(.ressourceforloeb, months: 60, on: "2019-06-03").transition?.to == .active)
    }

    // MARK: The wire

    static func opened(_ prior: String?) -> Data {
        let field = prior.map { #", "priorCourses": \#($0)"# } ?? ""
        return wireLine(
            "m-1", "K-1", "case.opened", "2026-03-02T08:30:00Z",
            #"{"birthDate": "1980-05-01", "municipality": "0260", "origin": "municipality", "incomeBasis": "kontanthjaelp"\#(field)}"#
        )
    }

    static func citizen(_ bytes: Data) -> Citizen? {
        guard case .success(let envelope) = EventDecoder.decode(bytes), case .caseOpened(let citizen) = envelope.event
        else { return nil }
        return citizen
    }

    @Test func priorCoursesDecodeAndRoundTrip() throws {
        let citizen = try #require(
            Self.citizen(
                Self.opened(
                    #"[{"startDate": "2015-03-01", "months": 36}, {"startDate": "2019-04-01", "months": 1200}]"#)))
        #expect(
            citizen.priorCourses == [
                PriorCourse(startDate: day("2015-03-01"), months: 36),
                PriorCourse(startDate: day("2019-04-01"), months: 1200),
            ])
        #expect(citizen.priorMonths == 1236)
        let envelope = EventEnvelope(
            messageId: "m-1", caseId: "K-1", occurredAt: instant("2026-03-02T08:30:00Z"), actor: "sb-4711",
            event: .caseOpened(citizen))
        let wire = envelope.wireJSON()
        #expect(
            String(decoding: wire, as: UTF8.self).contains(#""priorCourses":[{"months":36,"startDate":"2015-03-01"}"#))
        #expect(try EventDecoder.decode(wire).get() == envelope)
    }

    @Test(arguments: [nil, "null", "[]"])
    func noPriorCoursesIsNil(_ prior: String?) throws {
        let citizen = try #require(Self.citizen(Self.opened(prior)))
        #expect(citizen.priorCourses == nil)
        #expect(!citizen.hadPriorCourse)
        let envelope = EventEnvelope(
            messageId: "m-1", caseId: "K-1", occurredAt: instant("2026-03-02T08:30:00Z"), actor: "sb-4711",
            event: .caseOpened(citizen))
        #expect(!String(decoding: envelope.wireJSON(), as: UTF8.self).contains("priorCourses"))
    }

    @Test(arguments: [
        (
            #"[{"startDate": "2015-03-01", "months": 12}, {"startDate": "2019-04-01", "months": 0}]"#,
            "data.priorCourses[1].months"
        ),
        (#"[{"startDate": "2015-03-01", "months": 1201}]"#, "data.priorCourses[0].months"),
        (#"[{"startDate": "2015-03-01", "months": -3}]"#, "data.priorCourses[0].months"),
        (#"[{"startDate": "2015-03-01", "months": "twelve"}]"#, "data.priorCourses[0].months"),
        (#"[{"startDate": "2015-03-01", "months": 12.5}]"#, "data.priorCourses[0].months"),
        (#"[{"startDate": "2015-03-01", "months": 9223372036854775807}]"#, "data.priorCourses[0].months"),
        (#"[{"startDate": "2015-03-01"}]"#, "data.priorCourses[0].months"),
        (#"[{"months": 12}]"#, "data.priorCourses[0].startDate"),
        (#"[{"startDate": "2015-02-30", "months": 12}]"#, "data.priorCourses[0].startDate"),
        (#"[{"startDate": "1899-12-31", "months": 12}]"#, "data.priorCourses[0].startDate"),
        (#"[{"startDate": "3000-01-01", "months": 12}]"#, "data.priorCourses[0].startDate"),
        (#"[{"startDate": "2015-03-01", "months": 12}, 7]"#, "data.priorCourses[1]"),
        (#"{"startDate": "2015-03-01", "months": 12}"#, "data.priorCourses"),
        (#""2015-03-01""#, "data.priorCourses"),
    ])
    func malformedPriorCoursesNameTheField(prior: String, path: String) throws {
        guard case .failure(let rejected) = EventDecoder.decode(Self.opened(prior)) else {
            Issue.record("accepted: \(prior)")
            return
        }
        #expect(rejected.rejection.code == .malformed)
        #expect(rejected.rejection.detail.hasPrefix(path + ":"), "\(rejected.rejection.detail)")
        #expect(rejected.caseId == "K-1")
    }

    // MARK: The snapshot

    @Test func aSnapshotWithoutPriorCoursesIsWhatItWas() throws {
        let opened = CitizenCase(
            caseId: "K-1", citizen: JourneyFixture.citizen(born: "1980-05-01"),
            openedAt: instant("2026-03-02T08:30:00Z"))
        let json = opened.canonicalJSON()
        #expect(
            json.hasPrefix(
                #"{"caseId":"K-1","citizen":{"birthDate":"1980-05-01","incomeBasis":"kontanthjaelp","municipality":"0260","origin":"citizen_request"},"#
            ))
        #expect(json == CanonicalJSONTests.foundation(opened))
        #expect(try JSONDecoder().decode(CitizenCase.self, from: Data(json.utf8)) == opened)

        var returning = opened
        returning.citizen.priorCourses = Self.prior(24, 13)
        let withPrior = returning.canonicalJSON()
        #expect(withPrior == CanonicalJSONTests.foundation(returning))
        #expect(
            withPrior.contains(
                #""origin":"citizen_request","priorCourses":[{"months":24,"startDate":"2010-01-04"},{"months":13,"startDate":"2013-01-04"}]}"#
            ))
        #expect(try JSONDecoder().decode(CitizenCase.self, from: Data(withPrior.utf8)) == returning)
    }
}
