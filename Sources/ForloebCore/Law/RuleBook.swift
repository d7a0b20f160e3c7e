/// All rule sets a deployment knows, and the choice of which one judges a given date.
public struct RuleBook: Sendable, Equatable {
    /// Sorted by `inForceFrom`, earliest first; never empty.
    public let ruleSets: [RuleSet]
    /// A deployment may pin one rule set for every date (for example to replay history under one law).
    public let pinned: RuleSetID?

    public init(_ ruleSets: [RuleSet], pinned: RuleSetID? = nil) {
        precondition(!ruleSets.isEmpty, "a rule book needs at least one rule set")
        self.ruleSets = ruleSets.sorted { $0.inForceFrom < $1.inForceFrom }
        self.pinned = pinned
    }

    /// The rule set in force on `date`: the pinned one, else the latest that had come into force, else the
    /// earliest (events dated before 2013 are judged by the oldest law forloeb knows).
    public func inForce(on date: CivilDate) -> RuleSet {
        if let pinned, let set = ruleSets.first(where: { $0.id == pinned }) { return set }
        return ruleSets.last(where: { $0.inForceFrom <= date }) ?? ruleSets[0]
    }

    public func ruleSet(_ id: RuleSetID) -> RuleSet {
        ruleSets.first(where: { $0.id == id }) ?? inForce(on: ruleSets[0].inForceFrom)
    }

    public func pinning(_ id: RuleSetID?) -> RuleBook {
        RuleBook(ruleSets, pinned: id)
    }
}
