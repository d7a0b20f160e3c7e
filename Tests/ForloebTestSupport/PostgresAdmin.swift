import ForloebStore
import Foundation
import Logging
import PostgresNIO

/// Maintenance statements (CREATE / DROP DATABASE) for tests that give each case a fresh PostgreSQL database:
/// run on a connection of their own to the server's `postgres` database (or to `database`, for a test that
/// damages a store's rows on purpose).
public enum PostgresAdmin {
    public static func run(_ address: StoreURL.PostgresAddress, _ sql: String, in database: String = "postgres")
        async throws
    {
        let logger = Logger(label: "forloeb.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: database, tls: .disable),
            id: 0, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Creates a login role named `prefix` plus a random suffix (in `group`, when given), runs `body` with the
    /// address that logs in as it, and drops the role again, whether `body` throws or not. Roles belong to the
    /// whole cluster, so every test's role has a name of its own.
    public static func withLogin<T>(
        _ address: StoreURL.PostgresAddress, prefix: String, in group: String? = nil,
        _ body: (StoreURL.PostgresAddress) async throws -> T
    ) async throws -> T {
        let role = prefix + String(UUID().uuidString.prefix(8)).lowercased()
        let password = UUID().uuidString
        try await run(
            address, "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'" + (group.map { " IN ROLE \($0)" } ?? ""))
        var login = address
        login.user = role
        login.password = password
        do {
            let result = try await body(login)
            try await run(address, "DROP ROLE IF EXISTS \(role)")
            return result
        } catch {
            try? await run(address, "DROP ROLE IF EXISTS \(role)")
            throw error
        }
    }
}
