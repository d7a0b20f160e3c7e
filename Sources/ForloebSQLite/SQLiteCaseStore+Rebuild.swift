import ForloebCore
import ForloebStore
import Foundation
import GRDB

extension SQLiteCaseStore {
    /// Cases per rebuild transaction: big enough to be quick, small enough not to hold the writer long.
    static let rebuildChunk = 500

    public func rebuild(journey: Journey, dryRun: Bool, at now: Instant, audit: AuditEntry?) async throws
        -> RebuildReport
    {
        var report = RebuildReport(dryRun: dryRun, casesExamined: 0, changed: [], unreplayable: [])
        var after: String = ""
        while true {
            let ids = try await read { [after] db in
                try String.fetchAll(
                    db, sql: "SELECT case_id FROM cases WHERE case_id > ? ORDER BY case_id LIMIT ?",
                    arguments: [after, Self.rebuildChunk])
            }
            guard let last = ids.last else { break }
            after = last
            let part = try await transaction { db in
                try Self.rebuild(db, ids, journey: journey, dryRun: dryRun, now: now.secondsSinceEpoch)
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

    /// Replays `ids` from their logs and writes what differs, in the caller's transaction.
    static func rebuild(_ db: Database, _ ids: [String], journey: Journey, dryRun: Bool, now: Int64) throws
        -> RebuildReport
    {
        var report = RebuildReport(dryRun: dryRun, casesExamined: ids.count, changed: [], unreplayable: [])
        let loaded = try cases(db, ids, cache: nil)
        for id in ids {
            guard let (stored, revision) = loaded[id] else { continue }
            let bodies = try Row.fetchAll(
                db, sql: "SELECT message_id, body FROM events WHERE case_id = ? ORDER BY position", arguments: [id]
            ).map { row in
                let r = RowReader(row.stored, table: "events", key: "message_id")
                return (messageId: try r.string("message_id"), body: Data(try r.string("body").utf8))
            }
            let rows = try Row.fetchAll(
                db, sql: "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = ?", arguments: [id])
            let due = try rows.map { (due: try Self.due($0), dueAt: try DeadlineChanges.Row(row: $0.stored).dueAt) }
            let storedDeadlines = due.map(\.due.deadline).sorted()
            // A row at 00:00 UTC (written before deadlines fell due at Danish midnight) has the right date but
            // not the right instant: rewrite it.
            let dueTimesStale = due.contains { $0.due.deadline.dueAt.secondsSinceEpoch != Int64($0.dueAt) }
            guard
                let snapshot = CaseReplay.compare(
                    caseId: id, stored: stored, storedDeadlines: storedDeadlines, dueTimesStale: dueTimesStale,
                    bodies: bodies, journey: journey, into: &report),
                !dryRun
            else { continue }
            let s = CaseSummary(snapshot)
            try db.execute(
                sql: """
                    UPDATE cases SET version = ?, revision = revision + 1, state = ?, municipality = ?,
                        caseworker = ?, course_number = ?, course_end = ?, last_event_at = ?, snapshot = ?,
                        updated_at = ?
                    WHERE case_id = ? AND revision = ?
                    """,
                arguments: [
                    s.version, s.state.rawValue, s.municipality, s.caseworker, s.courseNumber,
                    s.courseEnd?.description,
                    s.lastEventAt.secondsSinceEpoch, snapshot.canonicalJSON(), now, id, revision,
                ])
            guard db.changesCount == 1 else { throw StoreError(.conflict, "case \(id) changed during the rebuild") }
            try db.execute(sql: "DELETE FROM deadlines WHERE case_id = ?", arguments: [id])
            for deadline in journey.deadlines(for: snapshot) {
                try db.execute(
                    sql: "INSERT INTO deadlines (case_id, kind, due_at) VALUES (?, ?, ?)",
                    arguments: [id, deadline.kind.rawValue, deadline.dueAt.secondsSinceEpoch])
            }
        }
        return report
    }
}
