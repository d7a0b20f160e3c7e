import ForloebCore
import ForloebStore
import Foundation
import GRDB

/// SQLite's bulk form of a batch: the marks and snapshots read in one snapshot, the rows written by cached
/// prepared statements, one execution per row (an in-process call each).
extension SQLiteDriver {
    func loadBatch(messageIds: [String], caseIds: [String], cache: SnapshotCache?) async throws
        -> (marks: [String: ProcessedMark], cases: [String: (snapshot: CitizenCase, revision: Int)])
    {
        do {
            return try await database.read { db in
                (try Self.marks(db, messageIds), try Self.cases(db, caseIds, cache: cache))
            }
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
    }

    func writeBatch(
        _ plan: BatchPlan, caseIds: [String], revisions: [String: Int], now: Instant, faults: StoreFaultHooks,
        in session: any StoreSession
    ) async throws {
        guard let session = session as? SQLiteSession else { throw StoreError(.io, "not a SQLite session") }
        try await session.run { db in
            try Self.write(plan, caseIds: caseIds, revisions: revisions, db, now: now.secondsSinceEpoch, faults)
        }
    }

    func writeBatch(
        _ plan: BatchPlan, caseIds: [String], revisions: [String: Int], now: Instant, faults: StoreFaultHooks
    ) async throws {
        do {
            try await database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try Self.write(plan, caseIds: caseIds, revisions: revisions, db, now: now.secondsSinceEpoch, faults)
                    return .commit
                }
            }
        } catch {
            throw SQLiteCaseStore.mapKeepingCancellation(error)
        }
    }

    static func marks(_ db: Database, _ ids: [String]) throws -> [String: ProcessedMark] {
        var marks: [String: ProcessedMark] = [:]
        for chunk in ids.chunked(500) {
            let rows = try SQLiteRow.fetchAll(
                db,
                "SELECT \(ProcessedMark.columns) FROM processed_messages WHERE message_id IN \(placeholders(chunk.count))",
                StatementArguments(chunk))
            for row in rows {
                marks[try RowReader(row, table: "processed_messages", key: "message_id").string("message_id")] =
                    try ProcessedMark(row: row)
            }
        }
        return marks
    }

    /// The current snapshot and revision of each case: the revision from the table, the snapshot from the
    /// cache when it holds that revision, else decoded from its JSON.
    static func cases(_ db: Database, _ ids: [String], cache: SnapshotCache?) throws
        -> [String: (snapshot: CitizenCase, revision: Int)]
    {
        var found: [String: (snapshot: CitizenCase, revision: Int)] = [:]
        var misses: [String] = []
        for (id, revision) in try revisions(db, ids) {
            if let snapshot = cache?.snapshot(id, revision: revision) {
                found[id] = (snapshot, revision)
            } else {
                misses.append(id)
            }
        }
        for chunk in misses.chunked(500) {
            let rows = try SQLiteRow.fetchAll(
                db, "SELECT case_id, revision, snapshot FROM cases WHERE case_id IN \(placeholders(chunk.count))",
                StatementArguments(chunk))
            for row in rows {
                let r = RowReader(row, table: "cases", key: "case_id")
                let id = try r.string("case_id")
                let revision = try r.int("revision")
                let snapshot = try CaseReplay.decode(try r.string("snapshot"), caseId: id)
                cache?.store(id, revision: revision, snapshot: snapshot)
                found[id] = (snapshot, revision)
            }
        }
        return found
    }

    static func revisions(_ db: Database, _ ids: [String]) throws -> [String: Int] {
        var revisions: [String: Int] = [:]
        for chunk in ids.chunked(500) {
            let rows = try SQLiteRow.fetchAll(
                db, "SELECT case_id, revision FROM cases WHERE case_id IN \(placeholders(chunk.count))",
                StatementArguments(chunk))
            for row in rows {
                let r = RowReader(row, table: "cases", key: "case_id")
                revisions[try r.string("case_id")] = try r.int("revision")
            }
        }
        return revisions
    }

    /// The open deadline rows of `caseIds`, as stored.
    static func storedDeadlines(_ db: Database, _ caseIds: [String]) throws -> [DeadlineChanges.Row] {
        var stored: [DeadlineChanges.Row] = []
        for chunk in caseIds.chunked(500) {
            for row in try SQLiteRow.fetchAll(
                db, "SELECT case_id, kind, due_at FROM deadlines WHERE case_id IN \(placeholders(chunk.count))",
                StatementArguments(chunk))
            {
                stored.append(try DeadlineChanges.Row(row: row))
            }
        }
        return stored
    }

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    /// Writes a planned batch inside the caller's transaction, checking first that no case it read has
    /// changed since (else `conflict`, and the caller's rollback discards everything).
    static func write(
        _ plan: BatchPlan, caseIds: [String], revisions expected: [String: Int], _ db: Database, now: Int64,
        _ faults: StoreFaultHooks
    ) throws {
        let current = try revisions(db, caseIds)
        for id in caseIds where current[id] != expected[id] {
            throw StoreError(.conflict, "case \(id) changed since the batch read it")
        }
        try faults.at(.loaded)

        let insertCase = try db.cachedStatement(
            sql: """
                INSERT INTO cases (case_id, version, revision, state, municipality, caseworker, course_number,
                    course_end, last_event_at, snapshot, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let updateCase = try db.cachedStatement(
            sql: """
                UPDATE cases SET version = ?, revision = revision + 1, state = ?, municipality = ?, caseworker = ?,
                    course_number = ?, course_end = ?, last_event_at = ?, snapshot = ?, updated_at = ?
                WHERE case_id = ? AND revision = ?
                """)
        for write in plan.cases {
            let s = write.summary
            if write.expectedVersion != nil, let expectedRevision = expected[s.caseId] {
                try updateCase.execute(arguments: [
                    s.version, s.state.rawValue, s.municipality, s.caseworker, s.courseNumber, s.courseEnd?.description,
                    s.lastEventAt.secondsSinceEpoch, write.json, now, s.caseId, expectedRevision,
                ])
                guard db.changesCount == 1 else {
                    throw StoreError(.conflict, "case \(s.caseId) is no longer at revision \(expectedRevision)")
                }
            } else {
                try insertCase.execute(arguments: [
                    s.caseId, s.version, s.state.rawValue, s.municipality, s.caseworker, s.courseNumber,
                    s.courseEnd?.description, s.lastEventAt.secondsSinceEpoch, write.json, now,
                ])
            }
        }
        try faults.at(.casesWritten)

        let insertEvent = try db.cachedStatement(
            sql: """
                INSERT INTO events (case_id, position, message_id, type, occurred_at, actor, from_state, to_state,
                    rule_set, body, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for e in plan.events {
            try insertEvent.execute(arguments: [
                e.caseId, e.position, e.messageId, e.type, e.occurredAt, e.actor, e.fromState, e.toState, e.ruleSet,
                e.body, now,
            ])
        }
        let insertProcessed = try db.cachedStatement(
            sql:
                "INSERT INTO processed_messages (message_id, outcome, case_id, attempts, processed_at) VALUES (?, ?, ?, ?, ?)"
        )
        let updateProcessed = try db.cachedStatement(
            sql: """
                UPDATE processed_messages SET outcome = ?, case_id = ?, attempts = ?, processed_at = ?
                WHERE message_id = ? AND attempts = ?
                """)
        for p in plan.processed {
            if let previous = p.previousAttempts {
                try updateProcessed.execute(arguments: [
                    p.outcome.rawValue, p.caseId, p.attempts, now, p.messageId, previous,
                ])
                guard db.changesCount == 1 else {
                    throw StoreError(.conflict, "message \(p.messageId) was replayed concurrently")
                }
            } else {
                try insertProcessed.execute(arguments: [p.messageId, p.outcome.rawValue, p.caseId, p.attempts, now])
            }
        }
        try faults.at(.eventsWritten)

        let insertRejection = try db.cachedStatement(
            sql: """
                INSERT INTO rejections (message_id, attempt, case_id, attached, type, code, rule, detail, occurred_at,
                    body, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for r in plan.rejections {
            try insertRejection.execute(arguments: [
                r.messageId, r.attempt, r.caseId, r.attached, r.type, r.code, r.rule, r.detail, r.occurredAt, r.body,
                now,
            ])
        }
        let insertDeadLetter = try db.cachedStatement(
            sql: "INSERT INTO dead_letters (message_id, body, code, detail, received_at) VALUES (?, ?, ?, ?, ?)")
        for d in plan.deadLetters {
            try insertDeadLetter.execute(arguments: [d.messageId, d.body, d.code, d.detail, now])
        }
        try faults.at(.rejectionsWritten)

        let stored = try storedDeadlines(
            db, plan.cases.filter { $0.expectedVersion != nil }.map(\.summary.caseId))
        let changes = DeadlineChanges(stored: stored, planned: plan.plannedDeadlines)
        let deleteDeadline = try db.cachedStatement(sql: "DELETE FROM deadlines WHERE case_id = ? AND kind = ?")
        for row in changes.removed { try deleteDeadline.execute(arguments: [row.caseId, row.kind]) }
        let upsertDeadline = try db.cachedStatement(
            sql: """
                INSERT INTO deadlines (case_id, kind, due_at) VALUES (?, ?, ?)
                ON CONFLICT (case_id, kind) DO UPDATE SET due_at = excluded.due_at
                """)
        for row in changes.upserted { try upsertDeadline.execute(arguments: [row.caseId, row.kind, row.dueAt]) }
        for statement in plan.counterChanges(changes, now: Int(now)).statements(.sqlite) {
            let (sql, arguments) = try SQLiteSession.bind(statement)
            try db.execute(sql: sql, arguments: arguments)
        }
        try faults.at(.deadlinesWritten)

        let insertOutbox = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (message_id, routing_key, case_id, body, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (message_id) DO NOTHING
                """)
        for o in plan.outbox {
            try insertOutbox.execute(arguments: [o.messageId, o.routingKey, o.caseId, o.body, now])
        }
        try faults.at(.outboxWritten)
    }
}
