import ForloebStore
import PostgresNIO

extension PostgresDriver {
    /// A postgres-nio or server error as a `StoreError`, classified by what the caller should do about it.
    ///
    /// Why the classes matter: a worker holds its batch and retries it in place on a transient error
    /// (`unreachable`, `unavailable`), where sending it to the retry queues would reorder a case's events; on any
    /// other error the batch is judged to be at fault. A server restart shows up as several of these: the
    /// running statement ends with 57P01 (or the socket closes), new connections are refused, then told "the
    /// database system is starting up" (57P03, on connecting: `unreachable` like every connect failure).
    /// The driver's error stays the result's `cause`.
    static func map(_ error: any Error) -> StoreError { StoreError.mapping(error, classify) }

    private static func classify(_ error: any Error) -> StoreError {
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                return map(sqlState: state, message: error.serverInfo?[.message] ?? state)
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return StoreError(.unreachable, describe(error))
            default:
                return StoreError(.io, describe(error))
            }
        }
        return StoreError(.io, describe(error))
    }

    /// The `StoreError` for a server error with SQLSTATE `state` (PostgreSQL's Appendix A).
    static func map(sqlState state: String, message: String) -> StoreError {
        switch state {
        case "23505":
            return StoreError(.conflict, "a concurrent writer got there first (\(message))")
        case "40001", "40P01":
            return StoreError(.conflict, "a concurrent transaction won (\(state))")
        case "42501":
            return StoreError(.notPermitted, "PostgreSQL 42501: \(message)")
        case "42P01", "42703":
            return StoreError(.schema, "\(message): run `forloeb migrate`")
        // The connection is gone or going: the server shutting down (admin or crash shutdown, a terminated
        // backend), an idle session ended.
        case "57P01", "57P02", "57P05":
            return StoreError(.unreachable, "PostgreSQL \(state): \(message)")
        // The server takes no work for now: starting up, read-only (a standby while failing over), a lock or
        // statement timeout, an I/O error on its side.
        case "57P03", "25006", "55P03", "57014", "58030":
            return StoreError(.unavailable, "PostgreSQL \(state): \(message)")
        default:
            break
        }
        switch state.prefix(2) {
        case "08":  // connection exceptions
            return StoreError(.unreachable, "PostgreSQL \(state): \(message)")
        case "53":  // out of connections, memory or disk
            return StoreError(.unavailable, "PostgreSQL \(state): \(message)")
        default:
            return StoreError(.io, "PostgreSQL \(state): \(message)")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(error.code): \(describe(underlying))" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
