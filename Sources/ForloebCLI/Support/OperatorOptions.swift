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
}
