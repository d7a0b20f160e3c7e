/// A law or principle decision that `explain` may cite in place of a rule id, verified before it was written down.
///
/// Why a closed list: the text is read to the citizen as the law a step rests on, so every citation must be
/// grounded in what DOMAIN.md names as the source of the rule it stands for (`mentions` is how DOMAIN.md and
/// `RuleID.source` write it, which `RuleCitationTests` checks) and its paragraph read where it is published. Where the sources
/// give no paragraph of a law in force, the rule cites nothing (`RuleID.citations`): a guess read aloud as law
/// would be worse than no citation.
public enum LegalSource: String, CaseIterable, Sendable {
    /// Ankestyrelsen's principle decision 82-16 (seed 003 §6.3): the grant fixes the course's exact duration, and a
    /// course is not extended; a new course needs the team and a new decision.
    case principafgoerelse8216
    /// LAB (lov nr. 548 af 7. maj 2019) § 112, the target group of a ressourceforløb, whose stk. 3 makes a course
    /// near folkepension age depend on the citizen's own wish (read on elov.dk, § 112, and in L 209, 2020-21).
    case lab112
    /// LAB § 167: mentor support for at most 6 months at a time, renewable (read on elov.dk, chapter 26).
    case lab167
    /// Lov nr. 1750 af 29. december 2025 (L 66, 2025-26): no new ressourceforløb, no rehabilitation team, and the
    /// samlet beskrivelse and the sundhedskoordinator's advice in its place (DOMAIN.md, "The reform of 2026").
    case lov1750af2025
    /// Retssikkerhedsloven §§ 66–67: the appeal reaches the municipality within 4 weeks of the citizen receiving the
    /// decision; the municipality reconsiders it and, if it upholds it, sends the appeal on to Ankestyrelsen within
    /// 4 weeks (DOMAIN.md, "Appeals (R14), in more detail"; ast.dk, "Klagevejledning og tidsfrister").
    case retssikkerhedsloven6667

    /// How DOMAIN.md and `RuleID.source` write this source; a rule may cite it only where its sources name it.
    public var mentions: [String] {
        switch self {
        case .principafgoerelse8216: ["82-16"]
        case .lab112: ["LAB § 112"]
        case .lab167: ["LAB § 167"]
        case .lov1750af2025: ["lov 1750/2025", "lov nr. 1750 af 29/12/2025"]
        case .retssikkerhedsloven6667: ["retssikkerhedsloven §§ 66–67"]
        }
    }

    /// The source as a Danish sentence cites it after "jf.".
    public var danish: String {
        switch self {
        case .principafgoerelse8216: "Ankestyrelsens principafgørelse 82-16"
        case .lab112: "lov om en aktiv beskæftigelsesindsats § 112"
        case .lab167: "lov om en aktiv beskæftigelsesindsats § 167"
        case .lov1750af2025: "lov nr. 1750 af 29. december 2025"
        case .retssikkerhedsloven6667: "retssikkerhedslovens §§ 66 og 67"
        }
    }

    /// The source as an English sentence cites it: the Danish names of the laws, which is how they are found.
    public var english: String {
        switch self {
        case .principafgoerelse8216: "Ankestyrelsen's principle decision 82-16"
        case .lab112: "lov om en aktiv beskæftigelsesindsats § 112"
        case .lab167: "lov om en aktiv beskæftigelsesindsats § 167"
        case .lov1750af2025: "Act no. 1750 of 29 December 2025"
        case .retssikkerhedsloven6667: "retssikkerhedsloven §§ 66–67"
        }
    }
}
