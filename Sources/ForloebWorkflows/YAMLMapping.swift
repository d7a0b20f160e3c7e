import ForloebCore
import Yams

/// A YAML mapping read strictly: every key must be expected, every error names file, line and key path.
struct YAMLMapping {
    let file: String
    let path: String
    let line: Int?
    let entries: [(key: String, value: Node, line: Int?)]

    init(_ node: Node, file: String, path: String = "") throws(WorkflowError) {
        guard let mapping = node.mapping else {
            throw WorkflowError(
                file: file, line: node.mark?.line, key: path, message: "expected a mapping of keys to values")
        }
        self.file = file
        self.path = path
        self.line = node.mark?.line
        var entries: [(key: String, value: Node, line: Int?)] = []
        for (key, value) in mapping {
            entries.append((key.string ?? "", value, key.mark?.line))
        }
        self.entries = entries
    }

    static func parse(_ yaml: String, file: String) throws(WorkflowError) -> YAMLMapping {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw WorkflowError(file: file, line: nil, key: "", message: "not valid YAML: \(error)")
        }
        guard let node else { throw WorkflowError(file: file, line: nil, key: "", message: "the file is empty") }
        return try YAMLMapping(node, file: file)
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : key.isEmpty ? path : path + "." + key }

    func error(_ key: String, _ message: String) -> WorkflowError {
        WorkflowError(
            file: file, line: entries.first(where: { $0.key == key })?.line ?? line, key: keyPath(key), message: message
        )
    }

    /// Fails on the first key that is not in `allowed`.
    func allowOnly(_ allowed: Set<String>) throws(WorkflowError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw WorkflowError(
                file: file, line: entry.line, key: keyPath(entry.key),
                message: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func node(_ key: String) -> Node? { entries.first(where: { $0.key == key })?.value }

    func has(_ key: String) -> Bool { node(key) != nil }

    func int(_ key: String, atLeast minimum: Int = 0) throws(WorkflowError) -> Int {
        guard let value = try intIfPresent(key, atLeast: minimum) else { throw error(key, "required") }
        return value
    }

    func intIfPresent(_ key: String, atLeast minimum: Int = 0) throws(WorkflowError) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int else { throw error(key, "expected a whole number") }
        guard value >= minimum else { throw error(key, "must be at least \(minimum), got \(value)") }
        return value
    }

    func string(_ key: String) throws(WorkflowError) -> String {
        guard let node = node(key) else { throw error(key, "required") }
        guard let value = node.string else { throw error(key, "expected text") }
        return value
    }

    func date(_ key: String) throws(WorkflowError) -> CivilDate {
        let text = try string(key)
        guard let date = CivilDate(iso: text) else { throw error(key, "expected a date YYYY-MM-DD, got \(text)") }
        return date
    }

    func mapping(_ key: String) throws(WorkflowError) -> YAMLMapping? {
        guard let node = node(key) else { return nil }
        return try YAMLMapping(node, file: file, path: keyPath(key))
    }

    func sequence(_ key: String) throws(WorkflowError) -> [Node]? {
        guard let node = node(key) else { return nil }
        guard let sequence = node.sequence else { throw error(key, "expected a list") }
        return Array(sequence)
    }
}
