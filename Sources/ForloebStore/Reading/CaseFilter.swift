import ForloebCore

/// Which cases a list returns; every field that is set must match. Ordered by case id, paged by `after`.
public struct CaseFilter: Sendable, Equatable {
    public var states: [CaseState]
    public var municipality: String?
    public var caseworker: String?
    /// Only cases whose id sorts after this one (keyset paging).
    public var after: String?
    public var limit: Int

    public init(
        states: [CaseState] = [], municipality: String? = nil, caseworker: String? = nil, after: String? = nil,
        limit: Int = 1000
    ) {
        self.states = states
        self.municipality = municipality
        self.caseworker = caseworker
        self.after = after
        self.limit = limit
    }
}
