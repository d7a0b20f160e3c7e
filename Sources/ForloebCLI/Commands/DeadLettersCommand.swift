import ArgumentParser

/// `forloeb dead-letters`: messages tied to no case, to inspect, correct and replay, or drop.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: """
            List, show, replay (optionally corrected) or drop messages that could not be tied to a case, or that \
            the store failed on every retry.
            """,
        discussion: """
            These are the store's copies of what the worker also published to forloeb.events.dead (code and
            detail in its headers): code malformed (no readable case) or retry_exhausted (replay it once the
            store is back). Example:
              forloeb dead-letters list
              forloeb dead-letters replay 7 --body fixed.json --operator jdoe --reason "caseId restored"
            """,
        subcommands: [
            DeadLettersListCommand.self, DeadLettersShowCommand.self, DeadLettersReplayCommand.self,
            DeadLettersDropCommand.self,
        ]
    )
}
