import ForloebTestSupport
import Foundation
import Testing

/// `forloeb check` on the shipped sample stream, as an integrator runs it.
@Suite(.blocking) struct CheckCommandTests {
    static let sample = "Workflows/examples/sample-cases.jsonl"
    static let now = ["FORLOEB_NOW": "2026-11-23T12:00:00Z"]

    struct Report: Decodable {
        struct Case: Decodable {
            var caseId: String
            var state: String
            var overrun: Bool
            var courseNumber: Int
            var rejections: [Rejection]
        }
        struct Rejection: Decodable {
            var messageId: String
            var code: String
        }
        var cases: [Case]
        var unattached: [Rejection]
    }

    func report(_ environment: [String: String] = now) throws -> Report {
        let result = try ForloebProcess.run(["check", Self.sample, "--json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    @Test func sampleStreamEndsInTheExpectedStates() throws {
        let states = Dictionary(uniqueKeysWithValues: try report().cases.map { ($0.caseId, $0.state) })
        #expect(
            states == [
                "K-2026-000101": "fleksjob", "K-2026-000102": "refused", "K-2026-000103": "foertidspension",
                "K-2026-000104": "kontanthjaelp", "K-2026-000105": "active", "K-2026-000106": "active",
                "K-2026-000107": "active", "K-2026-000108": "fleksjob", "K-2026-000109": "kontanthjaelp",
                // Refused, appealed, changed by Ankestyrelsen and granted; and a decision under appeal (§6.4).
                "K-2026-000110": "active", "K-2026-000111": "kontanthjaelp",
            ])
    }

    @Test func sampleStreamRejectionsCarryTheirCodes() throws {
        let report = try report()
        let codes = Dictionary(uniqueKeysWithValues: report.cases.map { ($0.caseId, $0.rejections.map(\.code)) })
        #expect(codes["K-2026-000102"] == ["case_exists"])
        #expect(codes["K-2026-000104"] == ["rereferral_required", "futility_not_documented"])
        #expect(codes["K-2026-000105"] == ["plan_period_too_short", "duration_out_of_range", "consent_required"])
        #expect(
            codes["K-2026-000106"] == [
                "mentor_agreement_too_long", "internship_too_long", "sanction_preconditions_unmet",
                "extension_not_allowed", "team_recommendation_required",
            ])
        // The reform: the team no longer sits on 2026-07-02, fleksjob waits for the health advice, and a course
        // decided on 2026-02-09 is no longer granted.
        #expect(codes["K-2026-000108"] == ["scheme_abolished", "health_advice_required"])
        #expect(codes["K-2026-000109"] == ["scheme_abolished"])
        // An appeal of the 2024 grant, received in September 2026: long out of time (R14).
        #expect(codes["K-2026-000111"] == ["appeal_out_of_time"])
        #expect(report.unattached.map(\.code) == ["unknown_case", "malformed"])
        // The sample exercises every rejection code of the contract.
        let all = Set(report.cases.flatMap { $0.rejections.map(\.code) } + report.unattached.map(\.code))
        #expect(all.count == 19)
    }

    @Test func overrunIsJudgedAgainstFORLOEB_NOW() throws {
        let later = try report(["FORLOEB_NOW": "2026-11-23T12:00:00Z"])
        let earlier = try report(["FORLOEB_NOW": "2024-01-01T00:00:00Z"])
        let course107Later = try #require(later.cases.first { $0.caseId == "K-2026-000107" })
        let course107Earlier = try #require(earlier.cases.first { $0.caseId == "K-2026-000107" })
        #expect(course107Later.overrun)
        #expect(!course107Earlier.overrun)
        #expect(course107Later.courseNumber == 1)
    }

    @Test func humanOutputIsATable() throws {
        let result = try ForloebProcess.run(["check", Self.sample], environment: Self.now)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("CASE "))
        #expect(result.stdout.contains("K-2026-000101  fleksjob"))
        #expect(result.stdout.contains("11 case(s), 20 rejection(s)."))
    }

    @Test func readsStandardInputAndFailsOnRejectionWhenAsked() throws {
        let line =
            #"{"messageId":"m1","caseId":"K-1","type":"meeting.held","occurredAt":"2024-01-01T10:00:00Z","actor":"a","data":{"date":"2024-01-01","channel":"phone"}}"#
        let result = try ForloebProcess.run(["check", "-", "--json", "--fail-on-rejection"], stdin: Data(line.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("unknown_case"))
    }

    @Test func missingFileIsNotFoundAndBadOptionIsUsage() throws {
        #expect(try ForloebProcess.run(["check", "no/such/file.jsonl"]).status == 1)
        #expect(try ForloebProcess.run(["check", Self.sample, "--rule-set", "1999"]).status == 2)
        #expect(try ForloebProcess.run(["no-such-verb"]).status == 2)
        #expect(try ForloebProcess.run(["check", Self.sample], environment: ["FORLOEB_NOW": "yesterday"]).status == 2)
    }
}
