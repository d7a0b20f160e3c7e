import ForloebCore
import ForloebStore
import Foundation
import GRDB

extension SQLiteCaseStore {
    static let summaryColumns = CaseSummary.columns
    static let rejectionColumns = StoredRejection.columns

    static func summary(_ row: Row) throws -> CaseSummary { try CaseSummary(row: row.stored) }
    static func rejection(_ row: Row) throws -> StoredRejection { try StoredRejection(row: row.stored) }
    static func outbox(_ row: Row) throws -> OutboxMessage { try OutboxMessage(row: row.stored) }
    static func due(_ row: Row) throws -> DueDeadline { try DueDeadline(row: row.stored) }

    public func caseRecord(_ caseId: String) async throws -> CaseRecord? {
        guard StorableText.isStorable(caseId) else { return nil }
        return try await read { db in
            guard
                let json = try String.fetchOne(
                    db, sql: "SELECT snapshot FROM cases WHERE case_id = ?", arguments: [caseId])
            else { return nil }
            let snapshot = try CaseReplay.decode(json, caseId: caseId)
            let history = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(HistoryEntry.columns) FROM events WHERE case_id = ? ORDER BY position
                    """, arguments: [caseId]
            ).map { try HistoryEntry(row: $0.stored) }
            let rejections = try Row.fetchAll(
                db,
                sql: "SELECT \(Self.rejectionColumns) FROM rejections WHERE case_id = ? AND attached = 1 ORDER BY id",
                arguments: [caseId]
            ).map(Self.rejection)
            let deadlines = try Row.fetchAll(
                db, sql: "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = ?", arguments: [caseId]
            ).map(Self.due).map(\.deadline).sorted()
            let outbox = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(OutboxMessage.columns) FROM outbox WHERE case_id = ? AND sent_at IS NULL ORDER BY id
                    """, arguments: [caseId]
            ).map(Self.outbox)
            return CaseRecord(
                snapshot: snapshot, history: history, rejections: rejections, deadlines: deadlines,
                pendingOutbox: outbox)
        }
    }

    public func cases(matching filter: CaseFilter) async throws -> [CaseSummary] {
        guard StorableText.areStorable([filter.municipality, filter.caseworker]) else { return [] }
        return try await read { db in
            var clauses: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if !filter.states.isEmpty {
                clauses.append("state IN \(Self.placeholders(filter.states.count))")
                arguments += filter.states.map(\.rawValue)
            }
            if let municipality = filter.municipality {
                clauses.append("municipality = ?")
                arguments.append(municipality)
            }
            if let caseworker = filter.caseworker {
                clauses.append("caseworker = ?")
                arguments.append(caseworker)
            }
            if let after = filter.after {
                clauses.append("case_id > ?")
                arguments.append(after)
            }
            arguments.append(filter.limit)
            let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT \(Self.summaryColumns) FROM cases \(whereClause) ORDER BY case_id LIMIT ?",
                arguments: StatementArguments(arguments)
            ).map(Self.summary)
        }
    }

    public func dueDeadlines(dueBy: Instant, limit: Int) async throws -> [DueDeadline] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT case_id, kind, due_at FROM deadlines WHERE due_at <= ? ORDER BY due_at, case_id, kind LIMIT ?",
                arguments: [dueBy.secondsSinceEpoch, limit]
            ).map(Self.due)
        }
    }

    public func unnotifiedDeadlines(dueBy: Instant, notice: NoticeKind, limit: Int) async throws -> [DueDeadline] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.case_id, d.kind, d.due_at FROM deadlines d
                    WHERE d.due_at <= ? AND NOT EXISTS (
                        SELECT 1 FROM notification_log n
                        WHERE n.case_id = d.case_id AND n.kind = d.kind
                            AND n.due_at BETWEEN d.due_at - ? AND d.due_at + ? AND n.notice = ?)
                    ORDER BY d.due_at, d.case_id, d.kind LIMIT ?
                    """,
                arguments: [
                    dueBy.secondsSinceEpoch, DueDeadline.sameDeadlineSeconds, DueDeadline.sameDeadlineSeconds,
                    notice.rawValue, limit,
                ]
            ).map(Self.due)
        }
    }

    public func idleCases(states: [CaseState], lastEventBefore: Instant, limit: Int) async throws -> [CaseSummary] {
        let states = states.isEmpty ? CaseState.allCases.filter { !$0.isFinal } : states
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.summaryColumns) FROM cases
                    WHERE state IN \(Self.placeholders(states.count)) AND last_event_at < ?
                    ORDER BY last_event_at, case_id LIMIT ?
                    """,
                arguments: StatementArguments(
                    states.map(\.rawValue) + [lastEventBefore.secondsSinceEpoch, limit]
                        as [any DatabaseValueConvertible])
            ).map(Self.summary)
        }
    }

    public func unattachedRejections(limit: Int) async throws -> [StoredRejection] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.rejectionColumns) FROM rejections WHERE attached = 0 ORDER BY id LIMIT ?",
                arguments: [limit]
            ).map(Self.rejection)
        }
    }

    public func pendingOutbox(limit: Int) async throws -> [OutboxMessage] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(OutboxMessage.columns) FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?
                    """, arguments: [limit]
            ).map(Self.outbox)
        }
    }

    /// Marks published notifications as sent, in a commit that skips the fsync under `.full` durability.
    ///
    /// Why that is safe: a mark only stops the relay from publishing the row again. A power loss that rolls
    /// the mark back re-sends those notifications with the same `messageId`s, which consumers already
    /// dedupe (at-least-once, as after a crash between confirm and mark). The next full commit fsyncs the WAL
    /// and with it this transaction, so nothing after it can be durable while it is not. The fsync saved is one
    /// per relay batch on the writer connection that the consumer's commits queue behind.
    public func markSent(_ ids: [Int64], at now: Instant) async throws {
        guard !ids.isEmpty else { return }
        let relaxed = durability == .full
        try await perform { db in
            if relaxed { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let marked = Result {
                try db.inTransaction(.immediate) {
                    for chunk in ids.chunked(500) {
                        try db.execute(
                            sql:
                                "UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND id IN \(Self.placeholders(chunk.count))",
                            arguments: StatementArguments([now.secondsSinceEpoch] + Array(chunk)))
                    }
                    return .commit
                }
            }
            // Back to full durability before the connection commits anything else.
            if relaxed { try db.execute(sql: "PRAGMA synchronous = FULL") }
            try marked.get()
        }
    }

    public func recordNotices(_ notices: [CaseNotification], at now: Instant) async throws -> [CaseNotification] {
        try await transaction { db in
            var queued: [CaseNotification] = []
            for notification in notices {
                let (notice, kind): (NoticeKind, DeadlineNotice)
                switch notification {
                case .deadlineReminder(let n): (notice, kind) = (.reminder, n)
                case .deadlineOverdue(let n): (notice, kind) = (.overdue, n)
                default: continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO notification_log (case_id, kind, due_at, notice, message_id, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """,
                    arguments: [
                        kind.caseId, kind.kind.rawValue, kind.dueAt.secondsSinceEpoch, notice.rawValue,
                        notification.messageId, now.secondsSinceEpoch,
                    ])
                guard db.changesCount == 1 else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO outbox (message_id, routing_key, case_id, body, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (message_id) DO NOTHING
                        """,
                    arguments: [
                        notification.messageId, notification.routingKey, kind.caseId,
                        String(decoding: notification.body(), as: UTF8.self), now.secondsSinceEpoch,
                    ])
                queued.append(notification)
            }
            return queued
        }
    }

    public func deadLetters(includeResolved: Bool, limit: Int) async throws -> [DeadLetter] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(DeadLetter.columns) FROM dead_letters
                    \(includeResolved ? "" : "WHERE resolution IS NULL") ORDER BY id LIMIT ?
                    """, arguments: [limit]
            ).map { try DeadLetter(row: $0.stored) }
        }
    }

    public func resolveDeadLetter(_ id: Int64, as resolution: DeadLetterResolution, at now: Instant, audit: AuditEntry)
        async throws -> Bool
    {
        do {
            try await transaction { db in
                try Self.resolve(db, deadLetter: id, as: resolution, now: now.secondsSinceEpoch)
                _ = try Self.appendAudit(db, audit)
            }
            return true
        } catch let error as StoreError where error.code == .notFound {
            return false
        }
    }

    public func appendAudit(_ entry: AuditEntry) async throws -> AuditRecord {
        try await transaction { db in try Self.appendAudit(db, entry) }
    }

    static func auditRecord(_ row: Row) throws -> AuditRecord { try AuditRecord(row: row.stored) }

    public func auditLog(caseId: String?, limit: Int) async throws -> [AuditRecord] {
        guard StorableText.areStorable([caseId]) else { return [] }
        return try await read { db in
            let columns = AuditRecord.columns
            if let caseId {
                return try Row.fetchAll(
                    db, sql: "SELECT \(columns) FROM audit_log WHERE case_id = ? ORDER BY sequence LIMIT ?",
                    arguments: [caseId, limit]
                ).map(Self.auditRecord)
            }
            return try Row.fetchAll(
                db, sql: "SELECT \(columns) FROM audit_log ORDER BY sequence LIMIT ?", arguments: [limit]
            )
            .map(Self.auditRecord)
        }
    }

    public func verifyAudit() async throws -> AuditVerification {
        let records = try await read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT \(AuditRecord.columns) FROM audit_log ORDER BY sequence"
            ).map(Self.auditRecord)
        }
        return AuditChain.verify(records)
    }

    public func counts() async throws -> StoreCounts {
        try await read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return StoreCounts(
                cases: try count("SELECT count(*) FROM cases"), events: try count("SELECT count(*) FROM events"),
                processed: try count("SELECT count(*) FROM processed_messages"),
                rejections: try count("SELECT count(*) FROM rejections"),
                deadlines: try count("SELECT count(*) FROM deadlines"),
                outboxPending: try count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"),
                outboxSent: try count("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"),
                deadLetters: try count("SELECT count(*) FROM dead_letters"),
                auditEntries: try count("SELECT count(*) FROM audit_log"))
        }
    }
}
