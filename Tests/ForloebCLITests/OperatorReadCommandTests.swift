import ForloebTestSupport
import Foundation
import Testing

/// The operator's read verbs against a store seeded with the shipped sample and a stuck-case scenario:
/// exit codes, the contract's JSON fields (CONTRACT.md §5), and the human tables.
@Suite(.blocking) struct OperatorReadCommandTests {
    static let sample = "Workflows/examples/sample-cases.jsonl"

    /// The sample stream imported into a fresh store.
    func sampleStore() throws -> OperatorStore {
        let store = try OperatorStore()
        let result = try store.run(["import", Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    @Test func showHasTheContractFieldsAndTheOperatorsDetail() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let doc = try store.json(["show", "K-2026-000105"])
        for field in ["caseId", "state", "overrun", "courseNumber", "courseEnd", "version", "deadlines", "history", "rejections"] {
            #expect(doc[field] != nil, "show --json lacks \(field)")
        }
        #expect(doc["caseId"] as? String == "K-2026-000105")
        #expect(doc["state"] as? String == "active")
        #expect(doc["overrun"] as? Bool == true)
        #expect(doc["courseNumber"] as? Int == 2)
        #expect(doc["courseEnd"] as? String == "2025-03-01")
        let deadlines = try #require(doc["deadlines"] as? [[String: Any]])
        #expect(deadlines.allSatisfy { $0["kind"] is String && $0["dueAt"] is String && $0["daysOverdue"] is Int })
        let review = try #require(deadlines.first { $0["kind"] as? String == "plan_review" })
        #expect(review["daysOverdue"] as? Int == 1333)
        let history = try #require(doc["history"] as? [[String: Any]])
        #expect(history.count == 14)
        for field in ["messageId", "type", "from", "to", "occurredAt"] { #expect(history[0][field] != nil, "history lacks \(field)") }
        #expect(history[0]["from"] is NSNull)
        let rejections = try #require(doc["rejections"] as? [[String: Any]])
        #expect(rejections.map { $0["code"] as? String } == ["plan_period_too_short", "duration_out_of_range", "consent_required"])
        #expect(rejections.map { $0["rule"] as? String } == ["R12", "R3", "R7"])
        for field in ["messageId", "type", "code", "detail"] { #expect(rejections[0][field] != nil) }
        let outbox = try #require(doc["pendingOutbox"] as? [[String: Any]])
        #expect(outbox.count == doc["pendingNotifications"] as? Int)

        let text = try store.run(["show", "K-2026-000105"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("OVERRUN"))
        #expect(text.stdout.contains("1333 day(s) overdue"))
        #expect(text.stdout.contains("consent_required"))
        #expect(!text.stdout.contains("\u{1B}["), "piped output must be plain")
    }

    @Test func unknownCasesExitOneAndBadArgumentsExitTwo() throws {
        let store = try sampleStore()
        defer { store.remove() }
        #expect(try store.run(["show", "K-NOPE"]).status == 1)
        #expect(try store.run(["explain", "K-NOPE"]).status == 1)
        #expect(try store.run(["list", "--state", "sleeping"]).status == 2)
        #expect(try store.run(["stuck", "--idle", "30 parsecs"]).status == 2)
        #expect(try store.run(["overdue", "--kind", "lunch"]).status == 2)
        #expect(try store.run(["explain", "K-2026-000105", "--lang", "fr"]).status == 2)
    }

    @Test func anUnreachableStoreExitsThreeNamingItWithoutThePassword() throws {
        let result = try ForloebProcess.run(
            ["list"], environment: ["FORLOEB_STORE": "postgres://forloeb:hemmeligt@127.0.0.1:1/forloeb"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("127.0.0.1:1"))
        #expect(!result.stderr.contains("hemmeligt"))
        let missing = try ForloebProcess.run(["stuck"], environment: ["FORLOEB_STORE": "sqlite:/nonexistent/forloeb.sqlite"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("/nonexistent/forloeb.sqlite"))
    }

    /// The sample's appealed cases (§6.4): the refusal Ankestyrelsen changed, and a reconsideration overdue.
    @Test func showTellsTheAppealsWholeStory() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let reversed = try #require(try store.json(["show", "K-2026-000110"])["appeals"] as? [[String: Any]])
        #expect(reversed.count == 1)
        let appeal = try #require(reversed.first)
        #expect(appeal["decision"] as? String == "K-2026-000110-007")
        #expect(appeal["receivedOn"] as? String == "2024-12-10")
        #expect(appeal["status"] as? String == "changed")
        #expect(appeal["deadline"] is NSNull)
        #expect(appeal["reopened"] as? Bool == true)
        let history = try #require(try store.json(["show", "K-2026-000110"])["history"] as? [[String: Any]])
        let ruling = try #require(history.first { $0["type"] as? String == "appeal.decided" })
        #expect(ruling["from"] as? String == "refused")
        #expect(ruling["to"] as? String == "awaiting_decision")
        #expect(history.last { $0["type"] as? String == "decision.made" }?["to"] as? String == "active")

        let pending = try #require(try store.json(["show", "K-2026-000111"])["appeals"] as? [[String: Any]])
        #expect(pending.first?["status"] as? String == "lodged")
        #expect(pending.first?["deadline"] as? String == "2026-10-11T22:00:00Z")
        let text = try store.run(["show", "K-2026-000111"]).stdout
        #expect(text.contains("APPEAL OF"))
        #expect(text.contains("appeal_reconsideration"))
        let stuck = try store.run(["stuck"]).stdout
        #expect(stuck.contains("K-2026-000111"))
        #expect(stuck.contains("appeal_reconsideration"))
        // No other case has appeals, and they say so with an empty list.
        #expect((try store.json(["show", "K-2026-000101"])["appeals"] as? [Any])?.isEmpty == true)
    }

    @Test func listFiltersByStateAndMunicipalityAndLimits() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let active = try #require(try store.json(["list", "--state", "active"])["cases"] as? [[String: Any]])
        #expect(
            active.map { $0["caseId"] as? String } == ["K-2026-000105", "K-2026-000106", "K-2026-000107", "K-2026-000110"])
        for field in ["caseId", "state", "overrun", "courseNumber", "courseEnd", "version"] { #expect(active[0][field] != nil) }
        #expect(active.map { $0["overrun"] as? Bool } == [true, false, true, false])
        let appealed = try #require(try store.json(["list", "--open-appeal"])["cases"] as? [[String: Any]])
        #expect(appealed.map { $0["caseId"] as? String } == ["K-2026-000111"])
        let refusedAndAppealed = try #require(
            try store.json(["list", "--open-appeal", "--state", "refused"])["cases"] as? [[String: Any]])
        #expect(refusedAndAppealed.isEmpty)
        let limited = try #require(try store.json(["list", "--limit", "2"])["cases"] as? [[String: Any]])
        #expect(limited.count == 2)
        let elsewhere = try #require(try store.json(["list", "--municipality", "0101"])["cases"] as? [[String: Any]])
        #expect(elsewhere.isEmpty)
        let byWorker = try #require(try store.json(["list", "--caseworker", "sb-2040"])["cases"] as? [[String: Any]])
        #expect(byWorker.map { $0["caseId"] as? String } == ["K-2026-000105"])
        let text = try store.run(["list"])
        #expect(text.stdout.contains("K-2026-000102  refused"))
    }

    @Test func stuckFindsTheOverrunTheOverdueDecisionAndTheIdleCaseAndNothingElse() throws {
        let store = try OperatorStore.with(OperatorStore.stuckScenario, now: OperatorStore.stuckScenarioNow)
        defer { store.remove() }
        let cases = try #require(try store.json(["stuck"])["cases"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: cases.map { ($0["caseId"] as! String, $0) })
        #expect(Set(byId.keys) == ["OVR", "DEC", "IDLE"])
        func codes(_ id: String) -> [String] { (byId[id]?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(codes("OVR").contains("overrun"))
        #expect(codes("DEC") == ["overdue"])
        let decision = try #require((byId["DEC"]?["reasons"] as? [[String: Any]])?.first)
        #expect(decision["kind"] as? String == "decision_due")
        #expect(decision["days"] as? Int == 4)
        #expect(codes("IDLE") == ["idle"])
        #expect((byId["DEC"]?["wouldMoveOn"] as? [String])?.contains("decision.made") == true)
        #expect((byId["IDLE"]?["wouldMoveOn"] as? [String])?.contains("team.referred") == true)

        // An operator's threshold replaces the policy's: with 2 days, the fresh case is idle too.
        let strict = try #require(try store.json(["stuck", "--idle", "2d"])["cases"] as? [[String: Any]])
        #expect(Set(strict.compactMap { $0["caseId"] as? String }) == ["OVR", "DEC", "IDLE", "FRESH"])
        let onlyDecisions = try #require(try store.json(["stuck", "--state", "awaiting_decision"])["cases"] as? [[String: Any]])
        #expect(onlyDecisions.compactMap { $0["caseId"] as? String } == ["DEC"])
        let text = try store.run(["stuck"])
        #expect(text.stdout.contains("3 stuck case(s)"))
    }

    @Test func overdueListsMostOverdueFirstWithHowLong() throws {
        let store = try OperatorStore.with(OperatorStore.stuckScenario, now: OperatorStore.stuckScenarioNow)
        defer { store.remove() }
        let deadlines = try #require(try store.json(["overdue"])["deadlines"] as? [[String: Any]])
        let days = deadlines.compactMap { $0["daysOverdue"] as? Int }
        #expect(days == days.sorted(by: >))
        #expect(deadlines.last?["caseId"] as? String == "DEC")
        #expect(deadlines.last?["kind"] as? String == "decision_due")
        #expect(days.last == 4)
        let decisions = try #require(try store.json(["overdue", "--kind", "decision_due"])["deadlines"] as? [[String: Any]])
        #expect(decisions.compactMap { $0["caseId"] as? String } == ["DEC"])
    }

    @Test func statsCountsStatesOverdueRejectionsOutboxAndDeadLetters() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let doc = try store.json(["stats"])
        #expect(doc["cases"] as? Int == 11)
        #expect((doc["casesByState"] as? [String: Int])?["active"] == 4)
        #expect((doc["overdueByKind"] as? [String: Int])?["plan_review"] == 4)
        #expect(doc["appealsOpen"] as? Int == 1)
        #expect(doc["appealsOverdue"] as? Int == 1)
        #expect((doc["rejectionsLastDay"] as? [String: Int])?.values.reduce(0, +) == 20)
        #expect((doc["rejectionsLastWeek"] as? [String: Int])?["invalid_transition"] == 1)
        #expect((doc["outboxPending"] as? Int ?? 0) > 0)
        #expect(doc["outboxLagSeconds"] as? Int == 0)
        #expect(doc["deadLetters"] as? Int == 1)
        #expect(try store.run(["stats"]).stdout.contains("dead letters: 1 open"))
    }

    @Test func explainTellsTheHistoryInDanishByDefaultAndInEnglish() throws {
        let store = try sampleStore()
        defer { store.remove() }
        let da = try store.json(["explain", "K-2026-000101"])
        let sentences = try #require(da["sentences"] as? [String])
        #expect(sentences.first?.hasPrefix("10. januar 2023: Sagen blev oprettet") == true)
        #expect(da["language"] as? String == "da")
        #expect(da["status"] as? String == "Sagen er afsluttet med fleksjob.")
        let lines = try #require(da["lines"] as? [[String: Any]])
        #expect(lines.count == sentences.count)
        #expect(lines.first?["date"] as? String == "2023-01-10")
        #expect(lines.first?["messageId"] as? String == "K-2026-000101-001")
        #expect(try store.run(["explain", "K-2026-000101"]).stdout.contains("Status: Sagen er afsluttet med fleksjob."))
        let en = try #require(try store.json(["explain", "K-2026-000101", "--lang", "en"])["sentences"] as? [String])
        #expect(en.first?.hasPrefix("10 January 2023: The case was opened") == true)
        #expect(en.count == sentences.count)
    }

    @Test func everyVerbHasHelpWithAnExample() throws {
        let verbs: [[String]] = [
            ["show"], ["list"], ["stuck"], ["overdue"], ["stats"], ["explain"], ["rejections", "list"], ["rejections", "replay"],
            ["dead-letters", "list"], ["dead-letters", "show"], ["dead-letters", "replay"], ["dead-letters", "drop"],
            ["resend"], ["audit", "list"], ["audit", "verify"], ["seed"], ["rebuild"], ["pending"], ["pending", "list"],
            ["approve"],
        ]
        for verb in verbs {
            let result = try ForloebProcess.run(verb + ["--help"])
            #expect(result.status == 0, "\(verb) --help")
            #expect(result.stdout.contains("forloeb \(verb[0])"), "\(verb) --help has no example")
        }
    }

    @Test func rebuildDryRunShowsPerCaseWhatAPolicyChangeWouldChange() throws {
        let store = try OperatorStore.with(OperatorStore.stuckScenario, now: OperatorStore.stuckScenarioNow)
        defer { store.remove() }
        let policy = store.folder.appendingPathComponent("slower.yaml")
        try Data("name: slower\ndecisionDueDays: 20\n".utf8).write(to: policy)
        let doc = try store.json(["rebuild", "--dry-run", "--policy", policy.path])
        #expect(doc["dryRun"] as? Bool == true)
        let changed = try #require(doc["changed"] as? [[String: Any]])
        let dec = try #require(changed.first { $0["caseId"] as? String == "DEC" })
        #expect(dec["deadlinesBefore"] as? [String] == ["decision_due 2025-11-19"])
        #expect(dec["deadlinesAfter"] as? [String] == ["decision_due 2025-11-25"])
        // A dry run writes nothing: the store still has the old deadline.
        let deadlines = try #require(try store.json(["show", "DEC"])["deadlines"] as? [[String: Any]])
        #expect(deadlines.first?["dueAt"] as? String == "2025-11-18T23:00:00Z", "00:00 on 19 November in Denmark")
        let text = try store.run(["rebuild", "--dry-run", "--policy", policy.path])
        #expect(text.stdout.contains("decision_due 2025-11-25"))
        #expect(text.stdout.contains("would change"))
    }

    /// A store written before a deployment knew the 2026 rule set (pinned to 2022) learns from a dry run which
    /// cases the reform's dates would change: their logs no longer replay, and the event the law now refuses
    /// is named with its code.
    @Test func rebuildDryRunShowsWhatThe2026RuleSetChanges() throws {
        let store = try OperatorStore()
        defer { store.remove() }
        let imported = try store.run(["import", "Workflows/examples/sample-cases.jsonl", "--rule-set", "2022"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let doc = try store.json(["rebuild", "--dry-run"])
        let failures = try #require(doc["unreplayable"] as? [[String: Any]])
        let byCase = Dictionary(uniqueKeysWithValues: failures.map { ($0["caseId"] as! String, $0) })
        #expect(Set(byCase.keys) == ["K-2026-000108", "K-2026-000109"])
        #expect(byCase["K-2026-000108"]?["messageId"] as? String == "K-2026-000108-087")
        #expect(byCase["K-2026-000108"]?["code"] as? String == "scheme_abolished")
        #expect(byCase["K-2026-000109"]?["messageId"] as? String == "K-2026-000109-096")
        #expect(byCase["K-2026-000109"]?["code"] as? String == "scheme_abolished")
        // The same store under the rules it was written with replays unchanged.
        let pinned = try store.json(["rebuild", "--dry-run", "--rule-set", "2022"])
        #expect((pinned["unreplayable"] as? [Any])?.isEmpty == true)
    }
}
