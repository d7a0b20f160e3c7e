import ForloebCore
import Foundation

/// The migration driver, written once over the one ordered list (`StoreMigration`), each step's SQL in the
/// driver's dialect and in its own transaction.
extension SQLCaseStore {
    public func migrate() async throws -> MigrationReport {
        try await driver.migrationTransaction { session in
            try await session.execute(
                StoreStatement(
                    """
                    CREATE TABLE IF NOT EXISTS forloeb_migrations (
                        name TEXT PRIMARY KEY NOT NULL, position BIGINT NOT NULL, applied_at BIGINT NOT NULL)
                    """))
        }
        var applied: [String] = []
        var already: [String] = []
        let dialect = self.dialect
        for (index, migration) in StoreMigration.ordered.enumerated() {
            let name = migration.rawValue
            let ran: Bool
            do {
                ran = try await driver.migrationTransaction { session in
                    let present = try await session.rows(
                        StoreStatement("SELECT name FROM forloeb_migrations WHERE name = ?", [.text(name)]))
                    guard present.isEmpty else { return false }
                    for statement in migration.statements(for: dialect) {
                        try await session.execute(StoreStatement(statement))
                    }
                    try await session.execute(
                        StoreStatement(
                            "INSERT INTO forloeb_migrations (name, position, applied_at) VALUES (?, ?, ?)",
                            [.text(name), .int(index + 1), .integer(Int64(Date().timeIntervalSince1970))]))
                    return true
                }
            } catch let error as StoreError where error.isTransient || error.code == .schema {
                throw error
            } catch {
                let message = (error as? StoreError)?.message ?? "\(error)"
                throw StoreError(.schema, "migration \(name) failed: \(message)", cause: error)
            }
            if ran { applied.append(name) } else { already.append(name) }
        }
        let refreshed = try await refreshEnumChecks()
        try await grantRoles()
        var report = MigrationReport(applied: applied, alreadyApplied: already, refreshedChecks: refreshed)
        if dialect == .postgres { report.grantedRoles = StoreRole.allCases.map(\.rawValue) }
        return report
    }

    /// Rewrites the enum CHECKs whose allowed values differ from those recorded (`EnumCheck`).
    func refreshEnumChecks() async throws -> [String] {
        let recorded = try await driver.read { session in
            var recorded: [String: String] = [:]
            for row in try await session.rows(StoreStatement("SELECT name, allowed FROM forloeb_enum_checks")) {
                let r = RowReader(row, table: "forloeb_enum_checks", key: "name")
                recorded[try r.string("name")] = try r.string("allowed")
            }
            return recorded
        }
        let stale = EnumCheck.stale(recorded: recorded)
        guard !stale.isEmpty else { return [] }
        do {
            try await driver.rewriteEnumChecks(stale)
        } catch {
            let message = (error as? StoreError)?.message ?? "\(error)"
            throw StoreError(.schema, "writing the enum checks failed: \(message)", cause: error)
        }
        return stale.flatMap { $0.checks.map(\.name) }
    }

    public func appliedMigrations() async throws -> [String] {
        let exists = dialect.tableExists("forloeb_migrations")
        return try await driver.read { session in
            guard
                let row = try await session.rows(exists).first,
                try RowReader(row, table: "forloeb_migrations", key: "name").int("present") > 0
            else { return [] }
            return try await session.rows(StoreStatement("SELECT name FROM forloeb_migrations ORDER BY position"))
                .map { try RowReader($0, table: "forloeb_migrations", key: "name").string("name") }
        }
    }
}

extension StoreDialect {
    /// One row with `present` > 0 when table `name` exists.
    package func tableExists(_ name: String) -> StoreStatement {
        switch self {
        case .sqlite:
            StoreStatement(
                "SELECT count(*) AS present FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(name)])
        case .postgres:
            StoreStatement("SELECT count(to_regclass(?)) AS present", [.text(name)])
        }
    }

    /// The SQL of the enum checks' rewrite on PostgreSQL, with the record of their values, in `all`'s order.
    package func enumCheckStatements(_ stale: [(table: String, checks: [EnumCheck])]) -> [StoreStatement] {
        stale.map { StoreStatement(EnumCheck.postgresStatements(table: $0.table, checks: $0.checks)) }
            + EnumCheck.all.map { check in
                StoreStatement(
                    """
                    INSERT INTO forloeb_enum_checks (name, allowed) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET allowed = excluded.allowed
                    """, [.text(check.name), .text(check.allowed)])
            }
    }
}
