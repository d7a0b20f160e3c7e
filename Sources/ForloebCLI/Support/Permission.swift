import ForloebStore
import Foundation
import Logging

/// The check that an identity may run a verb, made before the verb changes anything, and the refusal (exit 4)
/// when it may not: logged with the identity and the verb, and naming the role it would need.
enum Permission {
    static let logger = Logger(label: "forloeb.cli")

    /// Throws `CommandFailure.notPermitted` (exit 4) unless the store's identity may do what `role` is for.
    static func require(_ role: StoreRole, verb: String, on store: any CaseStore) async throws {
        let identity: String
        let permitted: Bool
        do {
            identity = try await store.identity()
            permitted = try await store.permits(role)
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        guard !permitted else { return }
        throw refusal(role: role, verb: verb, identity: identity, url: store.url)
    }

    /// The refusal of `verb` to `identity`, logged (stderr, through swift-log: identity, verb, role and the store
    /// without its password).
    static func refusal(role: StoreRole, verb: String, identity: String, url: StoreURL, detail: String? = nil)
        -> CommandFailure
    {
        logger.warning(
            "refused: not permitted",
            metadata: [
                "identity": "\(identity)", "verb": "\(verb)", "role": "\(role.rawValue)", "store": "\(url.redacted)",
            ])
        let why = detail.map { " (\($0))" } ?? ""
        switch url {
        case .postgres:
            return .notPermitted(
                "`forloeb \(verb)` is not permitted for \(identity)\(why): it needs role \(role.rawValue) "
                    + "(\(role.purpose)); a database administrator grants it with "
                    + "GRANT \(role.rawValue) TO \(identity). Nothing was changed.")
        case .sqlite(let path):
            return .notPermitted(
                "`forloeb \(verb)` is not permitted for \(identity)\(why): it needs write access to \(path) and its "
                    + "folder (the operators' group, see the README). Nothing was changed.")
        }
    }

    /// The refusal of an approval by the identity that requested the action (four eyes), logged.
    static func ownApproval(_ id: Int64, identity: String, message: String) -> CommandFailure {
        logger.warning(
            "refused: not permitted",
            metadata: ["identity": "\(identity)", "verb": "approve", "pendingAction": "\(id)"])
        return .notPermitted("\(message). Nothing was changed.")
    }

    /// The verb being run, for a refusal found only when the database said no (SQLSTATE 42501): the
    /// subcommand's words from the command line.
    static var currentVerb: String {
        let words = CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }
        let groups: Set<String> = ["dead-letters", "rejections", "audit", "pending"]
        guard let first = words.first else { return "forloeb" }
        return groups.contains(first) ? words.prefix(2).joined(separator: " ") : first
    }
}
