/// What the engine knows of the citizen: only what the rules need. No name, no CPR number.
public struct Citizen: Sendable, Equatable, Codable {
    public var birthDate: CivilDate
    public var municipality: String
    public var origin: CaseOrigin
    public var incomeBasis: IncomeBasis

    public init(birthDate: CivilDate, municipality: String, origin: CaseOrigin, incomeBasis: IncomeBasis) {
        self.birthDate = birthDate
        self.municipality = municipality
        self.origin = origin
        self.incomeBasis = incomeBasis
    }

    public func age(on date: CivilDate) -> Int {
        birthDate.age(on: date)
    }
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
