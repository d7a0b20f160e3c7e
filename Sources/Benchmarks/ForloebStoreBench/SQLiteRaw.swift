import ForloebSQLite
import Foundation
import GRDB

/// `RawDatabase` over a second connection pool on the store's SQLite file, with the same durability.
final class SQLiteRaw: RawDatabase {
    let path: String
    let pool: DatabasePool

    init(path: String, durability: SQLiteDurability) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)") }
        pool = try DatabasePool(path: path, configuration: config)
    }

    func createRawTable() async throws {
        try await pool.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)"
            )
        }
    }

    func insertRaw(_ rows: [(String, String)]) async throws {
        let rows = rows.map { [$0.0, $0.1] }
        try await pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let statement = try db.cachedStatement(sql: "INSERT INTO bench_raw (message_id, body) VALUES (?, ?)")
                for row in rows { try statement.execute(arguments: StatementArguments(row)) }
                return .commit
            }
        }
    }

    func seedOpenCases(_ cases: Int, snapshot: String, kinds: [String]) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                    INSERT INTO cases (case_id, version, revision, state, municipality, caseworker, course_number, course_end,
                        last_event_at, snapshot, updated_at)
                    SELECT printf('B-%07d', i), 5, 1, 'active', '0260', 'sb-' || (i % 97), 1, '2027-01-01',
                        (1700000 * 1000) + i, ?, 0 FROM n
                    """, arguments: [cases, snapshot])
            for (index, kind) in kinds.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO deadlines (case_id, kind, due_at)
                        SELECT case_id, ?, (1700000 * 1000) + ((rowid * 7919 + ? * 104729) % 94608000) * 1
                        FROM cases WHERE case_id LIKE 'B-%'
                        """, arguments: [kind, index])
            }
        }
    }

    func nthDueAt(_ n: Int) async throws -> Int64 {
        try await pool.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT due_at FROM deadlines ORDER BY due_at LIMIT 1 OFFSET ?", arguments: [n - 1]) ?? 0
        }
    }

    func countAllDeadlines() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM deadlines NOT INDEXED") ?? 0 }
    }

    func bytesOnDisk() async throws -> Int {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        var total = 0
        for suffix in ["", "-wal"] {
            total += (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0
        }
        return total
    }

    func close() async throws {
        try pool.close()
    }
}
