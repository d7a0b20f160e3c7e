import ArgumentParser

/// `forloeb rejections`: the events rejected on cases, and their replay.
struct RejectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejections",
        abstract: "List rejected events, or replay one (e.g. after the missing earlier event arrived).",
        discussion: """
            Example:
              forloeb rejections list --code invalid_transition
              forloeb rejections replay MSG-123 --operator jdoe --reason "plan arrived late"
            """,
        subcommands: [RejectionsListCommand.self, RejectionsReplayCommand.self]
    )
}
