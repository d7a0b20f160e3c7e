import ForloebCore
import Foundation

/// Finds and loads the `Workflows/` folder: `rules/*.yaml`, `ressourceforloeb.yaml` and an optional
/// municipal policy on top.
public enum WorkflowLoader {
    /// Loads from `directory`, with `policyFile` (a path, or a name under `policies/`) overriding the defaults,
    /// and `pin` fixing one rule set for every date.
    public static func load(
        directory: String? = nil, policyFile: String? = nil, pin: RuleSetID? = nil
    ) throws(WorkflowError) -> Workflow {
        let root = directory ?? defaultDirectory()
        let rulesDirectory = root + "/rules"
        let ruleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        guard !ruleFiles.isEmpty else {
            throw WorkflowError(file: rulesDirectory, line: nil, key: "", message: "no rule sets (*.yaml) found")
        }
        var ruleSets: [RuleSet] = []
        for name in ruleFiles {
            let path = rulesDirectory + "/" + name
            let ruleSet = try RuleSetLoader.load(yaml: try read(path), file: path)
            guard name == ruleSet.id.rawValue + ".yaml" else {
                throw WorkflowError(
                    file: path, line: nil, key: "id",
                    message: "rule set \(ruleSet.id.rawValue) must be in \(ruleSet.id.rawValue).yaml")
            }
            ruleSets.append(ruleSet)
        }
        let basePath = root + "/ressourceforloeb.yaml"
        var sources = ruleFiles.map { rulesDirectory + "/" + $0 } + [basePath]
        var draft = PolicyLoader.Draft()
        try PolicyLoader.read(yaml: try read(basePath), file: basePath, into: &draft)
        if let policyFile {
            let path = resolvePolicy(policyFile, root: root)
            try PolicyLoader.read(yaml: try read(path), file: path, into: &draft)
            sources.append(path)
        }
        let rules = RuleBook(ruleSets, pinned: pin ?? draft.pinRuleSet)
        let policy = try PolicyLoader.finish(draft, rules: rules, baseFile: basePath)
        return Workflow(rules: rules, policy: policy, sources: sources)
    }

    /// Loads a policy from text, on top of the default file text: for tests and tools that hold files in memory.
    public static func policy(
        base: (yaml: String, file: String), overlay: (yaml: String, file: String)? = nil, rules: RuleBook
    ) throws(WorkflowError) -> WorkflowPolicy {
        var draft = PolicyLoader.Draft()
        try PolicyLoader.read(yaml: base.yaml, file: base.file, into: &draft)
        if let overlay { try PolicyLoader.read(yaml: overlay.yaml, file: overlay.file, into: &draft) }
        return try PolicyLoader.finish(draft, rules: rules, baseFile: base.file)
    }

    public static func ruleSet(yaml: String, file: String) throws(WorkflowError) -> RuleSet {
        try RuleSetLoader.load(yaml: yaml, file: file)
    }

    /// Where `Workflows/` is: `FORLOEB_WORKFLOWS`, else `./Workflows`, else an installed copy beside the
    /// executable (`../share/forloeb/Workflows`), else the source tree this binary was built from.
    public static func defaultDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["FORLOEB_WORKFLOWS"], !configured.isEmpty { return configured }
        let fileManager = FileManager.default
        let candidates = [
            fileManager.currentDirectoryPath + "/Workflows",
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
                .appendingPathComponent("../share/forloeb/Workflows").path,
            sourceTreeDirectory,
        ]
        return candidates.first { fileManager.fileExists(atPath: $0 + "/ressourceforloeb.yaml") } ?? sourceTreeDirectory
    }

    /// `Workflows/` of the checkout this module was compiled from.
    public static let sourceTreeDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Workflows").path

    static func resolvePolicy(_ name: String, root: String) -> String {
        if name.contains("/") || name.hasSuffix(".yaml") && FileManager.default.fileExists(atPath: name) { return name }
        return root + "/policies/" + (name.hasSuffix(".yaml") ? name : name + ".yaml")
    }

    static func read(_ path: String) throws(WorkflowError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkflowError(file: path, line: nil, key: "", message: "cannot read the file")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
