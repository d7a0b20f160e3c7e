/// What the engine knows of the citizen: only what the rules need. No name, no CPR number.
public struct Citizen: Sendable, Equatable, Codable {
    public var birthDate: CivilDate
    public var municipality: String
    public var origin: CaseOrigin
    public var incomeBasis: IncomeBasis
    /// The ressourceforløb of earlier cases (CONTRACT.md §6.5); `nil` when the case system sent none, so that
    /// the snapshot of a citizen without any is what it always was.
    public var priorCourses: [PriorCourse]?

    public init(
        birthDate: CivilDate, municipality: String, origin: CaseOrigin, incomeBasis: IncomeBasis,
        priorCourses: [PriorCourse]? = nil
    ) {
        self.birthDate = birthDate
        self.municipality = municipality
        self.origin = origin
        self.incomeBasis = incomeBasis
        self.priorCourses = priorCourses
    }

    public func age(on date: CivilDate) -> Int {
        birthDate.age(on: date)
    }

    /// Whether the citizen had a course in an earlier case.
    public var hadPriorCourse: Bool { !(priorCourses ?? []).isEmpty }

    /// Months granted in earlier cases, for the `2022` 60-month band (R7).
    public var priorMonths: Int { (priorCourses ?? []).reduce(0) { $0 + $1.months } }
}

/// Who started the case: the citizen may ask for one, or the municipality may open it (R14: either way a
/// refusal is an appealable decision).
public enum CaseOrigin: String, Sendable, Codable, CaseIterable {
    case citizenRequest = "citizen_request"
    case municipality
}

/// The benefit the citizen was on before the case.
public enum IncomeBasis: String, Sendable, Codable, CaseIterable {
    case kontanthjaelp, sygedagpenge, ledighedsydelse, foertidspension, other
}
