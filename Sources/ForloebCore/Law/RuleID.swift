/// The rules of DOMAIN.md that the engine enforces; every rejection that is about the law names one.
public enum RuleID: String, CaseIterable, Codable, Sendable {
    case r1 = "R1", r2 = "R2", r3 = "R3", r4 = "R4", r5 = "R5", r6 = "R6", r7 = "R7", r8 = "R8", r9 = "R9"
    case r10 = "R10", r11 = "R11", r12 = "R12", r13 = "R13", r14 = "R14", r15 = "R15", r16 = "R16", r17 = "R17"
    case r18 = "R18", r19 = "R19"

    /// The rule in one sentence, for rejection messages and `explain`.
    public var summary: String {
        switch self {
        case .r1: "a ressourceforløb is granted only after a team referral and recommendation"
        case .r2: "deviating from the team's recommendation requires a renewed referral first"
        case .r3: "the decision fixes the course's duration within the rule set's range"
        case .r4: "a course cannot be extended; only a new course with a new referral and decision"
        case .r5: "before the course ends the municipality decides what follows; until then the course continues"
        case .r6: "a next step that needs the team needs its recommendation first"
        case .r7: "a new course from age 40 (and the 2022 age bands) only at the citizen's own wish"
        case .r8: "førtidspension under 40 only where developing work capacity is documented obviously futile"
        case .r9: "every course has a coordinating caseworker; only the jobcentre makes employment-law decisions"
        case .r10: "sickness and leave do not extend the course"
        case .r11: "a sanction only for absence without reasonable cause, after contact attempts are exhausted"
        case .r12: "the effort plan is set for at least 6 months at a time"
        case .r13: "a mentor agreement is written and lasts at most 6 months"
        case .r14: "every decision is appealable and carries appeal guidance"
        case .r15: "the plan follows the case when the citizen moves municipality"
        case .r16: "an obvious førtidspension case does not get a course"
        case .r17: "fleksjob is not an effort inside a course; a move to fleksjob goes through the team"
        case .r18: "from the reform's dates no new course or revalidering is granted and the team no longer sits"
        case .r19: "without the team, fleksjob and førtidspension rest on the samlet beskrivelse and the health advice"
        }
    }

    /// Where the rule comes from, cited as in DOMAIN.md (`003 §5.2` = seed 003, section 5.2).
    public var source: String {
        switch self {
        case .r1: "003 §3, §5.2; 004"
        case .r2: "003 §5.2"
        case .r3: "003 §6.3 (principafgørelse 82-16); lov 1160/2021"
        case .r4: "003 §6.3 (principafgørelse 82-16)"
        case .r5: "003 §6.3, §6.5"
        case .r6: "003 §6.5; 004"
        case .r7: "000; 003 §6.3; 004 note 1; LAB § 112"
        case .r8: "002; 003 §2"
        case .r9: "003 §5.1"
        case .r10: "003 §6.3"
        case .r11: "003 §5.5, §6.4"
        case .r12: "003 §5.3"
        case .r13: "003 §7; LAB § 167"
        case .r14: "003 §4.5, §4.6; retssikkerhedsloven §§ 66–67"
        case .r15: "003 §4.7"
        case .r16: "003 §2, §4.1"
        case .r17: "003 §4.3"
        case .r18: "lov nr. 1750 af 29/12/2025 (L 66, 2025-26, bemærkningerne 2.3)"
        case .r19: "lov nr. 1750 af 29/12/2025 (L 66, 2025-26)"
        }
    }
}
