import ArgumentParser

/// `forloeb audit`: the hash-chained log of operator actions.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List operator actions, or verify that nobody edited the audit log.",
        discussion: """
            Example:
              forloeb audit list --case K-2026-000105
              forloeb audit verify
            """,
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self]
    )
}
