import ArgumentParser
import ForloebCore
import ForloebWorkflows

/// Which workflow a verb applies: the `Workflows/` folder, a municipal policy on top, a pinned rule set.
public struct WorkflowOptions: ParsableArguments {
    @Option(
        name: .customLong("workflows"),
        help: "The Workflows folder (default: FORLOEB_WORKFLOWS, ./Workflows, or the installed copy).")
    public var directory: String?

    @Option(help: "A municipal policy: a name under Workflows/policies/ (halsnaes) or a YAML file.")
    public var policy: String?

    @Option(name: .customLong("rule-set"), help: "Pin one rule set (2013, 2020, 2022, 2026) for every date.")
    public var ruleSet: String?

    public init() {}

    public func load() throws -> Workflow {
        var pin: RuleSetID?
        if let ruleSet {
            guard let id = RuleSetID(rawValue: ruleSet) else {
                throw CommandFailure.usage("unknown rule set \(ruleSet)")
            }
            pin = id
        }
        do {
            return try WorkflowLoader.load(directory: directory, policyFile: policy, pin: pin)
        } catch {
            throw CommandFailure.usage("workflow: \(error)")
        }
    }
}
