import ArgumentParser

/// `forloeb pending`: dangerous bulk actions waiting for a second operator (four eyes).
struct PendingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: "List actions waiting for a second operator's approval (four eyes).",
        discussion: """
            `dead-letters drop` of more than one message, and a `rebuild` that would change cases, do not run at
            once: they wait here until another identity approves them with `forloeb approve ID --reason TEXT`.
            Example:
              forloeb pending list
            """,
        subcommands: [PendingListCommand.self]
    )
}
