import ArgumentParser
import ForloebAMQP
import Foundation

/// The broker a verb talks to: `--amqp`, else `FORLOEB_AMQP_URL` (CONTRACT.md §5).
///
/// Why the environment is the normal route: a URL on the command line would show its password in `ps`;
/// `--amqp` is for URLs without one (a password file via `FORLOEB_AMQP_PASSWORD_FILE`, or TLS with
/// certificates). TLS files come from the URL's query or `FORLOEB_AMQP_CA_FILE` / `_CERT_FILE` / `_KEY_FILE`.
public struct AMQPOptions: ParsableArguments {
    @Option(name: .customLong("amqp"), help: "The broker: amqp:// or amqps:// URL (default: FORLOEB_AMQP_URL).")
    public var url: String?

    public init() {}

    /// The parsed URL; `CommandFailure.usage` when none is given or it does not parse.
    public func resolve() throws -> AMQPURL {
        let environment = ProcessInfo.processInfo.environment
        guard let text = url ?? environment["FORLOEB_AMQP_URL"], !text.isEmpty else {
            throw CommandFailure.usage("no broker: set FORLOEB_AMQP_URL or pass --amqp")
        }
        do {
            return try AMQPURL(text, environment: environment)
        } catch let error as AMQPError {
            throw CommandFailure.usage(error.message)
        }
    }

    /// Connects; a broker that cannot be reached (or refuses us) is `CommandFailure.unreachable`, exit 3,
    /// and the message names the URL without its password.
    public func connect() async throws -> AMQPConnection {
        let url = try resolve()
        do {
            return try await AMQPConnection.connect(to: url)
        } catch let error as AMQPError {
            throw CommandFailure.unreachable("cannot connect to the broker at \(url.redacted): \(error.message)")
        }
    }
}
