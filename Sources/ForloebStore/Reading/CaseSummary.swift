import ForloebCore

/// The indexed columns of a case: what lists and scans return without decoding snapshots.
public struct CaseSummary: Sendable, Equatable {
    public var caseId: String
    public var state: CaseState
    public var municipality: String
    public var caseworker: String?
    public var courseNumber: Int
    public var courseEnd: CivilDate?
    public var version: Int
    public var lastEventAt: Instant

    public init(
        caseId: String, state: CaseState, municipality: String, caseworker: String?, courseNumber: Int,
        courseEnd: CivilDate?, version: Int, lastEventAt: Instant
    ) {
        self.caseId = caseId
        self.state = state
        self.municipality = municipality
        self.caseworker = caseworker
        self.courseNumber = courseNumber
        self.courseEnd = courseEnd
        self.version = version
        self.lastEventAt = lastEventAt
    }

    /// The summary of a snapshot, as the store indexes it.
    public init(_ c: CitizenCase) {
        self.init(
            caseId: c.caseId, state: c.state, municipality: c.citizen.municipality,
            caseworker: c.phase.course?.caseworker?.id, courseNumber: c.courseNumber, courseEnd: c.courseEnd,
            version: c.version, lastEventAt: c.lastEventAt)
    }

    /// A running course whose end has passed without a next-step decision (R5), at its Danish midnight as
    /// `CitizenCase.isOverrun` says.
    public func isOverrun(at now: Instant) -> Bool {
        guard state.hasRunningCourse, let courseEnd else { return false }
        return now >= courseEnd.danishMidnight
    }
}
