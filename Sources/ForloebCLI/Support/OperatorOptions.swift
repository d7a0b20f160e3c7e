import ArgumentParser
import Foundation

/// Who runs an audited verb and why: written to the store's audit log with the verb's effect.
struct OperatorOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: "Who is acting (default: FORLOEB_OPERATOR, else $USER).")
    var operatorId: String?

    @Option(help: "Why, for the audit log.")
    var reason: String?

    var resolvedOperator: String {
        let environment = ProcessInfo.processInfo.environment
        return operatorId ?? environment["FORLOEB_OPERATOR"] ?? environment["USER"] ?? "unknown"
    }

    /// The operator and reason of a mending verb, both given explicitly: an action that changes a citizen's
    /// case is never recorded under a guessed identity or without a why. Missing either is a usage error.
    func required() throws -> (operatorId: String, reason: String) {
        guard let operatorId, !operatorId.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure.usage("this verb changes the store: --operator ID is required (it goes into the audit log)")
        }
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure.usage("this verb changes the store: --reason TEXT is required (it goes into the audit log)")
        }
        return (operatorId, reason)
    }
}
