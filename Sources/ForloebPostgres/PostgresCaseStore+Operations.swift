import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The operator's queries (`forloeb stuck`, `rejections`, `resend`, `stats`) on PostgreSQL.
extension PostgresCaseStore {
    public func overrunCases(endedBefore: CivilDate, limit: Int) async throws -> [CaseSummary] {
        let logger = self.logger
        var bindings = PostgresBindings()
        bindings.append(endedBefore.description)
        bindings.append(CaseState.allCases.filter(\.hasRunningCourse).map(\.rawValue))
        bindings.append(limit)
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.summaryColumns) FROM cases
                WHERE course_end IS NOT NULL AND course_end < $1 AND state = ANY($2)
                ORDER BY course_end, case_id LIMIT $3
                """, binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), CaseSummary.init(row:))
        }
    }

    public func rejections(matching filter: RejectionFilter) async throws -> [StoredRejection] {
        guard StorableText.areStorable([filter.caseId, filter.messageId]) else { return [] }
        let logger = self.logger
        var clauses: [String] = []
        var bindings = PostgresBindings()
        if let code = filter.code {
            bindings.append(code.rawValue)
            clauses.append("code = $\(bindings.count)")
        }
        if let caseId = filter.caseId {
            bindings.append(caseId)
            clauses.append("case_id = $\(bindings.count) AND attached")
        }
        if let messageId = filter.messageId {
            bindings.append(messageId)
            clauses.append("message_id = $\(bindings.count)")
        }
        if let since = filter.since {
            bindings.append(Int(since.secondsSinceEpoch))
            clauses.append("recorded_at >= $\(bindings.count)")
        }
        bindings.append(filter.limit)
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Self.rejectionColumns) FROM rejections \(whereClause) ORDER BY id DESC LIMIT $\(bindings.count)",
            binds: bindings)
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), StoredRejection.init(row:))
        }
    }

    public func rejectedMessage(_ messageId: String) async throws -> RejectedMessage? {
        guard StorableText.isStorable(messageId) else { return nil }
        let logger = self.logger
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.rejectionColumns), body FROM rejections WHERE message_id = $1 ORDER BY attempt DESC LIMIT 1
                """, binds: Self.binds(messageId))
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger)) { row in
                RejectedMessage(
                    rejection: try StoredRejection(row: row),
                    body: try RowReader(row, table: "rejections", key: "id").data("body"))
            }.first
        }
    }

    public func outbox(caseId: String) async throws -> [OutboxMessage] {
        guard StorableText.isStorable(caseId) else { return [] }
        let logger = self.logger
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Self.outboxColumns) FROM outbox WHERE case_id = $1 ORDER BY id", binds: Self.binds(caseId))
        return try await withConnection { connection in
            try await Self.collect(try await connection.query(query, logger: logger), OutboxMessage.init(row:))
        }
    }

    public func requeueOutbox(_ ids: [Int64], audit: AuditEntry) async throws -> Int {
        let logger = self.logger
        let list = ids.map { Int($0) }
        return try await transaction { connection in
            var requeued = 0
            for try await _ in try await connection.query(
                "UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL AND id = ANY(\(list)) RETURNING 1", logger: logger)
            {
                requeued += 1
            }
            _ = try await Self.appendAudit(connection, audit, logger)
            return requeued
        }
    }

    public func statistics(at now: Instant) async throws -> StoreStatistics {
        let logger = self.logger
        let t = Int(now.secondsSinceEpoch)
        let day = t - 86_400
        let week = t - 7 * 86_400
        return try await withConnection { connection in
            var byState: [CaseState: Int] = [:]
            for try await row in try await connection.query(
                "SELECT state, count(*)::bigint AS n FROM cases GROUP BY state", logger: logger)
            {
                let r = RowReader(row.stored, table: "cases", key: "state")
                byState[try r.value(CaseState.self, "state")] = try r.int("n")
            }
            var overdue: [DeadlineKind: Int] = [:]
            for try await row in try await connection.query(
                "SELECT kind, count(*)::bigint AS n FROM deadlines WHERE due_at <= \(t) GROUP BY kind", logger: logger)
            {
                let r = RowReader(row.stored, table: "deadlines", key: "kind")
                overdue[try r.value(DeadlineKind.self, "kind")] = try r.int("n")
            }
            var lastDay: [RejectionCode: Int] = [:]
            var lastWeek: [RejectionCode: Int] = [:]
            for try await row in try await connection.query(
                """
                SELECT code, count(*) FILTER (WHERE recorded_at >= \(day))::bigint AS day, count(*)::bigint AS week
                FROM rejections WHERE recorded_at >= \(week) GROUP BY code
                """, logger: logger)
            {
                let r = RowReader(row.stored, table: "rejections", key: "code")
                let code = try r.value(RejectionCode.self, "code")
                if try r.int("day") > 0 { lastDay[code] = try r.int("day") }
                lastWeek[code] = try r.int("week")
            }
            var pending = 0
            var oldest: Instant?
            for try await row in try await connection.query(
                "SELECT count(*)::bigint AS n, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL", logger: logger)
            {
                let r = RowReader(row.stored, table: "outbox", key: "id")
                (pending, oldest) = (try r.int("n"), try r.optionalInstant("oldest"))
            }
            var deadLetters = 0
            for try await row in try await connection.query(
                "SELECT count(*)::bigint AS n FROM dead_letters WHERE resolution IS NULL", logger: logger)
            {
                deadLetters = try RowReader(row.stored, table: "dead_letters", key: "id").int("n")
            }
            return StoreStatistics(
                casesByState: byState, overdueByKind: overdue, rejectionsLastDay: lastDay, rejectionsLastWeek: lastWeek,
                outboxPending: pending, oldestPendingAt: oldest,
                openDeadLetters: deadLetters)
        }
    }

    public func snapshots(_ caseIds: [String]) async throws -> [String: CitizenCase] {
        let storable = caseIds.filter(StorableText.isStorable)
        let logger = self.logger
        var out: [String: CitizenCase] = [:]
        for chunk in storable.chunked(5000) {
            let part = try await withConnection { connection in
                try await Self.load(connection, messageIds: [], caseIds: Array(chunk), cache: nil, logger).cases
                    .mapValues(\.snapshot)
            }
            out.merge(part) { $1 }
        }
        return out
    }

    public func eventBodies(_ caseId: String) async throws -> [Data] {
        guard StorableText.isStorable(caseId) else { return [] }
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.collect(
                try await connection.query(
                    "SELECT case_id, position, body FROM events WHERE case_id = \(caseId) ORDER BY position", logger: logger)
            ) { Data(try RowReader($0, table: "events", key: "case_id", "position").string("body").utf8) }
        }
    }
}
