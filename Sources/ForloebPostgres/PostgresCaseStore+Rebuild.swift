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
                        logger: logger), as: String.self)
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
        for try await (id, json) in try await connection.query(
            "SELECT case_id, snapshot FROM cases WHERE case_id = ANY(\(ids)) ORDER BY case_id FOR UPDATE",
            logger: logger
        ).decode((String, String).self) {
            stored[id] = try CaseReplay.decode(json, caseId: id)
        }
        var bodies: [String: [(messageId: String, body: Data)]] = [:]
        for try await (id, messageId, body) in try await connection.query(
            "SELECT case_id, message_id, body FROM events WHERE case_id = ANY(\(ids)) ORDER BY case_id, position",
            logger: logger
        ).decode((String, String, String).self) {
            bodies[id, default: []].append((messageId, Data(body.utf8)))
        }
        var storedDeadlines: [String: [Deadline]] = [:]
        // Cases with a row at 00:00 UTC (written before deadlines fell due at Danish midnight): the right date
        // but not the right instant, to be rewritten.
        var dueTimesStale: Set<String> = []
        for try await r in try await connection.query(
            "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = ANY(\(ids))", logger: logger
        ).decode((String, String, Int).self) {
            guard let due = due(r) else { continue }
            storedDeadlines[r.0, default: []].append(due.deadline)
            if Int(due.deadline.dueAt.secondsSinceEpoch) != r.2 { dueTimesStale.insert(r.0) }
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
