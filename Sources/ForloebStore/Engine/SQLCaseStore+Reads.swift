import ForloebCore
import Foundation

/// The operator's reads and the scheduler's scans, written once.
extension SQLCaseStore {
    public func caseRecord(_ caseId: String) async throws -> CaseRecord? {
        guard StorableText.isStorable(caseId) else { return nil }
        let dialect = self.dialect
        let id: [StoreValue] = [.text(caseId)]
        // One call for the five reads: an unknown case returns no rows from any of them.
        let results = try await driver.rows([
            StoreStatement("SELECT case_id, snapshot FROM cases WHERE case_id = ?", id),
            StoreStatement("SELECT \(HistoryEntry.columns) FROM events WHERE case_id = ? ORDER BY position", id),
            StoreStatement(
                """
                SELECT \(StoredRejection.columns) FROM rejections
                WHERE case_id = ? AND \(dialect.isTrue("attached")) ORDER BY id
                """, id),
            StoreStatement("SELECT \(DueDeadline.columns) FROM deadlines WHERE case_id = ?", id),
            StoreStatement(
                "SELECT \(OutboxMessage.columns) FROM outbox WHERE case_id = ? AND sent_at IS NULL ORDER BY id", id),
        ])
        guard let row = results[0].first else { return nil }
        let snapshot = try CaseReplay.decode(
            try RowReader(row, table: "cases", key: "case_id").string("snapshot"), caseId: caseId)
        return CaseRecord(
            snapshot: snapshot, history: try results[1].map(HistoryEntry.init(row:)),
            rejections: try results[2].map(StoredRejection.init(row:)),
            deadlines: try results[3].map(DueDeadline.init(row:)).map(\.deadline).sorted(),
            pendingOutbox: try results[4].map(OutboxMessage.init(row:)))
    }

    public func cases(matching filter: CaseFilter) async throws -> [CaseSummary] {
        guard StorableText.areStorable([filter.municipality, filter.caseworker]) else { return [] }
        var conditions = StoreConditions()
        if !filter.states.isEmpty {
            let list = dialect.isIn("state", filter.states.map(\.rawValue))
            conditions.add(list.sql, list.arguments)
        }
        if let municipality = filter.municipality { conditions.add("municipality = ?", [.text(municipality)]) }
        if let caseworker = filter.caseworker { conditions.add("caseworker = ?", [.text(caseworker)]) }
        if filter.openAppeal { conditions.add(CaseFilter.openAppealCondition, []) }
        if let after = filter.after { conditions.add("case_id > ?", [.text(after)]) }
        let statement = StoreStatement(
            "SELECT \(CaseSummary.columns) FROM cases \(conditions.sql) ORDER BY case_id LIMIT ?",
            conditions.arguments + [.int(filter.limit)])
        return try await driver.rows(statement, as: CaseSummary.init(row:))
    }

    public func dueDeadlines(dueBy: Instant, limit: Int) async throws -> [DueDeadline] {
        try await driver.rows(
            StoreStatement(
                """
                SELECT \(DueDeadline.columns) FROM deadlines WHERE due_at <= ?
                ORDER BY due_at, case_id, kind LIMIT ?
                """, [.instant(dueBy), .int(limit)]),
            as: DueDeadline.init(row:))
    }

    public func unnotifiedDeadlines(dueBy: Instant, notice: NoticeKind, limit: Int) async throws -> [DueDeadline] {
        let window = StoreValue.int(DueDeadline.sameDeadlineSeconds)
        return try await driver.rows(
            StoreStatement(
                """
                SELECT d.case_id, d.kind, d.due_at FROM deadlines d
                WHERE d.due_at <= ? AND NOT EXISTS (
                    SELECT 1 FROM notification_log n
                    WHERE n.case_id = d.case_id AND n.kind = d.kind
                        AND n.due_at BETWEEN d.due_at - ? AND d.due_at + ? AND n.notice = ?)
                ORDER BY d.due_at, d.case_id, d.kind LIMIT ?
                """, [.instant(dueBy), window, window, .text(notice.rawValue), .int(limit)]),
            as: DueDeadline.init(row:))
    }

    public func unattachedRejections(limit: Int) async throws -> [StoredRejection] {
        let statement = StoreStatement(
            "SELECT \(StoredRejection.columns) FROM rejections WHERE \(dialect.isFalse("attached")) ORDER BY id LIMIT ?",
            [.int(limit)])
        return try await driver.rows(statement, as: StoredRejection.init(row:))
    }

    public func rejections(matching filter: RejectionFilter) async throws -> [StoredRejection] {
        guard StorableText.areStorable([filter.caseId, filter.messageId]) else { return [] }
        var conditions = StoreConditions()
        if let code = filter.code { conditions.add("code = ?", [.text(code.rawValue)]) }
        if let caseId = filter.caseId {
            conditions.add("case_id = ? AND \(dialect.isTrue("attached"))", [.text(caseId)])
        }
        if let messageId = filter.messageId { conditions.add("message_id = ?", [.text(messageId)]) }
        if let since = filter.since { conditions.add("recorded_at >= ?", [.instant(since)]) }
        let statement = StoreStatement(
            "SELECT \(StoredRejection.columns) FROM rejections \(conditions.sql) ORDER BY id DESC LIMIT ?",
            conditions.arguments + [.int(filter.limit)])
        return try await driver.rows(statement, as: StoredRejection.init(row:))
    }

    public func rejectedMessage(_ messageId: String) async throws -> RejectedMessage? {
        guard StorableText.isStorable(messageId) else { return nil }
        return try await driver.read { session in
            try await session.rows(
                StoreStatement(
                    """
                    SELECT \(StoredRejection.columns), body FROM rejections WHERE message_id = ?
                    ORDER BY attempt DESC LIMIT 1
                    """, [.text(messageId)])
            ).first.map { row in
                RejectedMessage(
                    rejection: try StoredRejection(row: row),
                    body: try RowReader(row, table: "rejections", key: "id").data("body"))
            }
        }
    }

    public func snapshots(_ caseIds: [String]) async throws -> [String: CitizenCase] {
        let storable = caseIds.filter(StorableText.isStorable)
        let dialect = self.dialect
        return try await driver.read { session in
            var out: [String: CitizenCase] = [:]
            for chunk in storable.chunked(dialect.listChunk) {
                let list = dialect.isIn("case_id", Array(chunk))
                for row in try await session.rows(
                    StoreStatement("SELECT case_id, snapshot FROM cases WHERE \(list.sql)", list.arguments))
                {
                    let r = RowReader(row, table: "cases", key: "case_id")
                    let id = try r.string("case_id")
                    out[id] = try CaseReplay.decode(try r.string("snapshot"), caseId: id)
                }
            }
            return out
        }
    }

    public func eventBodies(_ caseId: String) async throws -> [Data] {
        guard StorableText.isStorable(caseId) else { return [] }
        return try await driver.read { session in
            try await session.rows(
                StoreStatement(
                    "SELECT case_id, position, body FROM events WHERE case_id = ? ORDER BY position", [.text(caseId)])
            ).map { Data(try RowReader($0, table: "events", key: "case_id", "position").string("body").utf8) }
        }
    }

    /// Every figure is proportional to what `stats` prints, not to the store: cases per state, open deadlines per
    /// kind and rejections per code come from the counters the writes keep (`CounterChanges`), plus the due rows of
    /// the current week and the rejections of each window's first hour from their indexes; the outbox is counted
    /// up to `StoreStatistics.countLimit`.
    public func statistics(at now: Instant) async throws -> StoreStatistics {
        let t = now.secondsSinceEpoch
        let week = CounterChanges.bucket(of: Int(t))
        let weekStart = Int64(week * CounterChanges.bucketSeconds)
        let dialect = self.dialect
        return try await driver.read { session in
            var byState: [CaseState: Int] = [:]
            for row in try await session.rows(
                StoreStatement("SELECT state, CAST(sum(cases) AS BIGINT) AS n FROM case_counts GROUP BY state"))
            {
                let r = RowReader(row, table: "case_counts", key: "state")
                let n = try r.int("n")
                if n != 0 { byState[try r.value(CaseState.self, "state")] = n }
            }
            var overdue: [DeadlineKind: Int] = [:]
            var openAppeals = 0
            // Weeks that ended before now are wholly due; this week's rows are counted from the index.
            for row in try await session.rows(
                StoreStatement(
                    """
                    SELECT kind, CAST(sum(CASE WHEN bucket < ? THEN deadlines ELSE 0 END) AS BIGINT) AS due,
                        CAST(sum(deadlines) AS BIGINT) AS open
                    FROM deadline_counts GROUP BY kind
                    UNION ALL
                    SELECT kind, count(*) AS due, 0 AS open FROM deadlines
                    WHERE due_at >= ? AND due_at <= ? GROUP BY kind
                    """, [.int(week), .integer(weekStart), .integer(t)]))
            {
                let r = RowReader(row, table: "deadline_counts", key: "kind")
                let kind = try r.value(DeadlineKind.self, "kind")
                if kind.watchesAnAppeal { openAppeals += try r.int("open") }
                let due = try r.int("due")
                if due != 0 { overdue[kind, default: 0] += due }
            }
            // The hours after the one each window starts in from the counters, that hour's rows from the index.
            let hour = Int64(CounterChanges.rejectionBucketSeconds)
            let (dayStart, weekStart) = (t - 86_400, t - 7 * 86_400)
            let (dayHour, weekHour) = (dayStart / hour, weekStart / hour)
            var lastDay: [RejectionCode: Int] = [:]
            var lastWeek: [RejectionCode: Int] = [:]
            for row in try await session.rows(
                StoreStatement(
                    """
                    SELECT code, CAST(sum(CASE WHEN bucket > ? THEN rejections ELSE 0 END) AS BIGINT) AS day,
                        CAST(sum(rejections) AS BIGINT) AS week
                    FROM rejection_counts WHERE bucket > ? GROUP BY code
                    UNION ALL
                    SELECT code, count(*) AS day, 0 AS week FROM rejections\(dialect.indexedBy("rejections_recorded"))
                    WHERE recorded_at >= ? AND recorded_at < ? GROUP BY code
                    UNION ALL
                    SELECT code, 0 AS day, count(*) AS week FROM rejections\(dialect.indexedBy("rejections_recorded"))
                    WHERE recorded_at >= ? AND recorded_at < ? GROUP BY code
                    """,
                    [
                        .integer(dayHour), .integer(weekHour), .integer(dayStart), .integer((dayHour + 1) * hour),
                        .integer(weekStart), .integer((weekHour + 1) * hour),
                    ]))
            {
                let r = RowReader(row, table: "rejection_counts", key: "code")
                let code = try r.value(RejectionCode.self, "code")
                let (day, week) = (try r.int("day"), try r.int("week"))
                if day != 0 { lastDay[code, default: 0] += day }
                if week != 0 { lastWeek[code, default: 0] += week }
            }
            let limit = StoreStatistics.countLimit
            let pending = try await session.rows(
                StoreStatement(
                    """
                    SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE sent_at IS NULL LIMIT ?) AS p) AS n,
                        (SELECT created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1) AS oldest
                    """, [.int(limit + 1)])
            ).first.map { RowReader($0, table: "outbox", key: "id") }
            let deadLetters = try await session.rows(
                StoreStatement("SELECT count(*) AS n FROM dead_letters WHERE resolution IS NULL")
            ).first.map { try RowReader($0, table: "dead_letters", key: "id").int("n") }
            let outboxPending = try pending?.int("n") ?? 0
            var statistics = StoreStatistics(
                casesByState: byState, overdueByKind: overdue, rejectionsLastDay: lastDay, rejectionsLastWeek: lastWeek,
                outboxPending: min(outboxPending, limit), oldestPendingAt: try pending?.optionalInstant("oldest"),
                openDeadLetters: deadLetters ?? 0, openAppeals: openAppeals)
            statistics.outboxPendingCapped = outboxPending > limit
            return statistics
        }
    }

    public func counts() async throws -> StoreCounts {
        try await driver.read { session in
            let row = try await session.rows(
                StoreStatement(
                    """
                    SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM events) AS events,
                        (SELECT count(*) FROM processed_messages) AS processed,
                        (SELECT count(*) FROM rejections) AS rejections, (SELECT count(*) FROM deadlines) AS deadlines,
                        (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS pending,
                        (SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL) AS sent,
                        (SELECT count(*) FROM dead_letters) AS dead_letters, (SELECT count(*) FROM audit_log) AS audit
                    """)
            ).first
            guard let row else { throw StoreError(.io, "counts returned no row") }
            let r = RowReader(row, table: "counts", key: "cases")
            return StoreCounts(
                cases: try r.int("cases"), events: try r.int("events"), processed: try r.int("processed"),
                rejections: try r.int("rejections"), deadlines: try r.int("deadlines"),
                outboxPending: try r.int("pending"), outboxSent: try r.int("sent"),
                deadLetters: try r.int("dead_letters"), auditEntries: try r.int("audit"))
        }
    }
}

extension StoreDialect {
    /// A boolean column is true: SQLite stores 0 and 1 (and its partial indexes say `= 1`).
    package func isTrue(_ column: String) -> String { self == .sqlite ? "\(column) = 1" : column }
    package func isFalse(_ column: String) -> String { self == .sqlite ? "\(column) = 0" : "NOT \(column)" }
    /// SQLite's index hint where its planner picks worse; PostgreSQL plans by statistics.
    package func indexedBy(_ index: String) -> String { self == .sqlite ? " INDEXED BY \(index)" : "" }
}
