extension RuleID {
    /// The law `explain` cites for this rule, in place of its id; empty where the rule's sources give no law in
    /// force to cite.
    ///
    /// Kept beside `source` and checked against DOMAIN.md's rules table (`RuleCitationTests`): a rule cites only a
    /// `LegalSource` its Sources column names. What was left out, and why:
    /// - R1, R2, R5, R6, R8–R12, R15–R17 rest on seed 003, STAR's skrivelse om ressourceforløb of 14 March 2017,
    ///   whose paragraphs (LAB § 68 a, § 68 c, § 128) are those of the law before lov 548/2019 renumbered it, and
    ///   which later skrivelser replaced. Read aloud as today's law it would mislead, so these cite nothing.
    /// - R3's lov 1160/2021 is the source of the `2022` rule set's 12–36 months, not of the rule that the grant fixes
    ///   the duration; a course granted under `2013` would cite the wrong law. R3 cites principle decision 82-16,
    ///   which states the rule for every rule set.
    /// - R7: LAB § 112 (DOMAIN.md) holds the target group and, in stk. 3, the own wish near folkepension age; the
    ///   age bands' paragraph was not found in what could be read, so § 112 is cited and no stykke.
    public var citations: [LegalSource] {
        switch self {
        case .r3, .r4: [.principafgoerelse8216]
        case .r7: [.lab112]
        case .r13: [.lab167]
        case .r14: [.retssikkerhedsloven6667]
        case .r18, .r19: [.lov1750af2025]
        case .r1, .r2, .r5, .r6, .r8, .r9, .r10, .r11, .r12, .r15, .r16, .r17: []
        }
    }
}
