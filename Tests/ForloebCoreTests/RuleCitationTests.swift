import ForloebCore
import Foundation
import Testing

/// `RuleID.citations`, the laws `explain` cites for the rules, checked against DOMAIN.md: a rule cites only what its
/// sources name, and `RuleID.source` still says what DOMAIN.md's Sources column says.
///
/// DOMAIN.md lives outside the repository (`../shared/DOMAIN.md`), so its rules table is copied here; when the file
/// is there, the copy is checked against it, so that a change to the table shows up as this test failing.
@Suite struct RuleCitationTests {
    /// DOMAIN.md's table "Rules the engine enforces", verbatim.
    static let domainRules = #"""
        | R1 | A ressourceforløb is granted only after the case was referred to the rehabilitation team and the team gave its recommendation. | 003 §3, §5.2; 004 |
        | R2 | If the municipality will not follow the recommendation, the case must be referred to the team again before the decision; after the team has reconsidered, the municipality decides. | 003 §5.2 |
        | R3 | The decision fixes the exact duration: at least 1 year, at most 5 years (3 years from 2022, see rule sets). | 003 §6.3 (principafgørelse 82-16); lov 1160/2021 |
        | R4 | A course cannot be extended. Only a new course, which again needs preparation, a team referral and a decision. | 003 §6.3 (82-16) |
        | R5 | Before the course ends the municipality must decide what follows; until it has, the course and the benefit continue (no gap). | 003 §6.3, §6.5 |
        | R6 | A next step that needs the team (fleksjob, new course, and as a rule førtidspension) needs a team recommendation first; refer early enough to decide right at the end. | 003 §6.5; 004 |
        | R7 | A citizen aged 40 or over gets a new course only if they themselves want it; under 40 there is no limit on successive courses (refined by age bands from 2022, see rule sets). | 000; 003 §6.3; 004 note 1; LAB § 112 |
        | R8 | Under 40, førtidspension only where developing work capacity is obviously futile (documented). | 002; 003 §2 |
        | R9 | Every course has a coordinating caseworker; a caseworker outside the jobcentre cannot make employment-law decisions. Changing caseworker is an event (citizen involved first). | 003 §5.1 |
        | R10 | Sickness, parental leave etc. do not extend the course. | 003 §6.3 |
        | R11 | A sanction for absence only if there was no reasonable cause and only after all reasonable attempts at personal contact were exhausted. | 003 §5.5, §6.4 |
        | R12 | The effort part of the plan is set for at least 6 months at a time and updated continuously (`2013`/`2020`). | 003 §5.3 |
        | R13 | Mentor agreements are written and last at most 6 months (renewable). | 003 §7 |
        | R14 | Refusing to treat a case with a view to a ressourceforløb is itself an appealable decision; every decision carries appeal guidance. Appeals go to Ankestyrelsen, both against the decision and against individual efforts. | 003 §4.5, §4.6 |
        | R15 | When the citizen moves municipality, the plan follows the case to the new municipality. | 003 §4.7 |
        | R16 | A case where førtidspension is obvious, or a course obviously futile, does not get a course (route to førtidspension instead). | 003 §2, §4.1 |
        | R17 | Fleksjob cannot be an effort inside a course; a move to fleksjob after a course goes through the team. | 003 §4.3 |
        | R18 | From the reform's dates, no new ressourceforløb (first or new course) and no revalidering is granted, and the rehabilitation team no longer sits; a course granted before runs to its end. | lov 1750/2025 (see "The reform of 2026") |
        | R19 | After the team is gone, a decision on fleksjob or førtidspension rests on a *samlet beskrivelse af borgerens forudsætninger* and the sundhedskoordinator's advice. | lov 1750/2025 |
        """#

    /// DOMAIN.md's "Appeals (R14), in more detail", verbatim: it names R14's law.
    static let appealsInMoreDetail = #"""
        A citizen appeals a decision to the municipality within 4 weeks of receiving it; the
        municipality reconsiders (genvurdering) and, if it upholds the decision, sends the appeal to
        Ankestyrelsen within 4 weeks of receiving it (retssikkerhedsloven §§ 66–67). Ankestyrelsen
        upholds (stadfæster), changes (ændrer), annuls (ophæver) or sends the case back (hjemviser).
        Both principle cases in seed 000 were changed on appeal: the citizens got a course the
        municipality had refused. Sanctions and individual efforts can be appealed too (003 §4.6).
        A period that ends on a Saturday, Sunday or public holiday runs to the next working day.
        """#

    /// DOMAIN.md's "The law over time", the paragraph "Also true under every rule set", verbatim: it names R13's
    /// and R14's laws.
    static let alsoTrueUnderEveryRuleSet = #"""
        Also true under every rule set: no extension (R4), the overrun rule (R5), re-referral before
        deviating (R2), mentor agreements ≤ 6 months per period (LAB § 167), appeals within 4 weeks
        of receiving the decision, after which the municipality reconsiders and, if it upholds the
        decision, forwards the appeal to Ankestyrelsen within 4 weeks (retssikkerhedsloven §§ 66–67).
        """#

    /// Each rule's Sources column, by rule id.
    static let domainSources: [String: String] = {
        var sources: [String: String] = [:]
        for row in domainRules.split(separator: "\n") {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4 else { continue }
            sources[cells[1]] = cells[3]
        }
        return sources
    }()

    /// Where DOMAIN.md grounds each rule's law: its Sources column, and for R13 and R14 the paragraphs that name
    /// their laws.
    static func grounds(_ rule: RuleID) -> String {
        let column = Self.domainSources[rule.rawValue] ?? ""
        switch rule {
        case .r13: return column + "\n" + alsoTrueUnderEveryRuleSet
        case .r14: return column + "\n" + alsoTrueUnderEveryRuleSet + "\n" + appealsInMoreDetail
        default: return column
        }
    }

    @Test func theTableHasEveryRule() {
        #expect(Set(Self.domainSources.keys) == Set(RuleID.allCases.map(\.rawValue)))
    }

    @Test func everyCitationIsNamedByTheRulesSourcesInDomainAndInRuleIDSource() {
        for rule in RuleID.allCases {
            for citation in rule.citations {
                #expect(
                    citation.mentions.contains { Self.grounds(rule).contains($0) },
                    "\(rule.rawValue) cites \(citation) but DOMAIN.md's sources for it are: \(Self.grounds(rule))")
                #expect(
                    citation.mentions.contains { rule.source.contains($0) },
                    "\(rule.rawValue) cites \(citation) but RuleID.source is: \(rule.source)")
            }
        }
    }

    @Test func ruleIDSourceSaysWhatDomainSays() {
        for rule in RuleID.allCases {
            let column = Self.domainSources[rule.rawValue] ?? ""
            for part in column.components(separatedBy: "; ") {
                // DOMAIN.md's pointers to its own sections ("(see …)") are not sources.
                // "(82-16)" and "(principafgørelse 82-16)" name the same decision.
                let named = part.components(separatedBy: " (see ")[0]
                    .replacingOccurrences(of: "principafgørelse ", with: "")
                let mentioned = LegalSource.allCases.contains { source in
                    source.mentions.contains(named) && source.mentions.contains { rule.source.contains($0) }
                }
                let source = rule.source.replacingOccurrences(of: "principafgørelse ", with: "")
                #expect(
                    source.contains(named) || mentioned,
                    "\(rule.rawValue): DOMAIN.md names \(named); RuleID.source is \(rule.source)")
            }
        }
    }

    @Test func theCitationsThatAreCited() {
        #expect(RuleID.r14.citations == [.retssikkerhedsloven6667])
        #expect(RuleID.r4.citations == [.principafgoerelse8216])
        #expect(RuleID.r1.citations.isEmpty)
        #expect(LegalSource.retssikkerhedsloven6667.danish == "retssikkerhedslovens §§ 66 og 67")
    }

    @Test func theCopyIsDomainAsItIsWhenDomainIsThere() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let domain = root.deletingLastPathComponent().appendingPathComponent("shared/DOMAIN.md")
        guard let text = try? String(contentsOf: domain, encoding: .utf8) else { return }
        let rows = text.split(separator: "\n").filter {
            $0.range(of: #"^\| R\d+ \|"#, options: .regularExpression) != nil
        }
        #expect(rows.joined(separator: "\n") == Self.domainRules)
        #expect(text.contains(Self.appealsInMoreDetail))
        #expect(text.contains(Self.alsoTrueUnderEveryRuleSet))
    }
}
