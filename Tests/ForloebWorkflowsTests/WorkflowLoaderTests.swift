import ForloebCore
import ForloebWorkflows
import Foundation
import Testing

/// Loading the shipped Workflows/ and refusing broken policies with file, line and key.
@Suite struct WorkflowLoaderTests {
    static let directory = WorkflowLoader.sourceTreeDirectory
    static let baseFile = directory + "/ressourceforloeb.yaml"

    static func baseYAML() throws -> String {
        try String(contentsOfFile: baseFile, encoding: .utf8)
    }

    static func rules() throws -> RuleBook {
        try WorkflowLoader.load(directory: directory).rules
    }

    @Test func loadsTheShippedRuleSetsAndDefaults() throws {
        let workflow = try WorkflowLoader.load(directory: Self.directory)
        #expect(workflow.rules.ruleSets.map(\.id) == [.y2013, .y2020, .y2022, .y2026])
        #expect(workflow.rules.inForce(on: CivilDate(iso: "2021-12-31")!).id == .y2020)
        #expect(workflow.rules.inForce(on: CivilDate(iso: "2022-01-01")!).id == .y2022)
        #expect(workflow.rules.inForce(on: CivilDate(iso: "2019-12-31")!).id == .y2013)
        #expect(workflow.rules.ruleSet(.y2022).courseMonths == 12...36)
        #expect(workflow.rules.ruleSet(.y2013).courseMonths == 12...60)
        #expect(workflow.rules.ruleSet(.y2022).effortGuaranteeMonths == 6)
        #expect(workflow.rules.ruleSet(.y2013).effortGuaranteeMonths == nil)
        #expect(workflow.policy.decisionDueDays == 14)
        #expect(workflow.policy.firstMeetingDays == 7)
        #expect(workflow.policy.nextStepReferralLeadMonths == 3)
        #expect(workflow.policy.name == "default")
    }

    @Test func halsnaesPolicyOverridesOnlyWhatItNames() throws {
        let workflow = try WorkflowLoader.load(directory: Self.directory, policyFile: "halsnaes")
        #expect(workflow.policy.name == "halsnaes")
        #expect(workflow.policy.cadence(for: .y2022).intervalDays == 60)
        #expect(workflow.policy.cadence(for: .y2022).nearEndIntervalDays == 30)
        #expect(workflow.policy.decisionDueDays == 14)
        #expect(workflow.sources.last?.hasSuffix("policies/halsnaes.yaml") == true)
    }

    @Test func pinningFixesOneRuleSetForEveryDate() throws {
        let workflow = try WorkflowLoader.load(directory: Self.directory, pin: .y2013)
        #expect(workflow.rules.inForce(on: CivilDate(iso: "2024-01-01")!).id == .y2013)
    }

    @Test func unknownKeyNamesFileLineAndKey() throws {
        let overlay = "name: broken\ndecisionDueDays: 10\nfollowUpp: 3\n"
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(
                base: (try Self.baseYAML(), Self.baseFile), overlay: (overlay, "broken.yaml"), rules: try Self.rules())
        }
        #expect(error?.file == "broken.yaml")
        #expect(error?.line == 3)
        #expect(error?.key == "followUpp")
    }

    @Test func unknownDeadlineKindIsRefused() throws {
        let overlay = "reminderLeadDays:\n  decision_due: 2\n  coffee_break: 1\n"
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(
                base: (try Self.baseYAML(), Self.baseFile), overlay: (overlay, "p.yaml"), rules: try Self.rules())
        }
        #expect(error?.key == "reminderLeadDays.coffee_break")
        #expect(error?.line == 3)
    }

    @Test func idleThresholdOnAFinalStateIsRefused() throws {
        let overlay = "idleDays:\n  fleksjob: 10\n"
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(
                base: (try Self.baseYAML(), Self.baseFile), overlay: (overlay, "p.yaml"), rules: try Self.rules())
        }
        #expect(error?.key == "idleDays.fleksjob")
        #expect(error?.message.contains("final") == true)
    }

    @Test func everyNonFinalStateNeedsAnIdleThreshold() throws {
        let base = try Self.baseYAML().replacingOccurrences(of: "  preparing: 60\n", with: "")
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(base: (base, Self.baseFile), rules: try Self.rules())
        }
        #expect(error?.key == "idleDays.preparing")
    }

    @Test func cadenceBelowTheLawsFloorIsRefused() throws {
        // Every 90 days gives 4 conversations a year; rule set 2013 demands at least 6.
        let overlay = "followUp:\n  \"2013\": { firstSixMonthsIntervalDays: 60, intervalDays: 90 }\n"
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(
                base: (try Self.baseYAML(), Self.baseFile), overlay: (overlay, "lax.yaml"), rules: try Self.rules())
        }
        #expect(error?.file == "lax.yaml")
        #expect(error?.line == 2)
        #expect(error?.key == "followUp.2013")
        #expect(error?.message.contains("at least 6") == true)
    }

    @Test func firstSixMonthsCadenceMustGiveFourConversationsFrom2020() throws {
        let overlay = "followUp:\n  \"2020\": { firstSixMonthsIntervalDays: 70, intervalDays: 60 }\n"
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(
                base: (try Self.baseYAML(), Self.baseFile), overlay: (overlay, "p.yaml"), rules: try Self.rules())
        }
        #expect(error?.key == "followUp.2020")
    }

    @Test func defaultCourseLengthMustFitEveryRuleSet() throws {
        let error = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.policy(
                base: (try Self.baseYAML(), Self.baseFile), overlay: ("defaultCourseMonths: 48\n", "p.yaml"),
                rules: try Self.rules())
        }
        #expect(error?.key == "defaultCourseMonths")
        #expect(error?.message.contains("2022") == true)
    }

    @Test func ruleSetWithUnknownKeyOrIdIsRefused() throws {
        let unknownKey = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.ruleSet(
                yaml:
                    "id: \"2013\"\ninForceFrom: 2013-01-01\ncourseMonths: { min: 12, max: 60 }\nfollowUp: { perYear: 6 }\nextensions: true\n",
                file: "rules/2013.yaml")
        }
        #expect(unknownKey?.key == "extensions")
        #expect(unknownKey?.line == 5)
        let unknownId = #expect(throws: WorkflowError.self) {
            try WorkflowLoader.ruleSet(
                yaml:
                    "id: \"2030\"\ninForceFrom: 2030-01-01\ncourseMonths: { min: 12, max: 60 }\nfollowUp: { perYear: 6 }\n",
                file: "rules/2030.yaml")
        }
        #expect(unknownId?.key == "id")
    }

    @Test func malformedYAMLIsAnErrorNotACrash() {
        #expect(throws: WorkflowError.self) {
            try WorkflowLoader.ruleSet(yaml: "id: [unclosed\n", file: "bad.yaml")
        }
        #expect(throws: WorkflowError.self) {
            try WorkflowLoader.ruleSet(yaml: "- just\n- a list\n", file: "bad.yaml")
        }
    }
}
