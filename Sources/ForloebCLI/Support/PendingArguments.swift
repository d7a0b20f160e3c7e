import ArgumentParser
import Foundation

/// The arguments of a pending action as stored (JSON), and back as what its verb runs with.
enum PendingArguments {
    struct Drop: Codable {
        var deadLetters: [Int64]
    }

    struct Rebuild: Codable {
        var workflows: String?
        var policy: String?
        var ruleSet: String?
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw CommandFailure.usage("the pending action's arguments do not read: \(json)")
        }
    }

    static func deadLetterIds(_ json: String) throws -> [Int64] { try decode(Drop.self, json).deadLetters }

    /// The workflow a rebuild was requested with: its folder as an absolute path, so that an approver in another
    /// directory replays the same.
    static func rebuild(_ options: WorkflowOptions) -> String {
        let directory = options.directory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let policy = options.policy.map { $0.contains("/") ? URL(fileURLWithPath: $0).standardizedFileURL.path : $0 }
        return encode(Rebuild(workflows: directory, policy: policy, ruleSet: options.ruleSet))
    }

    static func workflow(_ json: String) throws -> WorkflowOptions {
        let stored = try decode(Rebuild.self, json)
        var arguments: [String] = []
        if let workflows = stored.workflows { arguments += ["--workflows", workflows] }
        if let policy = stored.policy { arguments += ["--policy", policy] }
        if let ruleSet = stored.ruleSet { arguments += ["--rule-set", ruleSet] }
        do {
            return try WorkflowOptions.parse(arguments)
        } catch {
            throw CommandFailure.usage("the pending rebuild's workflow options do not parse: \(json)")
        }
    }
}
