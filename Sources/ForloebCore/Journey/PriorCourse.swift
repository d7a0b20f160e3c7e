/// A ressourceforløb the citizen had in an earlier case, as the case system reports it on `case.opened`
/// (CONTRACT.md §6.5): when it started and how many months it was granted for.
///
/// Why: R7 and the 2022 age bands depend on the citizen's courses, not the case's. A citizen who comes back
/// in a new case is on a *new* course from the first one granted in it, and the 40–50 band's 60 months count
/// every course the citizen had. Only the start and the length are kept: never a CPR number, nor anything
/// else of the earlier case.
public struct PriorCourse: Sendable, Equatable, Codable {
    public var startDate: CivilDate
    public var months: Int

    public init(startDate: CivilDate, months: Int) {
        self.startDate = startDate
        self.months = months
    }
}
