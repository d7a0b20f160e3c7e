import ForloebCore
import ForloebStore
import Foundation
import GRDB

/// The operator's queries (`forloeb stuck`, `rejections`, `resend`, `stats`) on SQLite.
extension SQLiteCaseStore {
    public func overrunCases(endedBefore: CivilDate, limit: Int) async throws -> [CaseSummary] {
        let running = CaseState.allCases.filter(\.hasRunningCourse).map(\.rawValue)
        return try await read { db in
            // A range on the partial index cases_course_end, read in end order so LIMIT stops early. Without
            // INDEXED BY, SQLite prefers the (state, last_event_at) index and reads every running case.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.summaryColumns) FROM cases INDEXED BY cases_course_end
                    WHERE course_end IS NOT NULL AND course_end < ? AND state IN \(Self.placeholders(running.count))
                    ORDER BY course_end, case_id LIMIT ?
                    """,
                arguments: StatementArguments([endedBefore.description] + running + [limit] as [any DatabaseValueConvertible])
            ).map(Self.summary)
        }
    }

    public func rejections(matching filter: RejectionFilter) async throws -> [StoredRejection] {
        guard StorableText.areStorable([filter.caseId, filter.messageId]) else { return [] }
        return try await read { db in
            var clauses: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let code = filter.code {
                clauses.append("code = ?")
                arguments.append(code.rawValue)
            }
            if let caseId = filter.caseId {
                clauses.append("case_id = ? AND attached = 1")
                arguments.append(caseId)
            }
            if let messageId = filter.messageId {
                clauses.append("message_id = ?")
                arguments.append(messageId)
            }
            if let since = filter.since {
                clauses.append("recorded_at >= ?")
                arguments.append(since.secondsSinceEpoch)
            }
            arguments.append(filter.limit)
            let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT \(Self.rejectionColumns) FROM rejections \(whereClause) ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments(arguments)
            ).map(Self.rejection)
        }
    }

    public func rejectedMessage(_ messageId: String) async throws -> RejectedMessage? {
        guard StorableText.isStorable(messageId) else { return nil }
        return try await read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(Self.rejectionColumns), body FROM rejections WHERE message_id = ?
                        ORDER BY attempt DESC LIMIT 1
                        """, arguments: [messageId])
            else { return nil }
            let body = try RowReader(row.stored, table: "rejections", key: "id").data("body")
            return RejectedMessage(rejection: try Self.rejection(row), body: body)
        }
    }

    public func outbox(caseId: String) async throws -> [OutboxMessage] {
        guard StorableText.isStorable(caseId) else { return [] }
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(OutboxMessage.columns) FROM outbox WHERE case_id = ? ORDER BY id",
                arguments: [caseId]
            ).map(Self.outbox)
        }
    }

    public func requeueOutbox(_ ids: [Int64], audit: AuditEntry) async throws -> Int {
        try await transaction { db in
            var requeued = 0
            for chunk in ids.chunked(500) {
                try db.execute(
                    sql: "UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL AND id IN \(Self.placeholders(chunk.count))",
                    arguments: StatementArguments(Array(chunk)))
                requeued += db.changesCount
            }
            _ = try Self.appendAudit(db, audit)
            return requeued
        }
    }

    public func statistics(at now: Instant) async throws -> StoreStatistics {
        let t = now.secondsSinceEpoch
        return try await read { db in
            var byState: [CaseState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM cases GROUP BY state") {
                let r = RowReader(row.stored, table: "cases", key: "state")
                byState[try r.value(CaseState.self, "state")] = try r.int("n")
            }
            var overdue: [DeadlineKind: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT kind, count(*) AS n FROM deadlines WHERE due_at <= ? GROUP BY kind", arguments: [t])
            {
                let r = RowReader(row.stored, table: "deadlines", key: "kind")
                overdue[try r.value(DeadlineKind.self, "kind")] = try r.int("n")
            }
            func rejections(since: Int64) throws -> [RejectionCode: Int] {
                var out: [RejectionCode: Int] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql:
                        "SELECT code, count(*) AS n FROM rejections INDEXED BY rejections_recorded WHERE recorded_at >= ? GROUP BY code",
                    arguments: [since])
                {
                    let r = RowReader(row.stored, table: "rejections", key: "code")
                    out[try r.value(RejectionCode.self, "code")] = try r.int("n")
                }
                return out
            }
            let pending = try Row.fetchOne(
                db, sql: "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL"
            ).map { RowReader($0.stored, table: "outbox", key: "id") }
            let deadLetters = try Int.fetchOne(db, sql: "SELECT count(*) FROM dead_letters WHERE resolution IS NULL") ?? 0
            return StoreStatistics(
                casesByState: byState, overdueByKind: overdue, rejectionsLastDay: try rejections(since: t - 86_400),
                rejectionsLastWeek: try rejections(since: t - 7 * 86_400), outboxPending: try pending?.int("n") ?? 0,
                oldestPendingAt: try pending?.optionalInstant("oldest"), openDeadLetters: deadLetters)
        }
    }

    public func snapshots(_ caseIds: [String]) async throws -> [String: CitizenCase] {
        let storable = caseIds.filter(StorableText.isStorable)
        return try await read { db in try Self.cases(db, storable, cache: nil).mapValues(\.snapshot) }
    }

    public func eventBodies(_ caseId: String) async throws -> [Data] {
        guard StorableText.isStorable(caseId) else { return [] }
        return try await read { db in
            try String.fetchAll(db, sql: "SELECT body FROM events WHERE case_id = ? ORDER BY position", arguments: [caseId])
                .map { Data($0.utf8) }
        }
    }
}
