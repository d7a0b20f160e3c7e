import ArgumentParser
import Foundation

/// Why an audited verb runs, and optionally a display name for who runs it: written to the store's audit log with
/// the verb's effect.
///
/// Who acted is not an argument: the store records the identity the system vouches for (PostgreSQL's
/// authenticated role, SQLite's operating-system user). `--operator` only adds a display name beside it.
struct OperatorOptions: ParsableArguments {
    @Option(
        name: .customLong("operator"),
        help: ArgumentHelp(
            "A display name for the audit log (default: FORLOEB_OPERATOR, else none).",
            discussion: "Stored beside the identity the system vouches for, never in its place."))
    var operatorId: String?

    @Option(help: "Why, for the audit log.")
    var reason: String?

    /// The display name given, or empty.
    var displayName: String {
        let given = operatorId ?? ProcessInfo.processInfo.environment["FORLOEB_OPERATOR"] ?? ""
        return given.trimmingCharacters(in: .whitespaces)
    }

    /// The display name and reason of a mending verb: an action that changes a citizen's case is never recorded
    /// without a why. A missing reason is a usage error; the display name is optional.
    func required() throws -> (operatorId: String, reason: String) {
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure.usage("this verb changes the store: --reason TEXT is required (it goes into the audit log)")
        }
        return (displayName, reason)
    }
}
