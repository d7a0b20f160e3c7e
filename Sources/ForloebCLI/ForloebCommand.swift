import ArgumentParser

/// The one executable: the worker daemon, the operator's verbs and the integrator's tools.
public struct ForloebCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "forloeb",
        abstract: "Workflow orchestrator for Danish municipal ressourceforløb cases.",
        discussion: """
            Environment: FORLOEB_STORE (sqlite:PATH or postgres://…), FORLOEB_AMQP_URL (amqp:// or amqps://),
            FORLOEB_NOW (an RFC 3339 instant that replaces the clock), FORLOEB_WORKFLOWS (the Workflows folder).
            Exit codes: 0 ok, 1 not found or nothing matched, 2 usage, 3 infrastructure unreachable,
            4 not permitted (the identity running the verb lacks the role it needs, e.g. forloeb_operator for a
            mending verb, or would approve its own pending action; nothing was changed and the refusal is logged).
            Who acted is recorded from the system: PostgreSQL's authenticated role, SQLite's operating-system user;
            --operator only adds a display name.
            """,
        subcommands: [
            CheckCommand.self,
            GraphCommand.self,
            PublishCommand.self,
            SimulateCommand.self,
            ImportCommand.self,
            ShowCommand.self,
            MigrateCommand.self,
            RebuildCommand.self,
            WorkerCommand.self,
            ListCommand.self,
            StuckCommand.self,
            OverdueCommand.self,
            StatsCommand.self,
            ExplainCommand.self,
            RejectionsCommand.self,
            DeadLettersCommand.self,
            ResendCommand.self,
            AuditCommand.self,
            PendingCommand.self,
            ApproveCommand.self,
            SeedCommand.self,
            ConsoleCommand.self,
        ]
    )

    public init() {}
}
