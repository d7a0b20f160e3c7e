import ArgumentParser

/// A failure a verb reports to its user, mapped to the contract's exit codes.
public enum CommandFailure: Error, CustomStringConvertible {
    /// Exit 1: the case or item does not exist, or nothing matched a check.
    case notFound(String)
    /// Exit 2: the arguments or inputs are unusable.
    case usage(String)
    /// Exit 3: the store or the broker cannot be reached (the message names the URL without its password).
    case unreachable(String)
    /// Exit 4: the identity running the verb may not do it (it lacks the role, or would approve its own pending
    /// action); nothing was changed, and the refusal was logged.
    case notPermitted(String)

    public var description: String {
        switch self {
        case .notFound(let message), .usage(let message), .unreachable(let message), .notPermitted(let message):
            message
        }
    }

    public var exitCode: ExitCode {
        switch self {
        case .notFound: ExitCode(1)
        case .usage: ExitCode(2)
        case .unreachable: ExitCode(3)
        case .notPermitted: ExitCode(4)
        }
    }
}
