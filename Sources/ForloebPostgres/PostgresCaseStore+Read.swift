import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresCaseStore {
    static let summaryColumns = CaseSummary.columns
    static let rejectionColumns = StoredRejection.columns
    static let outboxColumns = OutboxMessage.columns

    public func caseRecord(_ caseId: String) async throws -> CaseRecord? {
        guard StorableText.isStorable(caseId) else { return nil }
        let logger = self.logger
        return try await withConnection { connection in
            let json = try await Self.collect(
                try await connection.query("SELECT case_id, snapshot FROM cases WHERE case_id = \(caseId)", logger: logger)
            ) { try RowReader($0, table: "cases", key: "case_id").string("snapshot") }.first
            guard let json else { return nil }
            let snapshot = try CaseReplay.decode(json, caseId: caseId)
            let history = try await Self.collect(
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: "SELECT \(HistoryEntry.columns) FROM events WHERE case_id = $1 ORDER BY position",
                        binds: Self.binds(caseId)), logger: logger), HistoryEntry.init(row:))
            let rejections = try await Self.collect(
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT \(Self.rejectionColumns) FROM rejections WHERE case_id = $1 AND attached ORDER BY id",
                        binds: Self.binds(caseId)), logger: logger), StoredRejection.init(row:))
            let deadlines = try await Self.collect(
                try await connection.query(
                    "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = \(caseId)", logger: logger),
                DueDeadline.init(row:)
            ).map(\.deadline)
            let outbox = try await Self.collect(
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT \(Self.outboxColumns) FROM outbox WHERE case_id = $1 AND sent_at IS NULL ORDER BY id",
                        binds: Self.binds(caseId)), logger: logger), OutboxMessage.init(row:))
            return CaseRecord(
                snapshot: snapshot, history: history, rejections: rejections, deadlines: deadlines.sorted(),
                pendingOutbox: outbox)
        }
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { bindings.append(value) }
        return bindings
    }

    public func cases(matching filter: CaseFilter) async throws -> [CaseSummary] {
        guard StorableText.areStorable([filter.municipality, filter.caseworker]) else { return [] }
        let logger = self.logger
        var clauses: [String] = []
        var bindings = PostgresBindings()
        if !filter.states.isEmpty {
            bindings.append(filter.states.map(\.rawValue))
            clauses.append("state = ANY($\(bindings.count))")
        }
        if let municipality = filter.municipality {
            bindings.append(municipality)
            clauses.append("municipality = $\(bindings.count)")
        }
        if let caseworker = filter.caseworker {
            bindings.append(caseworker)
            clauses.append("caseworker = $\(bindings.count)")
        }
        if let after = filter.after {
            bindings.append(after)
            clauses.append("case_id > $\(bindings.count)")
        }
        bindings.append(filter.limit)
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = "SELECT \(Self.summaryColumns) FROM cases \(whereClause) ORDER BY case_id LIMIT $\(bindings.count)"
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), CaseSummary.init(row:))
        }
    }

    public func dueDeadlines(dueBy: Instant, limit: Int) async throws -> [DueDeadline] {
        let logger = self.logger
        let t = Int(dueBy.secondsSinceEpoch)
        return try await withConnection { connection in
            try await Self.collect(
                try await connection.query(
                    """
                    SELECT case_id, kind, due_at FROM deadlines WHERE due_at <= \(t)
                    ORDER BY due_at, case_id, kind LIMIT \(limit)
                    """, logger: logger), DueDeadline.init(row:))
        }
    }

    public func unnotifiedDeadlines(dueBy: Instant, notice: NoticeKind, limit: Int) async throws -> [DueDeadline] {
        let logger = self.logger
        let t = Int(dueBy.secondsSinceEpoch)
        let window = DueDeadline.sameDeadlineSeconds
        return try await withConnection { connection in
            try await Self.collect(
                try await connection.query(
                    """
                    SELECT d.case_id, d.kind, d.due_at FROM deadlines d
                    WHERE d.due_at <= \(t) AND NOT EXISTS (
                        SELECT 1 FROM notification_log n
                        WHERE n.case_id = d.case_id AND n.kind = d.kind
                            AND n.due_at BETWEEN d.due_at - \(window) AND d.due_at + \(window)
                            AND n.notice = \(notice.rawValue))
                    ORDER BY d.due_at, d.case_id, d.kind LIMIT \(limit)
                    """, logger: logger), DueDeadline.init(row:))
        }
    }

    public func idleCases(states: [CaseState], lastEventBefore: Instant, limit: Int) async throws -> [CaseSummary] {
        let logger = self.logger
        let names = (states.isEmpty ? CaseState.allCases.filter { !$0.isFinal } : states).map(\.rawValue)
        let t = Int(lastEventBefore.secondsSinceEpoch)
        var bindings = PostgresBindings()
        bindings.append(names)
        bindings.append(t)
        bindings.append(limit)
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.summaryColumns) FROM cases WHERE state = ANY($1) AND last_event_at < $2
                ORDER BY last_event_at, case_id LIMIT $3
                """, binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), CaseSummary.init(row:))
        }
    }

    public func unattachedRejections(limit: Int) async throws -> [StoredRejection] {
        let logger = self.logger
        var bindings = PostgresBindings()
        bindings.append(limit)
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Self.rejectionColumns) FROM rejections WHERE NOT attached ORDER BY id LIMIT $1",
            binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), StoredRejection.init(row:))
        }
    }

    public func pendingOutbox(limit: Int) async throws -> [OutboxMessage] {
        let logger = self.logger
        var bindings = PostgresBindings()
        bindings.append(limit)
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Self.outboxColumns) FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1",
            binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), OutboxMessage.init(row:))
        }
    }

    /// Marks published notifications as sent, committed without waiting for the WAL flush
    /// (`synchronous_commit = off` for this transaction only).
    ///
    /// Why that is safe: a mark only stops the relay from publishing the row again. A crash of the server that
    /// loses the mark re-sends those notifications with the same `messageId`s, which consumers already dedupe
    /// (at-least-once, as after a crash between confirm and mark). The WAL is sequential, so the next synchronous
    /// commit flushes this one with it. The consumer's commits stop queueing behind these flushes.
    public func markSent(_ ids: [Int64], at now: Instant) async throws {
        guard !ids.isEmpty else { return }
        let logger = self.logger
        let list = ids.map { Int($0) }
        let t = Int(now.secondsSinceEpoch)
        try await transaction { connection in
            try await connection.query("SET LOCAL synchronous_commit = off", logger: logger)
            try await connection.query(
                "UPDATE outbox SET sent_at = \(t) WHERE sent_at IS NULL AND id = ANY(\(list))", logger: logger)
        }
    }

    public func recordNotices(_ notices: [CaseNotification], at now: Instant) async throws -> [CaseNotification] {
        let logger = self.logger
        let t = Int(now.secondsSinceEpoch)
        return try await transaction { connection in
            var queued: [CaseNotification] = []
            for notification in notices {
                let (notice, n): (NoticeKind, DeadlineNotice)
                switch notification {
                case .deadlineReminder(let x): (notice, n) = (.reminder, x)
                case .deadlineOverdue(let x): (notice, n) = (.overdue, x)
                default: continue
                }
                var inserted = false
                for try await _ in try await connection.query(
                    """
                    INSERT INTO notification_log (case_id, kind, due_at, notice, message_id, recorded_at)
                    VALUES (\(n.caseId), \(n.kind.rawValue), \(Int(n.dueAt.secondsSinceEpoch)), \(notice.rawValue),
                        \(notification.messageId), \(t))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """, logger: logger)
                {
                    inserted = true
                }
                guard inserted else { continue }
                let body = String(decoding: notification.body(), as: UTF8.self)
                try await connection.query(
                    """
                    INSERT INTO outbox (message_id, routing_key, case_id, body, created_at)
                    VALUES (\(notification.messageId), \(notification.routingKey), \(n.caseId), \(body), \(t))
                    ON CONFLICT (message_id) DO NOTHING
                    """, logger: logger)
                queued.append(notification)
            }
            return queued
        }
    }

    public func deadLetters(includeResolved: Bool, limit: Int) async throws -> [DeadLetter] {
        let logger = self.logger
        var bindings = PostgresBindings()
        bindings.append(limit)
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(DeadLetter.columns) FROM dead_letters
                \(includeResolved ? "" : "WHERE resolution IS NULL") ORDER BY id LIMIT $1
                """, binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), DeadLetter.init(row:))
        }
    }

    public func resolveDeadLetter(_ id: Int64, as resolution: DeadLetterResolution, at now: Instant, audit: AuditEntry)
        async throws -> Bool
    {
        let logger = self.logger
        do {
            try await transaction { connection in
                try await Self.resolve(
                    connection, deadLetter: id, as: resolution, now: Int(now.secondsSinceEpoch), logger)
                _ = try await Self.appendAudit(connection, audit, logger)
            }
            return true
        } catch let error as StoreError where error.code == .notFound {
            return false
        }
    }

    public func appendAudit(_ entry: AuditEntry) async throws -> AuditRecord {
        let logger = self.logger
        return try await transaction { connection in try await Self.appendAudit(connection, entry, logger) }
    }

    public func auditLog(caseId: String?, limit: Int) async throws -> [AuditRecord] {
        guard StorableText.areStorable([caseId]) else { return [] }
        let logger = self.logger
        let columns = AuditRecord.columns
        var bindings = PostgresBindings()
        bindings.append(limit)
        var sql = "SELECT \(columns) FROM audit_log ORDER BY sequence LIMIT $1"
        if let caseId {
            bindings.append(caseId)
            sql = "SELECT \(columns) FROM audit_log WHERE case_id = $2 ORDER BY sequence LIMIT $1"
        }
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), AuditRecord.init(row:))
        }
    }

    public func verifyAudit() async throws -> AuditVerification {
        AuditChain.verify(try await auditLog(caseId: nil, limit: Int(Int32.max)))
    }

    public func counts() async throws -> StoreCounts {
        let logger = self.logger
        return try await withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM events) AS events,
                    (SELECT count(*) FROM processed_messages) AS processed, (SELECT count(*) FROM rejections) AS rejections,
                    (SELECT count(*) FROM deadlines) AS deadlines,
                    (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS pending,
                    (SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL) AS sent,
                    (SELECT count(*) FROM dead_letters) AS dead_letters, (SELECT count(*) FROM audit_log) AS audit
                """, logger: logger)
            for try await row in rows {
                let r = RowReader(row.stored, table: "counts", key: "cases")
                return StoreCounts(
                    cases: try r.int("cases"), events: try r.int("events"), processed: try r.int("processed"),
                    rejections: try r.int("rejections"), deadlines: try r.int("deadlines"),
                    outboxPending: try r.int("pending"), outboxSent: try r.int("sent"),
                    deadLetters: try r.int("dead_letters"), auditEntries: try r.int("audit"))
            }
            throw StoreError(.io, "counts returned no row")
        }
    }
}
