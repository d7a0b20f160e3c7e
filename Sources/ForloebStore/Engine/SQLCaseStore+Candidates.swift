import ForloebCore
import Foundation

/// The reads behind `forloeb stuck` and `forloeb overdue` that must scale with what they print: keyset pages of
/// index ranges, indexed columns in place of snapshots, and a streamed due list.
extension SQLCaseStore {
    public func candidates(_ range: CandidateRange, after: CandidateRange.Position?, limit: Int) async throws
        -> [CandidateRange.Row]
    {
        let dialect = self.dialect
        let statement: StoreStatement
        switch range {
        case .due(let dueBy, let kinds):
            let list = dialect.isIn("kind", kinds.map(\.rawValue))
            var conditions = StoreConditions()
            conditions.add("due_at <= ?", [.instant(dueBy)])
            conditions.add(list.sql, list.arguments)
            if let after {
                // The first term bounds the index range; the row value picks up after the last row read.
                conditions.add(
                    "due_at >= ? AND (due_at, case_id, kind) > (?, ?, ?)",
                    [after.orderValue, after.orderValue, .text(after.caseId), .text(after.kind)])
            }
            statement = StoreStatement(
                "SELECT case_id, kind, due_at FROM deadlines\(dialect.indexedBy("deadlines_due")) \(conditions.sql) "
                    + "ORDER BY due_at, case_id, kind LIMIT ?", conditions.arguments + [.int(limit)])
        case .overrun(let endedBefore, let states):
            let list = dialect.isIn("state", states.map(\.rawValue))
            var conditions = StoreConditions()
            conditions.add("course_end IS NOT NULL AND course_end < ?", [.text(endedBefore.description)])
            conditions.add(list.sql, list.arguments)
            if let after {
                conditions.add(
                    "course_end >= ? AND (course_end, case_id) > (?, ?)",
                    [after.orderValue, after.orderValue, .text(after.caseId)])
            }
            // SQLite, left alone, prefers the (state, last_event_at) index and reads every running case.
            statement = StoreStatement(
                "SELECT case_id, course_end FROM cases\(dialect.indexedBy("cases_course_end")) \(conditions.sql) "
                    + "ORDER BY course_end, case_id LIMIT ?", conditions.arguments + [.int(limit)])
        case .idle(let state, let before):
            var conditions = StoreConditions()
            conditions.add("state = ? AND last_event_at < ?", [.text(state.rawValue), .instant(before)])
            if let after {
                conditions.add(
                    "last_event_at >= ? AND (last_event_at, case_id) > (?, ?)",
                    [after.orderValue, after.orderValue, .text(after.caseId)])
            }
            statement = StoreStatement(
                "SELECT case_id, last_event_at FROM cases\(dialect.indexedBy("cases_state_idle")) \(conditions.sql) "
                    + "ORDER BY last_event_at, case_id LIMIT ?", conditions.arguments + [.int(limit)])
        }
        return try await driver.rows(statement) { row in
            switch range {
            // The keys come as stored; a value that does not read (a damaged row) marks its case unreadable
            // rather than failing the whole list, and `indexedCases` then names what is wrong with it.
            case .due:
                let r = RowReader(row, table: "deadlines", key: "case_id", "kind")
                let (id, kind, dueAt) = (try r.string("case_id"), try r.string("kind"), try r.int("due_at"))
                let due = try? DueDeadline(row: row)
                return CandidateRange.Row(
                    caseId: id, since: due.map { .deadline($0.deadline) } ?? .unreadable,
                    position: .init(order: .seconds(Int64(dueAt)), caseId: id, kind: kind))
            case .overrun:
                let r = RowReader(row, table: "cases", key: "case_id")
                let (id, end) = (try r.string("case_id"), try r.string("course_end"))
                return CandidateRange.Row(
                    caseId: id, since: CivilDate(iso: end).map { .courseEnd($0) } ?? .unreadable,
                    position: .init(order: .text(end), caseId: id))
            case .idle:
                let r = RowReader(row, table: "cases", key: "case_id")
                let (id, last) = (try r.string("case_id"), try r.int("last_event_at"))
                return CandidateRange.Row(
                    caseId: id, since: .lastEvent(Instant(secondsSinceEpoch: Int64(last))),
                    position: .init(order: .seconds(Int64(last)), caseId: id))
            }
        }
    }

    public func indexedCases(_ caseIds: [String]) async throws -> [IndexedCase] {
        let storable = caseIds.filter(StorableText.isStorable)
        let dialect = self.dialect
        return try await driver.read { session in
            var out: [IndexedCase] = []
            for chunk in storable.chunked(dialect.listChunk) {
                let list = dialect.isIn("case_id", Array(chunk))
                let results = try await session.rows([
                    StoreStatement("SELECT \(DueDeadline.columns) FROM deadlines WHERE \(list.sql)", list.arguments),
                    StoreStatement("SELECT \(CaseSummary.columns) FROM cases WHERE \(list.sql)", list.arguments),
                ])
                var deadlines: [String: [Deadline]] = [:]
                for row in results[0] {
                    let due = try DueDeadline(row: row)
                    deadlines[due.caseId, default: []].append(due.deadline)
                }
                for row in results[1] {
                    let summary = try CaseSummary(row: row)
                    out.append(IndexedCase(summary: summary, deadlines: deadlines[summary.caseId] ?? []))
                }
            }
            return out
        }
    }

    public func forEachDueDeadline(
        dueBy: Instant, kind: DeadlineKind?, limit: Int, _ body: (DueDeadline) throws -> Void
    ) async throws {
        // Keyset pages, each its own read: memory holds a page, and a row is decoded as any other read decodes it.
        var after: DeadlineChanges.Row?
        var remaining = limit
        while remaining > 0 {
            let page = min(remaining, Self.duePage)
            var conditions = StoreConditions()
            if let kind { conditions.add("kind = ?", [.text(kind.rawValue)]) }
            conditions.add("due_at <= ?", [.instant(dueBy)])
            if let after {
                // With a kind, the (kind, due_at) index holds exactly the rows wanted, in order (migration 010).
                if kind == nil {
                    conditions.add(
                        "due_at >= ? AND (due_at, case_id, kind) > (?, ?, ?)",
                        [.int(after.dueAt), .int(after.dueAt), .text(after.caseId), .text(after.kind)])
                } else {
                    conditions.add(
                        "due_at >= ? AND (due_at, case_id) > (?, ?)",
                        [.int(after.dueAt), .int(after.dueAt), .text(after.caseId)])
                }
            }
            let index = dialect.indexedBy(kind == nil ? "deadlines_due" : "deadlines_kind_due")
            let statement = StoreStatement(
                "SELECT \(DueDeadline.columns) FROM deadlines\(index) \(conditions.sql) "
                    + "ORDER BY due_at, case_id\(kind == nil ? ", kind" : "") LIMIT ?",
                conditions.arguments + [.int(page)])
            // Each row with its due time as stored, the next page's key.
            let rows = try await driver.rows(statement) { row in
                (
                    due: try DueDeadline(row: row),
                    dueAt: try RowReader(row, table: "deadlines", key: "case_id").int("due_at")
                )
            }
            for row in rows { try body(row.due) }
            remaining -= rows.count
            guard rows.count == page, let last = rows.last else { break }
            after = DeadlineChanges.Row(
                caseId: last.due.caseId, kind: last.due.deadline.kind.rawValue, dueAt: last.dueAt)
        }
    }

    /// Rows per page of `forEachDueDeadline`: the first page of `forloeb overdue` in one read.
    static var duePage: Int { 1000 }
}
