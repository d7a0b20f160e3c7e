import ForloebStore
import Logging
import PostgresNIO

/// `RawDatabase` over its own connection to the store's PostgreSQL database.
final class PostgresRaw: RawDatabase {
    let connection: PostgresConnection
    let logger = Logger(label: "forloeb.bench", factory: { _ in SwiftLogNoOpLogHandler() })

    init(_ address: StoreURL.PostgresAddress) async throws {
        connection = try await PostgresConnection.connect(
            configuration: .init(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: .disable),
            id: 1, logger: logger)
    }

    func createRawTable() async throws {
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS bench_raw (id BIGSERIAL PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)",
            logger: logger)
    }

    func insertRaw(_ rows: [(String, String)]) async throws {
        var bindings = PostgresBindings()
        var values: [String] = []
        for (id, body) in rows {
            bindings.append(id)
            bindings.append(body)
            values.append("($\(bindings.count - 1), $\(bindings.count))")
        }
        try await connection.query("BEGIN", logger: logger)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "INSERT INTO bench_raw (message_id, body) VALUES " + values.joined(separator: ","),
                binds: bindings),
            logger: logger)
        try await connection.query("COMMIT", logger: logger)
    }

    func seedOpenCases(_ cases: Int, snapshot: String, kinds: [String]) async throws {
        try await connection.query(
            """
            INSERT INTO cases (case_id, version, revision, state, municipality, caseworker, course_number, course_end,
                last_event_at, snapshot, updated_at)
            SELECT 'B-' || lpad(i::text, 7, '0'), 5, 1, 'active', '0260', 'sb-' || (i % 97), 1, '2027-01-01',
                (1700000 * 1000) + i, \(snapshot), 0 FROM generate_series(0, \(cases - 1)) AS i
            """, logger: logger)
        for (index, kind) in kinds.enumerated() {
            try await connection.query(
                """
                INSERT INTO deadlines (case_id, kind, due_at)
                SELECT 'B-' || lpad(i::text, 7, '0'), \(kind), (1700000 * 1000) + ((i::bigint * 7919 + \(index) * 104729) % 94608000)
                FROM generate_series(0, \(cases - 1)) AS i
                """, logger: logger)
        }
        try await connection.query("ANALYZE", logger: logger)
    }

    func nthDueAt(_ n: Int) async throws -> Int64 {
        let offset = n - 1
        for try await value in try await connection.query(
            "SELECT due_at FROM deadlines ORDER BY due_at LIMIT 1 OFFSET \(offset)", logger: logger
        ).decode(Int.self) {
            return Int64(value)
        }
        return 0
    }

    func countAllDeadlines() async throws -> Int {
        for setting in ["enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"] {
            try await connection.query(PostgresQuery(unsafeSQL: "SET \(setting) = off"), logger: logger)
        }
        var count = 0
        for try await value in try await connection.query("SELECT count(*) FROM deadlines", logger: logger).decode(
            Int.self)
        {
            count = value
        }
        for setting in ["enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"] {
            try await connection.query(PostgresQuery(unsafeSQL: "RESET \(setting)"), logger: logger)
        }
        return count
    }

    func bytesOnDisk() async throws -> Int {
        try await connection.query("CHECKPOINT", logger: logger)
        for try await value in try await connection.query(
            "SELECT pg_database_size(current_database())", logger: logger
        ).decode(Int.self) {
            return value
        }
        return 0
    }

    func close() async throws {
        try await connection.close()
    }
}
