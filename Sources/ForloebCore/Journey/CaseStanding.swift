/// Where a case stood just before a decision: what it returns to when that decision is set aside on appeal.
///
/// The phase holds the recommendation or running course the decision was taken on, so the new decision is
/// judged on exactly what the old one was; the counters undo what a granted course added.
public struct CaseStanding: Sendable, Equatable, Codable {
    public var phase: Phase
    public var courseNumber: Int
    public var grantedMonthsTotal: Int
    public var futilityDocumented: Bool

    public init(of c: CitizenCase) {
        self.phase = c.phase
        self.courseNumber = c.courseNumber
        self.grantedMonthsTotal = c.grantedMonthsTotal
        self.futilityDocumented = c.futilityDocumented
    }
}
