import ForloebCore
import ForloebPostgres
import ForloebSQLite
import ForloebStore
import ForloebTestSupport
import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing

/// The schema states its invariants (a CHECK on every enum column), and a store written before it upgrades in
/// place: `Fixtures/` holds a store written by forloeb at migration 006 (the sample stream, a rejected and an
/// unattached message, two dead letters, an audited resend and drop), as a SQLite file and as a `pg_dump`.
@Suite struct StoreUpgradeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    /// The audit hashes the store at migration 006 holds: the chain must read the same after the upgrade.
    static let auditHashes = [
        "56996039c6b43cb1e3b86651df64597197fbab8b7a58dc49acaa66b1fc8b4bce",
        "dffbb5cfc46e79a8cf98d6f9f24a2db1d934f19550c7c5b0e9fc1eeeada57fd0",
        "032a649b8a166e70e929cd9768268be5b25c013a916b9f715d82912361be5428",
        "53fd049e2f1f9e9c511318013ae197434fc93547225ec627c38bcc1eb517a2a6",
    ]

    static let before = StoreCounts(
        cases: 10, events: 78, processed: 100, rejections: 22, deadlines: 14, outboxPending: 72, outboxSent: 0,
        deadLetters: 2, auditEntries: 4)

    /// A store at migration 006 as today's code wrote it, on `backend`.
    static func withOldStore(_ backend: StoreBackend, _ body: (any CaseStore, TestDatabase) async throws -> Void)
        async throws
    {
        try await backend.withStore { db in
            switch db.url {
            case .sqlite(let path):
                try FileManager.default.copyItem(
                    atPath: fixtures.appendingPathComponent("store-006.sqlite").path, toPath: path)
            case .postgres(let address):
                let dump = try String(
                    contentsOf: fixtures.appendingPathComponent("store-006-postgres.sql"), encoding: .utf8)
                let logger = Logger(label: "forloeb.tests", factory: { _ in SwiftLogNoOpLogHandler() })
                let connection = try await PostgresConnection.connect(
                    configuration: .init(
                        host: address.host, port: address.port, username: address.user, password: address.password,
                        database: address.database, tls: .disable),
                    id: 0, logger: logger)
                do {
                    for statement in Self.statements(of: dump) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.close()
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
            try await body(try await db.open(migrate: false), db)
        }
    }

    /// The statements of a `pg_dump` script, one by one (the extended protocol takes one at a time): a statement
    /// ends with a line ending in `;` outside a `$$` body.
    static func statements(of script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if current.isEmpty && (line.hasPrefix("--") || line.trimmingCharacters(in: .whitespaces).isEmpty) {
                continue
            }
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && line.hasSuffix(";") {
                statements.append(current)
                current = ""
            }
        }
        return statements
    }

    @Test(arguments: StoreBackend.available)
    func aStoreAtMigration006UpgradesInPlace(_ backend: StoreBackend) async throws {
        try await Self.withOldStore(backend) { store, _ in
            let old = StoreMigration.ordered.prefix(6).map(\.rawValue)
            #expect(try await store.appliedMigrations() == old)
            #expect(try await store.counts() == Self.before)
            let report = try await store.migrate()
            #expect(report.applied == StoreMigration.ordered.dropFirst(6).map(\.rawValue))
            #expect(report.alreadyApplied == old)
            #expect(Set(report.refreshedChecks) == Set(EnumCheck.all.map(\.name)))
            #expect(try await store.appliedMigrations() == StoreMigration.ordered.map(\.rawValue))
            // Nothing lost, the audit chain unchanged and whole, every row still reads.
            #expect(try await store.counts() == Self.before)
            #expect(try await store.auditLog(caseId: nil, limit: 10).map(\.hash) == Self.auditHashes)
            let verification = try await store.verifyAudit()
            #expect(verification.isIntact && verification.records == 4)
            let record = try #require(try await store.caseRecord("K-2026-000300"))
            #expect(record.snapshot.state == .requested)
            #expect(record.rejections.map(\.code) == [.schemeAbolished])
            #expect(try await store.deadLetters(includeResolved: true, limit: 10).count == 2)
            #expect(try await store.rejections(matching: RejectionFilter(limit: 100)).count == 22)
            // The counters `stats` reads are filled from the rows already stored (migration 010).
            let at = Instant(rfc3339: "2026-11-23T12:00:00Z")!
            func expectCountersAgree() async throws {
                let stats = try await store.statistics(at: at)
                let cases = try await store.cases(matching: CaseFilter(limit: 1000))
                #expect(!cases.isEmpty)
                #expect(stats.casesByState == Dictionary(grouping: cases, by: \.state).mapValues(\.count))
                let due = try await store.dueDeadlines(dueBy: at, limit: 100_000)
                #expect(stats.overdueByKind == Dictionary(grouping: due, by: \.deadline.kind).mapValues(\.count))
            }
            try await expectCountersAgree()
            // A second run has nothing to do; the store takes new work.
            let again = try await store.migrate()
            #expect(again.applied.isEmpty && again.refreshedChecks.isEmpty)
            let outcomes = try await store.apply(
                StoreFixture.messages([
                    StoreFixture.event(
                        "up-1", caseId: "K-2026-000300", type: "case.closed", data: #"{"reason":"withdrawn"}"#)
                ]), journey: try StoreFixture.journey(), at: StoreFixture.now)
            #expect(outcomes.count == 1)
            try await expectCountersAgree()
        }
    }

    @Test(arguments: StoreBackend.available)
    func theSchemaRefusesValuesTheEnumsDoNotHave(_ backend: StoreBackend) async throws {
        try await Self.withOldStore(backend) { store, db in
            _ = try await store.migrate()
            for statement in [
                "UPDATE cases SET state = 'limbo' WHERE case_id = 'K-2026-000300'",
                "UPDATE deadlines SET kind = 'tea_break' WHERE case_id = 'K-2026-000105' AND kind = 'followup'",
                "UPDATE rejections SET code = 'grumpy' WHERE id = 1",
                "UPDATE dead_letters SET code = 'lost' WHERE id = 2",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") { try await db.execute(statement) }
            }
            #expect(try await store.caseRecord("K-2026-000300")?.snapshot.state == .requested)
        }
    }

    @Test(arguments: StoreBackend.available)
    func migrateRewritesAChecksValuesWhenTheEnumGrew(_ backend: StoreBackend) async throws {
        try await backend.withStore { db in
            let store = try await db.open()
            // As if the store had been migrated by a forloeb that knew only one deadline kind.
            try await db.execute(
                "UPDATE forloeb_enum_checks SET allowed = 'followup' WHERE name = 'deadlines_kind_known'")
            let report = try await store.migrate()
            #expect(report.refreshedChecks == ["deadlines_kind_known"])
            #expect(try await store.migrate().refreshedChecks.isEmpty)
            await #expect(throws: (any Error).self) {
                try await db.execute("INSERT INTO deadlines (case_id, kind, due_at) VALUES ('none', 'tea_break', 0)")
            }
        }
    }

    /// SQLite's checks compare the value with each allowed one: an `IN` list over constants made SQLite build a
    /// temporary index for every row inserted. A store migrated before 012 has them rewritten.
    @Test func sqliteChecksCompareAndAStoreAt011GetsThemRewritten() async throws {
        try await StoreBackend.sqlite.withStore { db in
            let store = try await db.open()
            guard case .sqlite(let path) = db.url else { return }
            func checkedTables() async throws -> [String: String] {
                try await DatabaseQueue(path: path).read { db in
                    Dictionary(
                        uniqueKeysWithValues: try Row.fetchAll(
                            db, sql: "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%_known CHECK%'"
                        ).map { ($0["name"] as String, $0["sql"] as String) })
                }
            }
            let tables = try await checkedTables()
            #expect(Set(tables.keys) == Set(EnumCheck.all.map(\.table)))
            for (table, sql) in tables {
                let checks = try #require(sql.range(of: "enum checks */"))
                #expect(!sql[checks.upperBound...].contains(" IN ("), "\(table)")
            }
            // As if migrated by a forloeb before 012: the step runs and every check is written again.
            try await db.execute("DELETE FROM forloeb_migrations WHERE name = '012_enum_checks_compared'")
            let report = try await store.migrate()
            #expect(report.applied == ["012_enum_checks_compared"])
            #expect(Set(report.refreshedChecks) == Set(EnumCheck.all.map(\.name)))
            #expect(try await checkedTables() == tables)
            let refused = await #expect(throws: (any Error).self) {
                try await db.execute("INSERT INTO deadlines (case_id, kind, due_at) VALUES ('none', 'tea_break', 0)")
            }
            #expect("\(refused.map { "\($0)" } ?? "")".contains("deadlines_kind_known"))
        }
    }
}
