/// The versions of the law, named by the year they came into force (DOMAIN.md, "The law over time").
///
/// Behaviour that differs between versions is switched on this type in code; numbers that differ live in
/// `Workflows/rules/<id>.yaml`.
public enum RuleSetID: String, CaseIterable, Codable, Sendable, Comparable {
    /// The seeds' law: 12–60 month courses, age 40+ needs consent for a new course, 6 conversations a year.
    case y2013 = "2013"
    /// As 2013, but at least 4 individual conversations in the first 6 months, the first in person.
    case y2020 = "2020"
    /// Bedre ressourceforløb: 12–36 months, age bands for new courses, the 6-month effort guarantee.
    case y2022 = "2022"
    /// Lov 1750/2025: no new courses or revalidering, no rehabilitation team; running courses finish.
    case y2026 = "2026"

    public static func < (lhs: RuleSetID, rhs: RuleSetID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
