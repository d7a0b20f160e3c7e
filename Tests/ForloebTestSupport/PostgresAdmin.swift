import ForloebStore
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
}
