import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresDriver {
    /// Rows per `VALUES` statement on the rare paths (rejections, dead letters): PostgreSQL takes at most 65,535
    /// parameters per statement.
    static let rowsPerStatement = 2000

    func loadBatch(messageIds: [String], caseIds: [String], cache: SnapshotCache?) async throws
        -> (marks: [String: ProcessedMark], cases: [String: (snapshot: CitizenCase, revision: Int)])
    {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.load(connection, messageIds: messageIds, caseIds: caseIds, cache: cache, logger)
        }
    }

    func writeBatch(
        _ plan: BatchPlan, caseIds: [String], revisions: [String: Int], now: Instant, faults: StoreFaultHooks,
        in session: any StoreSession
    ) async throws {
        guard let session = session as? PostgresSession else { throw StoreError(.io, "not a PostgreSQL session") }
        try await Self.lookUpByKey(session.connection, logger)
        try await Self.write(
            plan, caseIds: caseIds, revisions: revisions, session.connection, now: Int(now.secondsSinceEpoch), faults,
            logger)
    }

    /// Makes the rest of the transaction find rows through their keys' indexes, one probe per key.
    ///
    /// A batch joins a thousand ids at once (`UPDATE … FROM unnest`, `DELETE … USING unnest`). Until autovacuum
    /// has analysed a table, and with the default `random_page_cost` for a table of a few hundred thousand rows,
    /// the planner costs a thousand index probes above one sequential scan, so every batch read the whole
    /// `deadlines` table: work that grows with the store's age. Without sequential scans it chose the next
    /// whole read instead: a hash join over all of `deadlines_kind_due` to delete 66 deadlines. These statements
    /// only ever want a handful of rows per key, so hash and merge joins are off too; one statement sets all
    /// three (`set_config(…, true)` is `SET LOCAL`).
    static func lookUpByKey(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query(
            """
            SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
                set_config('enable_mergejoin', 'off', true)
            """, logger: logger)
    }

    /// The processed marks of the batch's messages and the current snapshot and revision of its cases, in one
    /// round trip: marks and revisions first, then the JSON of the cases the cache does not hold at that
    /// revision (read with its own revision, so a change in between is harmless).
    ///
    /// Each id is looked up through a `LATERAL` subquery behind `OFFSET 0`, which the planner cannot merge into
    /// a join: it stays one index probe per id. As a plain join (or `= ANY`) of a thousand ids, the planner
    /// chose to read all of `processed_messages` for every batch until the table had statistics.
    static func load(
        _ connection: PostgresConnection, messageIds: [String], caseIds: [String], cache: SnapshotCache?,
        _ logger: Logger
    ) async throws -> (marks: [String: ProcessedMark], cases: [String: (snapshot: CitizenCase, revision: Int)]) {
        var marks: [String: ProcessedMark] = [:]
        var found: [String: (snapshot: CitizenCase, revision: Int)] = [:]
        var misses: [String] = []
        let rows = try await connection.query(
            """
            SELECT false AS is_case, m.message_id AS id, m.outcome, m.attempts
            FROM unnest(\(messageIds)::text[]) AS u (id) CROSS JOIN LATERAL (
                SELECT message_id, outcome, attempts FROM processed_messages WHERE message_id = u.id OFFSET 0) AS m
            UNION ALL
            SELECT true, c.case_id, NULL, c.revision
            FROM unnest(\(caseIds)::text[]) AS u (id) CROSS JOIN LATERAL (
                SELECT case_id, revision FROM cases WHERE case_id = u.id OFFSET 0) AS c
            """, logger: logger)
        var read = PostgresResultReader()
        for try await row in rows {
            let stored = read(row)
            let r = RowReader(stored, table: "processed_messages", key: "id")
            let id = try r.string("id")
            if !(try r.bool("is_case")) {
                marks[id] = try ProcessedMark(row: stored)
                continue
            }
            let number = try r.int("attempts")  // the case's revision
            if let snapshot = cache?.snapshot(id, revision: number) {
                found[id] = (snapshot, number)
            } else {
                misses.append(id)
            }
        }
        guard !misses.isEmpty else { return (marks, found) }
        var readCase = PostgresResultReader()
        for try await row in try await connection.query(
            "SELECT case_id, revision, snapshot FROM cases WHERE case_id = ANY(\(misses))", logger: logger)
        {
            let r = RowReader(readCase(row), table: "cases", key: "case_id")
            let (id, revision) = (try r.string("case_id"), try r.int("revision"))
            let snapshot = try CaseReplay.decode(try r.string("snapshot"), caseId: id)
            cache?.store(id, revision: revision, snapshot: snapshot)
            found[id] = (snapshot, revision)
        }
        return (marks, found)
    }

    /// Writes a planned batch inside the caller's transaction, after locking the batch's case rows in
    /// case-id order and checking that none changed since the batch read them.
    ///
    /// Round trips, not rows, are what a small batch pays for: the lock also reads the cases' stored deadlines,
    /// and every hot row (cases opened and changed, events, processed marks, deadlines, outbox, counters) is
    /// written by one statement of data-modifying `WITH` queries, each `unnest`ing one array per column. That
    /// events and deadlines name a case is checked at the end of that statement (migration 006's statement
    /// triggers), when the cases it opens exist. Rows of the rare paths (replays, rejections, dead letters) follow
    /// as statements of their own.
    static func write(
        _ plan: BatchPlan, caseIds: [String], revisions expected: [String: Int], _ connection: PostgresConnection,
        now: Int, _ faults: StoreFaultHooks, _ logger: Logger
    ) async throws {
        var stored: [DeadlineChanges.Row] = []
        if !caseIds.isEmpty {
            // The deadlines come from this statement's snapshot, which can predate a writer the lock waited for;
            // the lock returns that writer's revision, though, and every writer of deadlines (a batch, `rebuild`)
            // raises the revision, so such a batch fails the check below and is retried on fresh rows.
            var current: [String: Int] = [:]
            let rows = try await connection.query(
                """
                WITH locked AS MATERIALIZED (
                    SELECT case_id, revision FROM cases WHERE case_id = ANY(\(caseIds)) ORDER BY case_id FOR UPDATE)
                SELECT l.case_id, l.revision, d.kind, d.due_at
                FROM locked AS l LEFT JOIN LATERAL (
                    SELECT kind, due_at FROM deadlines WHERE case_id = l.case_id OFFSET 0) AS d ON true
                """, logger: logger)
            var read = PostgresResultReader()
            for try await row in rows {
                let columns = read(row)
                let r = RowReader(columns, table: "cases", key: "case_id")
                let caseId = try r.string("case_id")
                current[caseId] = try r.int("revision")
                // A couple of thousand rows per batch: the case's id is read once, not again for its deadline.
                let d = RowReader(columns, table: "deadlines", key: "case_id", "kind")
                if let kind = try d.optionalValue(DeadlineKind.self, "kind") {
                    stored.append(DeadlineChanges.Row(caseId: caseId, kind: kind.rawValue, dueAt: try d.int("due_at")))
                }
            }
            for id in caseIds where current[id] != expected[id] {
                throw StoreError(.conflict, "case \(id) changed since the batch read it")
            }
        }
        try faults.at(.loaded)

        let opened = plan.cases.filter { $0.expectedVersion == nil }
        let changed = plan.cases.filter { $0.expectedVersion != nil }
        let n = opened.map(\.summary)
        let c = changed.map(\.summary)
        let e = plan.events
        let marks = plan.processed.filter { $0.previousAttempts == nil }
        let deadlines = DeadlineChanges(stored: stored, planned: plan.plannedDeadlines)
        let closed = deadlines.removed
        let due = deadlines.upserted
        let o = plan.outbox
        let counts = plan.counterChanges(deadlines, now: now)
        let states = counts.caseRows
        let buckets = counts.deadlineRows
        let hours = counts.rejectionRows
        let query: PostgresQuery = try """
            WITH opened AS (
                INSERT INTO cases (case_id, version, revision, state, municipality, caseworker, course_number,
                    course_end, last_event_at, snapshot, updated_at)
                SELECT n.case_id, n.version, 1, n.state, n.municipality, n.caseworker, n.course_number, n.course_end,
                    n.last_event_at, n.snapshot, \(now)
                FROM unnest(\(n.map(\.caseId))::text[], \(n.map(\.version))::int8[], \(n.map(\.state.rawValue))::text[],
                    \(n.map(\.municipality))::text[], \(NullableArray(n.map(\.caseworker)))::text[],
                    \(n.map(\.courseNumber))::int8[], \(NullableArray(n.map { $0.courseEnd?.description }))::text[],
                    \(n.map { Int($0.lastEventAt.secondsSinceEpoch) })::int8[], \(opened.map(\.json))::text[])
                    AS n (case_id, version, state, municipality, caseworker, course_number, course_end, last_event_at,
                        snapshot)
            ), changed AS (
                UPDATE cases AS c SET version = v.version, revision = c.revision + 1, state = v.state,
                    municipality = v.municipality, caseworker = v.caseworker, course_number = v.course_number,
                    course_end = v.course_end, last_event_at = v.last_event_at, snapshot = v.snapshot,
                    updated_at = \(now)
                FROM unnest(\(c.map(\.caseId))::text[], \(c.map { expected[$0.caseId] ?? 0 })::int8[],
                    \(c.map(\.version))::int8[], \(c.map(\.state.rawValue))::text[], \(c.map(\.municipality))::text[],
                    \(NullableArray(c.map(\.caseworker)))::text[], \(c.map(\.courseNumber))::int8[],
                    \(NullableArray(c.map { $0.courseEnd?.description }))::text[],
                    \(c.map { Int($0.lastEventAt.secondsSinceEpoch) })::int8[], \(changed.map(\.json))::text[])
                    AS v (case_id, expected, version, state, municipality, caseworker, course_number, course_end,
                        last_event_at, snapshot)
                WHERE c.case_id = v.case_id AND c.revision = v.expected
                RETURNING 1
            ), logged AS (
                INSERT INTO events (case_id, position, message_id, type, occurred_at, actor, from_state, to_state,
                    rule_set, body, recorded_at)
                SELECT e.*, \(now)::int8
                FROM unnest(\(e.map(\.caseId))::text[], \(e.map(\.position))::int8[], \(e.map(\.messageId))::text[],
                    \(e.map(\.type))::text[], \(e.map { Int($0.occurredAt) })::int8[], \(e.map(\.actor))::text[],
                    \(NullableArray(e.map(\.fromState)))::text[], \(e.map(\.toState))::text[], \(e.map(\.ruleSet))::text[],
                    \(e.map(\.body))::text[]) AS e
            ), marked AS (
                INSERT INTO processed_messages (message_id, outcome, case_id, attempts, processed_at)
                SELECT p.*, \(now)::int8
                FROM unnest(\(marks.map(\.messageId))::text[], \(marks.map(\.outcome.rawValue))::text[],
                    \(NullableArray(marks.map(\.caseId)))::text[], \(marks.map(\.attempts))::int8[]) AS p
            ), closed AS (
                DELETE FROM deadlines AS d
                USING unnest(\(closed.map(\.caseId))::text[], \(closed.map(\.kind))::text[]) AS g (case_id, kind)
                WHERE d.case_id = g.case_id AND d.kind = g.kind
            ), due AS (
                INSERT INTO deadlines (case_id, kind, due_at)
                SELECT * FROM unnest(\(due.map(\.caseId))::text[], \(due.map(\.kind))::text[], \(due.map(\.dueAt))::int8[])
                ON CONFLICT (case_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at
            ), queued AS (
                INSERT INTO outbox (message_id, routing_key, case_id, body, created_at)
                SELECT q.*, \(now)::int8
                FROM unnest(\(o.map(\.messageId))::text[], \(o.map(\.routingKey))::text[],
                    \(NullableArray(o.map(\.caseId)))::text[], \(o.map(\.body))::text[]) AS q
                ON CONFLICT (message_id) DO NOTHING
            ), counted_cases AS (
                INSERT INTO case_counts (state, shard, cases)
                SELECT s.state, pg_backend_pid() % \(StoreDialect.counterShards), s.delta
                FROM unnest(\(states.map(\.state))::text[], \(states.map(\.delta))::int8[]) WITH ORDINALITY
                    AS s (state, delta, i)
                ORDER BY s.i
                ON CONFLICT (state, shard) DO UPDATE SET cases = case_counts.cases + EXCLUDED.cases
            ), counted_deadlines AS (
                INSERT INTO deadline_counts (kind, bucket, shard, deadlines)
                SELECT b.kind, b.bucket, pg_backend_pid() % \(StoreDialect.counterShards), b.delta
                FROM unnest(\(buckets.map(\.bucket.kind))::text[], \(buckets.map(\.bucket.bucket))::int8[],
                    \(buckets.map(\.delta))::int8[]) WITH ORDINALITY AS b (kind, bucket, delta, i)
                ORDER BY b.i
                ON CONFLICT (kind, bucket, shard) DO UPDATE SET deadlines = deadline_counts.deadlines + EXCLUDED.deadlines
            ), counted_rejections AS (
                INSERT INTO rejection_counts (bucket, code, shard, rejections)
                SELECT r.bucket, r.code, pg_backend_pid() % \(StoreDialect.counterShards), r.delta
                FROM unnest(\(hours.map(\.bucket.bucket))::int8[], \(hours.map(\.bucket.kind))::text[],
                    \(hours.map(\.delta))::int8[]) WITH ORDINALITY AS r (bucket, code, delta, i)
                ORDER BY r.i
                ON CONFLICT (bucket, code, shard) DO UPDATE SET rejections = rejection_counts.rejections + EXCLUDED.rejections
            )
            SELECT count(*)::int8 FROM changed
            """
        var updated = 0
        for try await count in try await connection.query(query, logger: logger).decode(Int.self) { updated = count }
        guard updated == changed.count else {
            throw StoreError(.conflict, "\(changed.count - updated) case(s) changed since the batch read them")
        }
        try faults.at(.casesWritten)

        for p in plan.processed {
            guard let previous = p.previousAttempts else { continue }
            var updated = 0
            for try await _ in try await connection.query(
                """
                UPDATE processed_messages SET outcome = \(p.outcome.rawValue), case_id = \(p.caseId),
                    attempts = \(p.attempts), processed_at = \(now)
                WHERE message_id = \(p.messageId) AND attempts = \(previous) RETURNING 1
                """, logger: logger)
            {
                updated += 1
            }
            guard updated == 1 else { throw StoreError(.conflict, "message \(p.messageId) was replayed concurrently") }
        }
        try faults.at(.eventsWritten)

        for chunk in plan.rejections.chunked(rowsPerStatement / 11) {
            var values = BulkValues(
                types: ["text", "int8", "text", "bool", "text", "text", "text", "text", "int8", "bytea", "int8"])
            for r in chunk {
                values.row { b in
                    b.append(r.messageId); b.append(r.attempt); b.append(r.caseId); b.append(r.attached);
                    b.append(r.type)
                    b.append(r.code); b.append(r.rule); b.append(r.detail); b.append(r.occurredAt.map { Int($0) })
                    b.append(ByteBuffer(bytes: r.body)); b.append(now)
                }
            }
            try await connection.query(
                values.query(
                    """
                    INSERT INTO rejections (message_id, attempt, case_id, attached, type, code, rule, detail, occurred_at,
                        body, recorded_at)
                    """), logger: logger)
        }
        for chunk in plan.deadLetters.chunked(rowsPerStatement / 5) {
            var values = BulkValues(types: ["text", "bytea", "text", "text", "int8"])
            for d in chunk {
                values.row { b in
                    b.append(d.messageId); b.append(ByteBuffer(bytes: d.body)); b.append(d.code); b.append(d.detail);
                    b.append(now)
                }
            }
            try await connection.query(
                values.query("INSERT INTO dead_letters (message_id, body, code, detail, received_at)"), logger: logger)
        }
        try faults.at(.rejectionsWritten)
        try faults.at(.deadlinesWritten)
        try faults.at(.outboxWritten)
    }
}
