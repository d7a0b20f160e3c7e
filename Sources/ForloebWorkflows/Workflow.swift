import ForloebCore

/// A loaded workflow: the law's rule sets and the municipality's policy, ready to drive the journey.
public struct Workflow: Sendable {
    public var rules: RuleBook
    public var policy: WorkflowPolicy
    /// The files it was read from, for `show` and logs.
    public var sources: [String]

    public init(rules: RuleBook, policy: WorkflowPolicy, sources: [String]) {
        self.rules = rules
        self.policy = policy
        self.sources = sources
    }

    public var journey: Journey { Journey(rules: rules, policy: policy) }
}
