import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresCaseStore {
    static let summaryColumns =
        "case_id, state, municipality, caseworker, course_number, course_end, version, last_event_at"
    typealias SummaryRow = (String, String, String, String?, Int, String?, Int, Int)

    static func summary(_ r: SummaryRow) -> CaseSummary {
        CaseSummary(
            caseId: r.0, state: CaseState(rawValue: r.1) ?? .requested, municipality: r.2, caseworker: r.3,
            courseNumber: r.4, courseEnd: r.5.flatMap { CivilDate(iso: $0) }, version: r.6,
            lastEventAt: Instant(secondsSinceEpoch: Int64(r.7)))
    }

    static let rejectionColumns =
        "id, message_id, attempt, case_id, attached, type, code, rule, detail, occurred_at, recorded_at"
    typealias RejectionRow = (Int, String, Int, String?, Bool, String, String, String?, String, Int?, Int)

    static func rejection(_ r: RejectionRow) -> StoredRejection {
        let rejection = Rejection(
            RejectionCode(rawValue: r.6) ?? .malformed, rule: r.7.flatMap { RuleID(rawValue: $0) }, r.8)
        return StoredRejection(
            event: RejectedEvent(
                messageId: r.1, caseId: r.3, type: r.5, occurredAt: r.9.map { Instant(secondsSinceEpoch: Int64($0)) },
                rejection: rejection),
            attempt: r.2, attached: r.4, recordedAt: Instant(secondsSinceEpoch: Int64(r.10)))
    }

    static let outboxColumns = "id, message_id, routing_key, case_id, body, created_at, sent_at"
    typealias OutboxRow = (Int, String, String, String?, String, Int, Int?)

    static func outbox(_ r: OutboxRow) -> OutboxMessage {
        OutboxMessage(
            id: Int64(r.0), messageId: r.1, routingKey: r.2, caseId: r.3, body: Data(r.4.utf8),
            createdAt: Instant(secondsSinceEpoch: Int64(r.5)), sentAt: r.6.map { Instant(secondsSinceEpoch: Int64($0)) }
        )
    }

    /// A deadline row; its date is the Danish date of `due_at`, which reads both the Danish midnight written now
    /// and the 00:00 UTC of stores written before (`forloeb rebuild` rewrites those).
    static func due(_ r: (String, String, Int)) -> DueDeadline? {
        guard let kind = DeadlineKind(rawValue: r.1) else { return nil }
        return DueDeadline(
            caseId: r.0, deadline: Deadline(kind: kind, dueOn: Instant(secondsSinceEpoch: Int64(r.2)).danishDate))
    }

    /// Decodes every row of `rows` as a tuple of `columns`.
    static func collect<each Column: PostgresDecodable>(
        _ rows: PostgresRowSequence, as columns: (repeat each Column).Type
    ) async throws -> [(repeat each Column)] {
        var out: [(repeat each Column)] = []
        for try await row in rows {
            out.append(try row.decode(columns))
        }
        return out
    }

    /// Decodes every row of `rows` as a single column.
    static func collect<Column: PostgresDecodable>(_ rows: PostgresRowSequence, as column: Column.Type) async throws
        -> [Column]
    {
        var out: [Column] = []
        for try await row in rows {
            out.append(try row.decode(Column.self))
        }
        return out
    }

    public func caseRecord(_ caseId: String) async throws -> CaseRecord? {
        guard StorableText.isStorable(caseId) else { return nil }
        let logger = self.logger
        return try await withConnection { connection in
            var json: String?
            for try await text in try await connection.query(
                "SELECT snapshot FROM cases WHERE case_id = \(caseId)", logger: logger
            ).decode(String.self) {
                json = text
            }
            guard let json else { return nil }
            let snapshot = try CaseReplay.decode(json, caseId: caseId)
            var history: [HistoryEntry] = []
            for try await r in try await connection.query(
                """
                SELECT position, message_id, type, from_state, to_state, occurred_at, actor, rule_set, recorded_at
                FROM events WHERE case_id = \(caseId) ORDER BY position
                """, logger: logger
            ).decode((Int, String, String, String?, String, Int, String, String, Int).self) {
                history.append(
                    HistoryEntry(
                        position: r.0, messageId: r.1, type: EventType(rawValue: r.2) ?? .caseOpened,
                        from: r.3.flatMap { CaseState(rawValue: $0) }, to: CaseState(rawValue: r.4) ?? .requested,
                        occurredAt: Instant(secondsSinceEpoch: Int64(r.5)), actor: r.6,
                        ruleSet: RuleSetID(rawValue: r.7) ?? .y2013, recordedAt: Instant(secondsSinceEpoch: Int64(r.8)))
                )
            }
            var rejections: [StoredRejection] = []
            for try await r in try await connection.query(
                PostgresQuery(
                    unsafeSQL:
                        "SELECT \(Self.rejectionColumns) FROM rejections WHERE case_id = $1 AND attached ORDER BY id",
                    binds: Self.binds(caseId)), logger: logger
            ).decode(RejectionRow.self) {
                rejections.append(Self.rejection(r))
            }
            var deadlines: [Deadline] = []
            for try await r in try await connection.query(
                "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = \(caseId)", logger: logger
            ).decode((String, String, Int).self) {
                if let due = Self.due(r) { deadlines.append(due.deadline) }
            }
            var outbox: [OutboxMessage] = []
            for try await r in try await connection.query(
                PostgresQuery(
                    unsafeSQL:
                        "SELECT \(Self.outboxColumns) FROM outbox WHERE case_id = $1 AND sent_at IS NULL ORDER BY id",
                    binds: Self.binds(caseId)), logger: logger
            ).decode(OutboxRow.self) {
                outbox.append(Self.outbox(r))
            }
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
        if filter.openAppeal {
            clauses.append(CaseFilter.openAppealCondition)
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
            try await Self.collect(try await connection.query(query, logger: logger), as: SummaryRow.self).map(
                Self.summary)
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
                    """, logger: logger), as: (String, String, Int).self
            ).compactMap(Self.due)
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
                    """, logger: logger), as: (String, String, Int).self
            ).compactMap(Self.due)
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
            try await Self.collect(try await connection.query(query, logger: logger), as: SummaryRow.self).map(
                Self.summary)
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
            try await Self.collect(try await connection.query(query, logger: logger), as: RejectionRow.self).map(
                Self.rejection)
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
            try await Self.collect(try await connection.query(query, logger: logger), as: OutboxRow.self).map(
                Self.outbox)
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
                SELECT id, message_id, body, code, detail, received_at, resolution, resolved_at FROM dead_letters
                \(includeResolved ? "" : "WHERE resolution IS NULL") ORDER BY id LIMIT $1
                """, binds: bindings)
        return try await withConnection { connection in
            var letters: [DeadLetter] = []
            for try await r in try await connection.query(query, logger: logger).decode(
                (Int, String, ByteBuffer, String, String, Int, String?, Int?).self)
            {
                letters.append(
                    DeadLetter(
                        id: Int64(r.0), messageId: r.1, body: Data(r.2.readableBytesView),
                        code: DeadLetterCode(rawValue: r.3),
                        detail: r.4, receivedAt: Instant(secondsSinceEpoch: Int64(r.5)),
                        resolution: r.6.flatMap { DeadLetterResolution(rawValue: $0) },
                        resolvedAt: r.7.map { Instant(secondsSinceEpoch: Int64($0)) }))
            }
            return letters
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

    typealias AuditRow = (Int, String, Int, String, String?, String, String, String, String)

    static func auditRecord(_ r: AuditRow) -> AuditRecord {
        AuditRecord(
            sequence: Int64(r.0),
            entry: AuditEntry(
                operatorId: r.1, at: Instant(secondsSinceEpoch: Int64(r.2)), action: r.3, caseId: r.4, reason: r.5,
                detail: r.6), prevHash: r.7, hash: r.8)
    }

    public func auditLog(caseId: String?, limit: Int) async throws -> [AuditRecord] {
        guard StorableText.areStorable([caseId]) else { return [] }
        let logger = self.logger
        let columns = "sequence, operator, at, action, case_id, reason, detail, prev_hash, hash"
        var bindings = PostgresBindings()
        bindings.append(limit)
        var sql = "SELECT \(columns) FROM audit_log ORDER BY sequence LIMIT $1"
        if let caseId {
            bindings.append(caseId)
            sql = "SELECT \(columns) FROM audit_log WHERE case_id = $2 ORDER BY sequence LIMIT $1"
        }
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), as: AuditRow.self).map(
                Self.auditRecord)
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
                SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM events),
                    (SELECT count(*) FROM processed_messages), (SELECT count(*) FROM rejections),
                    (SELECT count(*) FROM deadlines), (SELECT count(*) FROM outbox WHERE sent_at IS NULL),
                    (SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL), (SELECT count(*) FROM dead_letters),
                    (SELECT count(*) FROM audit_log)
                """, logger: logger)
            for try await r in rows.decode((Int, Int, Int, Int, Int, Int, Int, Int, Int).self) {
                return StoreCounts(
                    cases: r.0, events: r.1, processed: r.2, rejections: r.3, deadlines: r.4, outboxPending: r.5,
                    outboxSent: r.6, deadLetters: r.7, auditEntries: r.8)
            }
            throw StoreError(.io, "counts returned no row")
        }
    }
}
