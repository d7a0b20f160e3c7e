import ForloebCore
import Foundation

/// The rebuild driver, written once: every case replayed from its log in chunks, each chunk one transaction.
extension SQLCaseStore {
    /// Cases per rebuild transaction: big enough to be quick, small enough not to hold the writer long.
    static var rebuildChunk: Int { 500 }

    public func rebuild(journey: Journey, dryRun: Bool, at now: Instant, audit: AuditEntry?) async throws
        -> RebuildReport
    {
        var report = RebuildReport(dryRun: dryRun, casesExamined: 0, changed: [], unreplayable: [])
        var after = ""
        let dialect = self.dialect
        while true {
            let ids = try await driver.read { [after] session in
                try await session.rows(
                    StoreStatement(
                        "SELECT case_id FROM cases WHERE case_id > ? ORDER BY case_id LIMIT ?",
                        [.text(after), .int(Self.rebuildChunk)])
                ).map { try RowReader($0, table: "cases", key: "case_id").string("case_id") }
            }
            guard let last = ids.last else { break }
            after = last
            let part = try await driver.transaction { session in
                try await Self.rebuild(session, ids, journey: journey, dryRun: dryRun, now: now, dialect: dialect)
            }
            report.casesExamined += ids.count
            report.changed += part.changed
            report.unreplayable += part.unreplayable
        }
        if !dryRun {
            // The counters follow every write of forloeb's, but not a row someone changed by hand: a rebuild,
            // the repair, counts them again from the rows.
            try await driver.transaction { session in
                for statement in StoreSchema.recountCounters(dialect) { try await session.execute(StoreStatement(statement)) }
            }
        }
        if let audit, !dryRun {
            var entry = audit
            entry.detail =
                (audit.detail.isEmpty ? "" : audit.detail + "; ") + "examined \(report.casesExamined), changed \(report.changed.count), unreplayable \(report.unreplayable.count)"
            _ = try await appendAudit(entry)
        }
        return report
    }

    /// Replays `ids` from their logs and writes what differs, in the caller's transaction (on PostgreSQL the
    /// chunk's cases are locked first, so that no worker moves them while they are recomputed).
    static func rebuild(
        _ session: any StoreSession, _ ids: [String], journey: Journey, dryRun: Bool, now: Instant,
        dialect: StoreDialect
    ) async throws -> RebuildReport {
        var report = RebuildReport(dryRun: dryRun, casesExamined: ids.count, changed: [], unreplayable: [])
        let list = dialect.isIn("case_id", ids)
        var stored: [String: (snapshot: CitizenCase, revision: Int)] = [:]
        // The stored state column and deadline rows, which the counters count (`CounterChanges`).
        var storedStates: [String: String] = [:]
        var storedDueTimes: [String: [(kind: String, dueAt: Int)]] = [:]
        var counts = CounterChanges()
        for row in try await session.rows(
            StoreStatement(
                "SELECT case_id, revision, state, snapshot FROM cases WHERE \(list.sql) ORDER BY case_id"
                    + (dialect == .postgres ? " FOR UPDATE" : ""), list.arguments))
        {
            let r = RowReader(row, table: "cases", key: "case_id")
            let id = try r.string("case_id")
            storedStates[id] = try r.string("state")
            stored[id] = (try CaseReplay.decode(try r.string("snapshot"), caseId: id), try r.int("revision"))
        }
        var bodies: [String: [(messageId: String, body: Data)]] = [:]
        for row in try await session.rows(
            StoreStatement(
                "SELECT case_id, message_id, body FROM events WHERE \(list.sql) ORDER BY case_id, position",
                list.arguments))
        {
            let r = RowReader(row, table: "events", key: "message_id")
            bodies[try r.string("case_id"), default: []].append(
                (try r.string("message_id"), Data(try r.string("body").utf8)))
        }
        var storedDeadlines: [String: [Deadline]] = [:]
        // Cases with a row at 00:00 UTC (written before deadlines fell due at Danish midnight): the right date
        // but not the right instant, to be rewritten.
        var dueTimesStale: Set<String> = []
        for row in try await session.rows(
            StoreStatement("SELECT \(DueDeadline.columns) FROM deadlines WHERE \(list.sql)", list.arguments))
        {
            let due = try DueDeadline(row: row)
            let raw = try DeadlineChanges.Row(row: row)
            storedDeadlines[due.caseId, default: []].append(due.deadline)
            storedDueTimes[due.caseId, default: []].append((raw.kind, raw.dueAt))
            if due.deadline.dueAt.secondsSinceEpoch != Int64(raw.dueAt) {
                dueTimesStale.insert(due.caseId)
            }
        }
        for id in ids {
            guard let (before, revision) = stored[id] else { continue }
            guard
                let snapshot = CaseReplay.compare(
                    caseId: id, stored: before, storedDeadlines: (storedDeadlines[id] ?? []).sorted(),
                    dueTimesStale: dueTimesStale.contains(id), bodies: bodies[id] ?? [], journey: journey,
                    into: &report),
                !dryRun
            else { continue }
            let s = CaseSummary(snapshot)
            let updated = try await session.execute(
                StoreStatement(
                    """
                    UPDATE cases SET version = ?, revision = revision + 1, state = ?, municipality = ?,
                        caseworker = ?, course_number = ?, course_end = ?, last_event_at = ?, snapshot = ?,
                        updated_at = ?
                    WHERE case_id = ? AND revision = ?
                    """,
                    [
                        .int(s.version), .text(s.state.rawValue), .text(s.municipality), .optional(s.caseworker),
                        .int(s.courseNumber), .optional(s.courseEnd?.description), .instant(s.lastEventAt),
                        .text(snapshot.canonicalJSON()), .instant(now), .text(id), .int(revision),
                    ]))
            guard updated == 1 else { throw StoreError(.conflict, "case \(id) changed during the rebuild") }
            counts.move(caseFrom: storedStates[id], to: s.state.rawValue)
            try await session.execute(StoreStatement("DELETE FROM deadlines WHERE case_id = ?", [.text(id)]))
            for old in storedDueTimes[id] ?? [] { counts.move(deadline: old.kind, from: old.dueAt, to: nil) }
            for deadline in journey.deadlines(for: snapshot) {
                counts.move(deadline: deadline.kind.rawValue, from: nil, to: Int(deadline.dueAt.secondsSinceEpoch))
                try await session.execute(
                    StoreStatement(
                        "INSERT INTO deadlines (case_id, kind, due_at) VALUES (?, ?, ?)",
                        [.text(id), .text(deadline.kind.rawValue), .instant(deadline.dueAt)]))
            }
        }
        for statement in counts.statements(dialect) { try await session.execute(statement) }
        return report
    }
}
