/// The dates from which lov nr. 1750 af 29/12/2025 ends each scheme, as data (`Workflows/rules/2026.yaml`).
///
/// Why data: the law came into force in two steps (1 February and 1 July 2026) and the sources we could read
/// disagree on which step ends new courses. The rule set's file cites what it relied on, and a deployment
/// that reads the law otherwise changes the dates in its own Workflows folder, not the code.
public struct Abolitions: Sendable, Equatable {
    /// From this day no ressourceforløb (first or new) and no revalidering is granted (R18).
    public var coursesOn: CivilDate
    /// From this day the rehabilitation team no longer sits: `team.*` events are refused (R18) and
    /// fleksjob and førtidspension rest on the description and the health advice (R19).
    public var teamOn: CivilDate
    /// From this day the jobcentre requirement is gone: the municipality decides, whichever unit (R9).
    public var jobcentreOn: CivilDate

    public init(coursesOn: CivilDate, teamOn: CivilDate, jobcentreOn: CivilDate) {
        self.coursesOn = coursesOn
        self.teamOn = teamOn
        self.jobcentreOn = jobcentreOn
    }
}
