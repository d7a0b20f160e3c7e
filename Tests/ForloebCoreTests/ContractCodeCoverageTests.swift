import ForloebCore
import Foundation
import Testing

/// Every rejection code of CONTRACT.md §3 is produced from raw JSON lines, as a case system would send them.
@Suite struct ContractCodeCoverageTests {
    @Test func everyRejectionCodeIsProducedThroughTheCaseBook() throws {
        var book = CaseBook(journey: try JourneyFixture.journey())
        var seen: [RejectionCode: String] = [:]
        var number = 0

        /// Sends one line; `expect` is the code it must be rejected with, or nil for accepted.
        func send(
            _ caseId: String, _ type: String, _ date: String, _ data: String = "{}", expect code: RejectionCode? = nil
        ) {
            number += 1
            let messageId = "cov-\(number)"
            let outcome = book.ingest(wireLine(messageId, caseId, type, date + "T10:00:00Z", data))
            check(outcome, messageId, code)
        }
        func check(_ outcome: CaseBook.Outcome, _ label: String, _ code: RejectionCode?) {
            switch (outcome, code) {
            case (.applied, nil): break
            case (.rejected(let rejected), let code?):
                #expect(rejected.rejection.code == code, "\(label): \(rejected.rejection)")
                seen[rejected.rejection.code] = label
            default:
                Issue.record("\(label): expected \(code?.rawValue ?? "acceptance"), got \(outcome)")
            }
        }

        // Not a case at all.
        check(book.ingest(Data("{not json".utf8)), "garbage", .malformed)
        send("K-A", "case.reopened", "2023-01-01", expect: .unknownType)
        send(
            "K-NONE", "team.referred", "2023-01-01", #"{"meetingDate": "2023-01-20", "consideredEfforts": ["x"]}"#,
            expect: .unknownCase)

        let citizen =
            #"{"birthDate": "1980-03-15", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}"#
        send("K-A", "case.opened", "2018-01-10", citizen)
        send("K-A", "case.opened", "2018-01-11", citizen, expect: .caseExists)
        send(
            "K-A", "team.recommended", "2018-01-12", #"{"recommendation": "ressourceforloeb"}"#,
            expect: .invalidTransition)
        send("K-A", "target_group.assessed", "2018-01-15", #"{"outcome": "in_target_group", "reason": "r"}"#)
        send(
            "K-A", "decision.made", "2018-01-16", #"{"outcome": "ressourceforloeb", "durationMonths": 24}"#,
            expect: .teamRecommendationRequired)
        send(
            "K-A", "team.referred", "2018-01-20", #"{"meetingDate": "2018-02-01", "consideredEfforts": []}"#,
            expect: .preparationUndocumented)
        send("K-A", "team.referred", "2018-01-20", #"{"meetingDate": "2018-02-01", "consideredEfforts": ["mentor"]}"#)
        send("K-A", "team.recommended", "2018-02-01", #"{"recommendation": "ressourceforloeb", "durationMonths": 24}"#)
        send("K-A", "decision.made", "2018-02-05", #"{"outcome": "kontanthjaelp"}"#, expect: .rereferralRequired)
        send(
            "K-A", "decision.made", "2018-02-05", #"{"outcome": "ressourceforloeb", "durationMonths": 72}"#,
            expect: .durationOutOfRange)
        send(
            "K-A", "decision.made", "2018-02-05",
            #"{"outcome": "ressourceforloeb", "durationMonths": 24, "startDate": "2018-03-01"}"#)
        send("K-A", "course.extension_requested", "2018-06-01", expect: .extensionNotAllowed)
        send("K-A", "plan.updated", "2018-03-05", #"{"periodMonths": 3, "goal": "g"}"#, expect: .planPeriodTooShort)
        send(
            "K-A", "mentor.agreed", "2018-03-05", #"{"startDate": "2018-03-05", "endDate": "2018-12-31"}"#,
            expect: .mentorAgreementTooLong)
        send(
            "K-A", "internship.started", "2018-03-05", #"{"startDate": "2018-03-05", "weeks": 14}"#,
            expect: .internshipTooLong)
        send(
            "K-A", "sanction.decided", "2018-04-01", #"{"absenceDate": "2018-03-30"}"#,
            expect: .sanctionPreconditionsUnmet)
        send("K-A", "plan.updated", "2018-03-05", #"{"periodMonths": "6", "goal": "g"}"#, expect: .malformed)
        // 40 on 2020-03-15: a new course decided on her birthday needs her wish.
        send("K-A", "team.referred", "2019-12-01", #"{"meetingDate": "2019-12-15"}"#)
        send("K-A", "team.recommended", "2019-12-15", #"{"recommendation": "new_course", "durationMonths": 12}"#)
        send(
            "K-A", "decision.made", "2020-03-15", #"{"outcome": "new_course", "durationMonths": 12}"#,
            expect: .consentRequired)

        // Under 40, førtidspension without documented futility.
        send(
            "K-B", "case.opened", "2023-01-10",
            #"{"birthDate": "1995-01-01", "municipality": "0260", "origin": "municipality", "incomeBasis": "sygedagpenge"}"#
        )
        send("K-B", "target_group.assessed", "2023-01-15", #"{"outcome": "in_target_group", "reason": "r"}"#)
        send("K-B", "team.referred", "2023-01-20", #"{"meetingDate": "2023-02-01", "consideredEfforts": ["mentor"]}"#)
        send("K-B", "team.recommended", "2023-02-01", #"{"recommendation": "kontanthjaelp"}"#)
        send("K-B", "team.rereferred", "2023-02-03", #"{"reason": "r", "meetingDate": "2023-02-10"}"#)
        send("K-B", "team.recommended", "2023-02-10", #"{"recommendation": "kontanthjaelp"}"#)
        send("K-B", "decision.made", "2023-02-12", #"{"outcome": "foertidspension"}"#, expect: .futilityNotDocumented)

        // The reform (§6.3): no course from 2026-02-01, no team from 2026-07-01, and then R19's basis.
        send(
            "K-C", "case.opened", "2025-11-03",
            #"{"birthDate": "1980-06-01", "municipality": "0260", "origin": "citizen_request", "incomeBasis": "kontanthjaelp"}"#
        )
        send("K-C", "target_group.assessed", "2025-11-10", #"{"outcome": "in_target_group", "reason": "r"}"#)
        send("K-C", "team.referred", "2025-11-20", #"{"meetingDate": "2026-02-02", "consideredEfforts": ["mentor"]}"#)
        send("K-C", "team.recommended", "2026-02-02", #"{"recommendation": "ressourceforloeb", "durationMonths": 12}"#)
        send(
            "K-C", "decision.made", "2026-02-03", #"{"outcome": "ressourceforloeb", "durationMonths": 12}"#,
            expect: .schemeAbolished)
        send("K-C", "team.rereferred", "2026-07-01", #"{"reason": "r", "meetingDate": "2026-07-10"}"#, expect: .schemeAbolished)
        send("K-C", "decision.made", "2026-07-02", #"{"outcome": "fleksjob"}"#, expect: .healthAdviceRequired)
        send("K-C", "description.completed", "2026-07-03", #"{"date": "2026-07-03"}"#)
        send("K-C", "health_advice.given", "2026-07-04", #"{"date": "2026-07-04"}"#)
        send("K-C", "decision.made", "2026-07-05", #"{"outcome": "fleksjob"}"#)

        // Appeals (§6.4): the fleksjob decision (cov-N above) reached the citizen on 6 July; 4 weeks end 3 August.
        let fleksjob = "cov-\(number)"
        send("K-C", "appeal.lodged", "2026-08-04", #"{"decision": "\#(fleksjob)", "receivedOn": "2026-08-04"}"#,
            expect: .appealOutOfTime)
        send("K-C", "appeal.lodged", "2026-08-03", #"{"decision": "\#(fleksjob)", "receivedOn": "2026-08-03"}"#)

        #expect(
            Set(seen.keys) == Set(RejectionCode.allCases),
            "missing: \(Set(RejectionCode.allCases).subtracting(seen.keys))")
        // Each rejection is kept: on its case when the case exists, else unattached.
        #expect(
            book.unattached.map(\.rejection.code).sorted { $0.rawValue < $1.rawValue } == [
                .malformed, .unknownCase, .unknownType,
            ])
        #expect(book.rejections["K-A"]?.count == 13)
        #expect(book.rejections["K-B"]?.map(\.rejection.code) == [.futilityNotDocumented])
        #expect(book.cases["K-A"]?.state == .preEndAwaitingDecision)
    }
}
