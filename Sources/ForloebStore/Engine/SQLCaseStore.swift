import ForloebCore
import Foundation
import ServiceLifecycle

/// The store, written once: every `CaseStore` operation as SQL and row decoding over a back end's `StoreDriver`,
/// which supplies only its dialect (the SQL it reads differently, its read and transaction primitives, and the
/// bulk form of a batch's load and write).
///
/// `SQLiteCaseStore` and `PostgresCaseStore` are this class with their driver; the shared store suite tests it
/// once per back end. Open only so that the two back ends' modules can name their own store; its operations
/// are not overridable.
open class SQLCaseStore: CaseStore, @unchecked Sendable {
    public let url: StoreURL
    package let driver: any StoreDriver
    package let faults: StoreFaultHooks
    package let cache: SnapshotCache

    package init(url: StoreURL, driver: any StoreDriver, faults: StoreFaultHooks) {
        self.url = url
        self.driver = driver
        self.faults = faults
        self.cache = SnapshotCache()
    }

    package var dialect: StoreDialect { driver.dialect }

    public func close() async throws {
        try await driver.close()
    }

    public func poolService() -> (any Service)? {
        driver.poolService()
    }

    /// Marks outbox rows as confirmed by the broker, in the dialect's relaxed-durability commit (see the drivers).
    public func markSent(_ ids: [Int64], at now: Instant) async throws {
        guard !ids.isEmpty else { return }
        try await driver.markSent(ids, at: now)
    }

    // MARK: The apply driver

    /// Plans the batch and writes the plan in one transaction (with the options' dead letter and audit entry).
    public func apply(_ messages: [InboundMessage], journey: Journey, at now: Instant, options: ApplyOptions)
        async throws -> [ApplyOutcome]
    {
        let planned = try await plan(messages, journey: journey, at: now, after: nil)
        guard !options.isEmpty else { return try await commit(planned) }
        let (plan, revisions, driver, faults, dialect) = (planned.plan, planned.revisions, driver, faults, dialect)
        try await driver.transaction { session in
            try await driver.writeBatch(
                plan, caseIds: plan.dependsOn, revisions: revisions, now: now, faults: faults, in: session)
            if let id = options.resolvesDeadLetter {
                try await Self.resolve(session, deadLetter: id, as: .replayed, now: now)
            }
            if let audit = options.audit {
                _ = try await Self.appendAudit(session, audit, dialect: dialect)
            }
        }
        remember(planned)
        return plan.outcomes
    }

    /// Loads the batch's marks and snapshots (those `previous` leaves taken from it) and plans it in memory
    /// (`BatchPlan`).
    public func plan(_ messages: [InboundMessage], journey: Journey, at now: Instant, after previous: PlannedBatch?)
        async throws -> PlannedBatch
    {
        try StorableText.require(messages)
        let leaves = previous?.leaves
        let messageIds = BatchPlan.messageIds(of: messages)
        let caseIds = BatchPlan.caseIds(of: messages)
        // What the batch before decides is not read: the database does not hold it yet.
        var (marks, loaded) = try await driver.loadBatch(
            messageIds: messageIds, caseIds: caseIds.filter { leaves?.cases[$0] == nil }.sorted(), cache: cache)
        if let leaves {
            for id in messageIds { if let mark = leaves.marks[id] { marks[id] = mark } }
            for id in caseIds { if let left = leaves.cases[id] { loaded[id] = left } }
        }
        let plan = BatchPlan.make(messages, journey: journey, processed: marks, snapshots: loaded.mapValues(\.snapshot))
        try plan.requireStorableText()
        try await faults.afterLoad?()
        return PlannedBatch(plan: plan, revisions: loaded.mapValues(\.revision), now: now)
    }

    public var plansAhead: Bool { driver.plansAhead }

    /// Writes the plan in one transaction through the back end's bulk form; a case that moved since the plan read
    /// it is a `conflict`.
    public func commit(_ planned: PlannedBatch) async throws -> [ApplyOutcome] {
        let plan = planned.plan
        // Only duplicates: nothing to lock or write.
        guard !plan.writesNothing else { return plan.outcomes }
        try await driver.writeBatch(
            plan, caseIds: plan.dependsOn, revisions: planned.revisions, now: planned.now, faults: faults)
        remember(planned)
        return plan.outcomes
    }

    /// Keeps a committed batch's snapshots at their new revisions, for the batches that read them next.
    private func remember(_ planned: PlannedBatch) {
        for write in planned.plan.cases {
            let id = write.summary.caseId
            cache.store(id, revision: (planned.revisions[id] ?? 0) + 1, snapshot: write.snapshot)
        }
    }

    // MARK: Outbox and notices

    public func pendingOutbox(limit: Int) async throws -> [OutboxMessage] {
        try await driver.rows(
            StoreStatement(
                "SELECT \(OutboxMessage.columns) FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?",
                [.int(limit)]),
            as: OutboxMessage.init(row:))
    }

    public func outbox(caseId: String) async throws -> [OutboxMessage] {
        guard StorableText.isStorable(caseId) else { return [] }
        return try await driver.rows(
            StoreStatement(
                "SELECT \(OutboxMessage.columns) FROM outbox WHERE case_id = ? ORDER BY id", [.text(caseId)]),
            as: OutboxMessage.init(row:))
    }

    public func requeueOutbox(_ ids: [Int64], audit: AuditEntry) async throws -> Int {
        let dialect = self.dialect
        return try await driver.transaction { session in
            var requeued = 0
            for chunk in ids.chunked(dialect.listChunk) {
                let list = dialect.isIn("id", Array(chunk))
                requeued += try await session.execute(
                    StoreStatement(
                        "UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL AND \(list.sql)", list.arguments))
            }
            _ = try await Self.appendAudit(session, audit, dialect: dialect)
            return requeued
        }
    }

    public func recordNotices(_ notices: [CaseNotification], at now: Instant) async throws -> [CaseNotification] {
        try await driver.transaction { session in
            var queued: [CaseNotification] = []
            for notification in notices {
                let (notice, n): (NoticeKind, DeadlineNotice)
                switch notification {
                case .deadlineReminder(let x): (notice, n) = (.reminder, x)
                case .deadlineOverdue(let x): (notice, n) = (.overdue, x)
                default: continue
                }
                let recorded = try await session.execute(
                    StoreStatement(
                        """
                        INSERT INTO notification_log (case_id, kind, due_at, notice, message_id, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """,
                        [
                            .text(n.caseId), .text(n.kind.rawValue), .instant(n.dueAt), .text(notice.rawValue),
                            .text(notification.messageId), .instant(now),
                        ]))
                guard recorded == 1 else { continue }
                try await session.execute(
                    StoreStatement(
                        """
                        INSERT INTO outbox (message_id, routing_key, case_id, body, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (message_id) DO NOTHING
                        """,
                        [
                            .text(notification.messageId), .text(notification.routingKey), .text(n.caseId),
                            .text(String(decoding: notification.body(), as: UTF8.self)), .instant(now),
                        ]))
                queued.append(notification)
            }
            return queued
        }
    }

    // MARK: Dead letters

    public func recordDeadLetters(_ entries: [DeadLetterEntry], at now: Instant) async throws -> Int {
        for entry in entries { try StorableText.require(entry) }
        guard !entries.isEmpty else { return 0 }
        let faults = self.faults
        return try await driver.transaction { session in
            var recorded = 0
            for entry in entries {
                recorded += try await session.execute(
                    StoreStatement(
                        """
                        INSERT INTO dead_letters (message_id, body, code, detail, received_at)
                        SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (
                            SELECT 1 FROM dead_letters WHERE message_id = ? AND code = ? AND resolution IS NULL)
                        """,
                        [
                            .text(entry.messageId), .bytes(entry.body), .text(entry.code.rawValue), .text(entry.detail),
                            .instant(now), .text(entry.messageId), .text(entry.code.rawValue),
                        ]))
            }
            try faults.at(.rejectionsWritten)
            return recorded
        }
    }

    public func deadLetters(includeResolved: Bool, limit: Int) async throws -> [DeadLetter] {
        try await driver.rows(
            StoreStatement(
                """
                SELECT \(DeadLetter.columns) FROM dead_letters
                \(includeResolved ? "" : "WHERE resolution IS NULL") ORDER BY id LIMIT ?
                """, [.int(limit)]),
            as: DeadLetter.init(row:))
    }

    public func resolveDeadLetter(
        _ id: Int64, as resolution: DeadLetterResolution, at now: Instant, audit: AuditEntry
    ) async throws -> Bool {
        let dialect = self.dialect
        do {
            try await driver.transaction { session in
                try await Self.resolve(session, deadLetter: id, as: resolution, now: now)
                _ = try await Self.appendAudit(session, audit, dialect: dialect)
            }
            return true
        } catch let error as StoreError where error.code == .notFound {
            return false
        }
    }

    static func resolve(
        _ session: any StoreSession, deadLetter id: Int64, as resolution: DeadLetterResolution, now: Instant
    ) async throws {
        let changed = try await session.execute(
            StoreStatement(
                "UPDATE dead_letters SET resolution = ?, resolved_at = ? WHERE id = ? AND resolution IS NULL",
                [.text(resolution.rawValue), .instant(now), .integer(id)]))
        guard changed == 1 else {
            throw StoreError(.notFound, "dead letter \(id) does not exist or was already settled")
        }
    }

    // MARK: The audit chain

    public func appendAudit(_ entry: AuditEntry) async throws -> AuditRecord {
        let dialect = self.dialect
        return try await driver.transaction { session in try await Self.appendAudit(session, entry, dialect: dialect) }
    }

    /// Links `entry` to the chain's last record and appends it, in the caller's transaction.
    package static func appendAudit(_ session: any StoreSession, _ entry: AuditEntry, dialect: StoreDialect)
        async throws -> AuditRecord
    {
        var entry = entry
        entry.identity = try await dialect.identity(in: session)
        try StorableText.require(entry)
        if dialect == .postgres {
            // One chain: writers take turns for the rest of their transaction (SQLite's writer is alone already).
            _ = try await session.rows(StoreStatement("SELECT pg_advisory_xact_lock(7243001)"))
        }
        let previous: (sequence: Int64, hash: String)? = try await session.rows(
            StoreStatement("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1")
        ).first.map { row in
            let r = RowReader(row, table: "audit_log", key: "sequence")
            return (try r.int64("sequence"), try r.string("hash"))
        }
        let record = AuditChain.link(entry, after: previous)
        try await session.execute(
            StoreStatement(
                """
                INSERT INTO audit_log (sequence, operator, identity, at, action, case_id, reason, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(record.sequence), .text(entry.operatorId), .optional(entry.identity), .instant(entry.at),
                    .text(entry.action),
                    .optional(entry.caseId), .text(entry.reason), .text(entry.detail), .text(record.prevHash),
                    .text(record.hash),
                ]))
        return record
    }

    public func auditLog(caseId: String?, limit: Int) async throws -> [AuditRecord] {
        guard StorableText.areStorable([caseId]) else { return [] }
        return try await driver.read { session in
            let statement =
                if let caseId {
                    StoreStatement(
                        "SELECT \(AuditRecord.columns) FROM audit_log WHERE case_id = ? ORDER BY sequence LIMIT ?",
                        [.text(caseId), .int(limit)])
                } else {
                    StoreStatement(
                        "SELECT \(AuditRecord.columns) FROM audit_log ORDER BY sequence LIMIT ?", [.int(limit)])
                }
            return try await session.rows(statement, as: AuditRecord.init(row:))
        }
    }

    /// Who the system says is acting on this store: PostgreSQL's authenticated role, SQLite's operating-system user.
    public func identity() async throws -> String {
        let dialect = self.dialect
        return try await driver.read { session in try await dialect.identity(in: session) }
    }

    public func verifyAudit() async throws -> AuditVerification {
        AuditChain.verify(try await auditLog(caseId: nil, limit: Int(Int32.max)))
    }
}

extension StoreDialect {
    /// The identity the system vouches for, seen from `session`: on PostgreSQL the role the connection
    /// authenticated as (`session_user`, which `SET ROLE` does not change; a trigger writes the same into every
    /// audit row, so a client cannot record another), on SQLite the operating-system user running the process.
    package func identity(in session: any StoreSession) async throws -> String {
        switch self {
        case .sqlite:
            return OperatingSystemUser.name
        case .postgres:
            let rows = try await session.rows(StoreStatement("SELECT session_user::text AS identity"))
            guard let row = rows.first else { throw StoreError(.io, "session_user returned no row") }
            return try RowReader(row, table: "session", key: "session_user").string("identity")
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (SQL lists stay under the dialect's limits).
    package func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(1, size)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
