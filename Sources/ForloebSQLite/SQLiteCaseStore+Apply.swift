import ForloebCore
import ForloebStore
import Foundation
import GRDB

extension SQLiteCaseStore {
    public func apply(_ messages: [InboundMessage], journey: Journey, at now: Instant, options: ApplyOptions) async throws
        -> [ApplyOutcome]
    {
        let messageIds = BatchPlan.messageIds(of: messages)
        let caseIds = BatchPlan.caseIds(of: messages)
        let (marks, snapshots) = try await read { db in
            (try Self.marks(db, messageIds), try Self.snapshots(db, caseIds))
        }
        let plan = BatchPlan.make(messages, journey: journey, processed: marks, snapshots: snapshots)
        let expected = snapshots.mapValues(\.version)
        try await faults.afterLoad?()
        let faults = self.faults
        try await transaction { db in
            try Self.write(plan, caseIds: plan.dependsOn, expected: expected, db, now: now.secondsSinceEpoch, options, faults)
        }
        return plan.outcomes
    }

    static func marks(_ db: Database, _ ids: [String]) throws -> [String: ProcessedMark] {
        var marks: [String: ProcessedMark] = [:]
        for chunk in ids.chunked(500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT message_id, outcome, attempts FROM processed_messages WHERE message_id IN \(placeholders(chunk.count))",
                arguments: StatementArguments(chunk))
            for row in rows {
                let outcome = ProcessedMark.Outcome(rawValue: row[1]) ?? .applied
                marks[row[0]] = ProcessedMark(outcome: outcome, attempts: row[2])
            }
        }
        return marks
    }

    static func snapshots(_ db: Database, _ ids: [String]) throws -> [String: CitizenCase] {
        var snapshots: [String: CitizenCase] = [:]
        for chunk in ids.chunked(500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT case_id, snapshot FROM cases WHERE case_id IN \(placeholders(chunk.count))",
                arguments: StatementArguments(chunk))
            for row in rows {
                let id: String = row[0]
                snapshots[id] = try CaseReplay.decode(row[1], caseId: id)
            }
        }
        return snapshots
    }

    static func versions(_ db: Database, _ ids: [String]) throws -> [String: Int] {
        var versions: [String: Int] = [:]
        for chunk in ids.chunked(500) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT case_id, version FROM cases WHERE case_id IN \(placeholders(chunk.count))",
                arguments: StatementArguments(chunk))
            for row in rows { versions[row[0]] = row[1] }
        }
        return versions
    }

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    /// Writes a planned batch inside the caller's transaction, checking first that no case it read has
    /// changed since (else `conflict`, and the caller's rollback discards everything).
    static func write(
        _ plan: BatchPlan, caseIds: [String], expected: [String: Int], _ db: Database, now: Int64,
        _ options: ApplyOptions, _ faults: StoreFaultHooks
    ) throws {
        let current = try versions(db, caseIds)
        for id in caseIds where current[id] != expected[id] {
            throw StoreError(.conflict, "case \(id) changed since the batch read it")
        }
        try faults.at(.loaded)

        let insertCase = try db.cachedStatement(
            sql: """
                INSERT INTO cases (case_id, version, state, municipality, caseworker, course_number, course_end,
                    last_event_at, snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let updateCase = try db.cachedStatement(
            sql: """
                UPDATE cases SET version = ?, state = ?, municipality = ?, caseworker = ?, course_number = ?,
                    course_end = ?, last_event_at = ?, snapshot = ?, updated_at = ? WHERE case_id = ? AND version = ?
                """)
        for write in plan.cases {
            let s = write.summary
            if let expectedVersion = write.expectedVersion {
                try updateCase.execute(arguments: [
                    s.version, s.state.rawValue, s.municipality, s.caseworker, s.courseNumber, s.courseEnd?.description,
                    s.lastEventAt.secondsSinceEpoch, write.json, now, s.caseId, expectedVersion,
                ])
                guard db.changesCount == 1 else {
                    throw StoreError(.conflict, "case \(s.caseId) is no longer at version \(expectedVersion)")
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
            sql: "INSERT INTO processed_messages (message_id, outcome, case_id, attempts, processed_at) VALUES (?, ?, ?, ?, ?)")
        let updateProcessed = try db.cachedStatement(
            sql: """
                UPDATE processed_messages SET outcome = ?, case_id = ?, attempts = ?, processed_at = ?
                WHERE message_id = ? AND attempts = ?
                """)
        for p in plan.processed {
            if let previous = p.previousAttempts {
                try updateProcessed.execute(arguments: [p.outcome.rawValue, p.caseId, p.attempts, now, p.messageId, previous])
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
                r.messageId, r.attempt, r.caseId, r.attached, r.type, r.code, r.rule, r.detail, r.occurredAt, r.body, now,
            ])
        }
        let insertDeadLetter = try db.cachedStatement(
            sql: "INSERT INTO dead_letters (message_id, body, code, detail, received_at) VALUES (?, ?, ?, ?, ?)")
        for d in plan.deadLetters {
            try insertDeadLetter.execute(arguments: [d.messageId, d.body, d.code, d.detail, now])
        }
        try faults.at(.rejectionsWritten)

        let deleteDeadlines = try db.cachedStatement(sql: "DELETE FROM deadlines WHERE case_id = ?")
        let insertDeadline = try db.cachedStatement(sql: "INSERT INTO deadlines (case_id, kind, due_at) VALUES (?, ?, ?)")
        for write in plan.cases {
            if write.expectedVersion != nil { try deleteDeadlines.execute(arguments: [write.summary.caseId]) }
            for deadline in write.deadlines {
                try insertDeadline.execute(arguments: [
                    write.summary.caseId, deadline.kind.rawValue, deadline.dueAt.secondsSinceEpoch,
                ])
            }
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

        if let id = options.resolvesDeadLetter {
            try resolve(db, deadLetter: id, as: .replayed, now: now)
        }
        if let audit = options.audit {
            _ = try appendAudit(db, audit)
        }
    }

    static func resolve(_ db: Database, deadLetter id: Int64, as resolution: DeadLetterResolution, now: Int64) throws {
        try db.execute(
            sql: "UPDATE dead_letters SET resolution = ?, resolved_at = ? WHERE id = ? AND resolution IS NULL",
            arguments: [resolution.rawValue, now, id])
        guard db.changesCount == 1 else {
            throw StoreError(.notFound, "dead letter \(id) does not exist or was already settled")
        }
    }

    static func appendAudit(_ db: Database, _ entry: AuditEntry) throws -> AuditRecord {
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1")
        let previous: (sequence: Int64, hash: String)? = last.map { ($0[0], $0[1]) }
        let record = AuditChain.link(entry, after: previous)
        try db.execute(
            sql: """
                INSERT INTO audit_log (sequence, operator, at, action, case_id, reason, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.sequence, entry.operatorId, entry.at.secondsSinceEpoch, entry.action, entry.caseId, entry.reason,
                entry.detail, record.prevHash, record.hash,
            ])
        return record
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (SQL `IN` lists stay under the variable limit).
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
