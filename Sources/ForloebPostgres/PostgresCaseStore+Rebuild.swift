import ForloebCore
import ForloebStore
import Foundation
import Logging
import PostgresNIO

extension PostgresCaseStore {
    static let rebuildChunk = 500

    public func rebuild(journey: Journey, dryRun: Bool, at now: Instant, audit: AuditEntry?) async throws
        -> RebuildReport
    {
        let logger = self.logger
        var report = RebuildReport(dryRun: dryRun, casesExamined: 0, changed: [], unreplayable: [])
        var after = ""
        while true {
            let cursor = after
            let ids = try await withConnection { connection in
                try await Self.collect(
                    try await connection.query(
                        "SELECT case_id FROM cases WHERE case_id > \(cursor) ORDER BY case_id LIMIT \(Self.rebuildChunk)",
                        logger: logger)
                ) { try RowReader($0, table: "cases", key: "case_id").string("case_id") }
            }
            guard let last = ids.last else { break }
            after = last
            let part = try await transaction { connection in
                try await Self.rebuild(
                    connection, ids, journey: journey, dryRun: dryRun, now: Int(now.secondsSinceEpoch), logger)
            }
            report.casesExamined += ids.count
            report.changed += part.changed
            report.unreplayable += part.unreplayable
        }
        if let audit, !dryRun {
            var entry = audit
            entry.detail =
                "examined \(report.casesExamined), changed \(report.changed.count), unreplayable \(report.unreplayable.count)"
            _ = try await appendAudit(entry)
        }
        return report
    }

    static func rebuild(
        _ connection: PostgresConnection, _ ids: [String], journey: Journey, dryRun: Bool, now: Int, _ logger: Logger
    ) async throws -> RebuildReport {
        var report = RebuildReport(dryRun: dryRun, casesExamined: ids.count, changed: [], unreplayable: [])
        // Lock the chunk's cases so that no worker moves them while they are recomputed.
        var stored: [String: CitizenCase] = [:]
        for try await row in try await connection.query(
            "SELECT case_id, snapshot FROM cases WHERE case_id = ANY(\(ids)) ORDER BY case_id FOR UPDATE",
            logger: logger)
        {
            let r = RowReader(row.stored, table: "cases", key: "case_id")
            let id = try r.string("case_id")
            stored[id] = try CaseReplay.decode(try r.string("snapshot"), caseId: id)
        }
        var bodies: [String: [(messageId: String, body: Data)]] = [:]
        for try await row in try await connection.query(
            "SELECT case_id, message_id, body FROM events WHERE case_id = ANY(\(ids)) ORDER BY case_id, position",
            logger: logger)
        {
            let r = RowReader(row.stored, table: "events", key: "message_id")
            bodies[try r.string("case_id"), default: []].append((try r.string("message_id"), Data(try r.string("body").utf8)))
        }
        var storedDeadlines: [String: [Deadline]] = [:]
        // Cases with a row at 00:00 UTC (written before deadlines fell due at Danish midnight): the right date
        // but not the right instant, to be rewritten.
        var dueTimesStale: Set<String> = []
        for try await row in try await connection.query(
            "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = ANY(\(ids))", logger: logger)
        {
            let due = try DueDeadline(row: row.stored)
            storedDeadlines[due.caseId, default: []].append(due.deadline)
            let dueAt = try DeadlineChanges.Row(row: row.stored).dueAt
            if Int(due.deadline.dueAt.secondsSinceEpoch) != dueAt { dueTimesStale.insert(due.caseId) }
        }
        for id in ids {
            guard let before = stored[id] else { continue }
            let deadlinesBefore = (storedDeadlines[id] ?? []).sorted()
            guard
                let snapshot = CaseReplay.compare(
                    caseId: id, stored: before, storedDeadlines: deadlinesBefore,
                    dueTimesStale: dueTimesStale.contains(id), bodies: bodies[id] ?? [], journey: journey,
                    into: &report),
                !dryRun
            else { continue }
            let s = CaseSummary(snapshot)
            let json = snapshot.canonicalJSON()
            try await connection.query(
                """
                UPDATE cases SET version = \(s.version), revision = revision + 1, state = \(s.state.rawValue), municipality = \(s.municipality),
                    caseworker = \(s.caseworker), course_number = \(s.courseNumber),
                    course_end = \(s.courseEnd?.description), last_event_at = \(Int(s.lastEventAt.secondsSinceEpoch)),
                    snapshot = \(json), updated_at = \(now)
                WHERE case_id = \(id)
                """, logger: logger)
            try await connection.query("DELETE FROM deadlines WHERE case_id = \(id)", logger: logger)
            for deadline in journey.deadlines(for: snapshot) {
                try await connection.query(
                    """
                    INSERT INTO deadlines (case_id, kind, due_at)
                    VALUES (\(id), \(deadline.kind.rawValue), \(Int(deadline.dueAt.secondsSinceEpoch)))
                    """, logger: logger)
            }
        }
        return report
    }
}
