import ForloebCore
import ForloebPostgres
import ForloebStore
import ForloebTestSupport
import Foundation
import Testing

/// The roles `migrate` grants on PostgreSQL: the narrowest that work, and nobody changes the audit log.
@Suite struct StoreRoleTests {
    /// Fails the statement (and the test) unless every condition holds: checked by the server as the owner.
    static func require(_ conditions: [String]) -> String {
        """
        DO $$ BEGIN
        \(conditions.map { "IF NOT (\($0)) THEN RAISE EXCEPTION 'does not hold: %', \("'" + $0.replacingOccurrences(of: "'", with: "''") + "'"); END IF;" }.joined(separator: "\n"))
        END $$
        """
    }

    @Test func migrateGrantsTheNarrowestRolesAndNoneMayChangeTheAuditLog() async throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        try await StoreBackend.postgres.withStore { database in
            let owner = try await database.open()
            #expect(try await owner.migrate().grantedRoles == ["forloeb_reader", "forloeb_operator", "forloeb_worker"])
            let roles = StoreRole.allCases.map(\.rawValue)
            var conditions: [String] = []
            for role in roles {
                for privilege in ["UPDATE", "DELETE", "TRUNCATE"] {
                    conditions.append("NOT has_table_privilege('\(role)', 'audit_log', '\(privilege)')")
                }
                conditions.append("has_table_privilege('\(role)', 'cases', 'SELECT') OR '\(role)' = 'forloeb_worker'")
            }
            conditions += [
                "has_table_privilege('forloeb_operator', 'audit_log', 'INSERT')",
                "NOT has_table_privilege('forloeb_reader', 'audit_log', 'INSERT')",
                "NOT has_table_privilege('forloeb_worker', 'audit_log', 'INSERT')",
                "NOT has_table_privilege('forloeb_worker', 'audit_log', 'SELECT')",
                "NOT has_table_privilege('forloeb_reader', 'cases', 'UPDATE')",
                "NOT has_table_privilege('forloeb_reader', 'dead_letters', 'UPDATE')",
                "NOT has_table_privilege('forloeb_operator', 'events', 'UPDATE')",
                "NOT has_table_privilege('forloeb_worker', 'events', 'DELETE')",
                "NOT has_table_privilege('public', 'audit_log', 'SELECT')",
            ]
            try await database.execute(Self.require(conditions))
        }
    }

    /// The worker's own role suffices for what the worker does, and cannot write the audit log.
    @Test func theWorkerRoleAppliesNotifiesAndMarksButNeverAudits() async throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        try await StoreBackend.postgres.withStore { database in
            let owner = try await database.open()
            guard case .postgres(let address) = database.url else { return }
            try await PostgresAdmin.withLogin(address, prefix: "forloeb_t_worker_", in: "forloeb_worker") { asWorker in
                let store = PostgresCaseStore(asWorker)
                do {
                    let journey = try StoreFixture.journey()
                    try await StoreFixture.apply(
                        StoreFixture.stream(cases: 5), to: store, batchSize: 50, journey: journey)
                    #expect(try await owner.counts().cases == 5)
                    // The scheduler's notices and the dead letters of messages it gave up on.
                    _ = try await store.unnotifiedDeadlines(dueBy: StoreFixture.now, notice: .overdue, limit: 10)
                    let caseId = try #require(try await owner.cases(matching: CaseFilter()).first?.caseId)
                    let notices = [
                        CaseNotification.deadlineOverdue(
                            DeadlineNotice(caseId: caseId, kind: .decisionDue, dueAt: StoreFixture.now))
                    ]
                    #expect(try await store.recordNotices(notices, at: StoreFixture.now).count == notices.count)
                    let gaveUp = DeadLetterEntry(
                        messageId: "m-1", body: Data("{}".utf8), code: .retryExhausted, detail: "store away")
                    #expect(try await store.recordDeadLetters([gaveUp], at: StoreFixture.now) == 1)
                    let pending = try await store.pendingOutbox(limit: 100)
                    try await store.markSent(pending.map(\.id), at: StoreFixture.now)
                    #expect(try await store.permits(.worker))
                    #expect(try await !store.permits(.operator))
                    do {
                        _ = try await store.appendAudit(
                            AuditEntry(operatorId: "", at: StoreFixture.now, action: "replay", reason: "x"))
                        Issue.record("the worker appended to the audit log")
                    } catch let error as StoreError {
                        #expect(error.code == .notPermitted, "\(error)")
                    }
                    try await store.close()
                } catch {
                    try? await store.close()
                    throw error
                }
            }
        }
    }

    /// Past the CLI's up-front check, the database itself refuses a reader's write (SQLSTATE 42501), which the
    /// store reports as `notPermitted` (the CLI's exit 4); nothing is written.
    @Test func theDatabaseRefusesAReadersWriteAsNotPermitted() async throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        try await StoreBackend.postgres.withStore { database in
            let owner = try await database.open()
            try await StoreFixture.apply(
                StoreFixture.stream(cases: 2), to: owner, batchSize: 50, journey: try StoreFixture.journey())
            guard case .postgres(let address) = database.url else { return }
            try await PostgresAdmin.withLogin(address, prefix: "forloeb_t_reader_", in: "forloeb_reader") { asReader in
                let store = PostgresCaseStore(asReader)
                do {
                    #expect(try await store.counts().cases == 2)
                    #expect(try await !store.permits(.operator))
                    for write in [
                        {
                            _ = try await store.appendAudit(
                                AuditEntry(operatorId: "", at: StoreFixture.now, action: "x", reason: "x"))
                        },
                        {
                            _ = try await store.requeueOutbox(
                                [1],
                                audit: AuditEntry(operatorId: "", at: StoreFixture.now, action: "resend", reason: "x"))
                        },
                    ] as [@Sendable () async throws -> Void] {
                        do {
                            try await write()
                            Issue.record("a reader wrote")
                        } catch let error as StoreError {
                            #expect(error.code == .notPermitted, "\(error)")
                        }
                    }
                    #expect(try await owner.auditLog(caseId: nil, limit: 10).isEmpty)
                    try await store.close()
                } catch {
                    try? await store.close()
                    throw error
                }
            }
        }
    }
}
