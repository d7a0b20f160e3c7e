import ForloebCore

/// Which cases a list returns; every field that is set must match. Ordered by case id, paged by `after`.
public struct CaseFilter: Sendable, Equatable {
    public var states: [CaseState]
    public var municipality: String?
    public var caseworker: String?
    /// Only cases with an appeal that waits for the municipality or for Ankestyrelsen.
    public var openAppeal: Bool
    /// Only cases whose id sorts after this one (keyset paging).
    public var after: String?
    public var limit: Int

    public init(
        states: [CaseState] = [], municipality: String? = nil, caseworker: String? = nil, openAppeal: Bool = false,
        after: String? = nil, limit: Int = 1000
    ) {
        self.openAppeal = openAppeal
        self.states = states
        self.municipality = municipality
        self.caseworker = caseworker
        self.after = after
        self.limit = limit
    }
}

extension CaseFilter {
    /// The SQL condition on `cases.case_id` for `openAppeal`, the same in every dialect: an open appeal always has
    /// one open deadline that watches it.
    package static let openAppealCondition =
        "case_id IN (SELECT case_id FROM deadlines WHERE kind IN \(DeadlineKind.appealWatchKindsSQL))"
}

extension DeadlineKind {
    /// `('appeal_reconsideration', 'appeal_ruling')`, for SQL.
    package static let appealWatchKindsSQL =
        "(" + allCases.filter(\.watchesAnAppeal).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
}
