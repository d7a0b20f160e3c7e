import ForloebCore
import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresCaseStore {
    /// Rows per `VALUES` statement on the rare paths (rejections, dead letters): PostgreSQL takes at most 65,535
    /// parameters per statement.
    static let rowsPerStatement = 2000

    public func apply(_ messages: [InboundMessage], journey: Journey, at now: Instant, options: ApplyOptions)
        async throws
        -> [ApplyOutcome]
    {
        let messageIds = BatchPlan.messageIds(of: messages)
        let caseIds = BatchPlan.caseIds(of: messages).sorted()
        let logger = self.logger
        let cache = self.cache
        let (marks, loaded) = try await transaction { connection in
            try await Self.lookUpByKey(connection, logger)
            return (
                try await Self.marks(connection, messageIds, logger),
                try await Self.cases(connection, caseIds, cache: cache, logger)
            )
        }
        let plan = BatchPlan.make(messages, journey: journey, processed: marks, snapshots: loaded.mapValues(\.snapshot))
        let revisions = loaded.mapValues(\.revision)
        try await faults.afterLoad?()
        let faults = self.faults
        try await transaction { connection in
            try await Self.lookUpByKey(connection, logger)
            try await Self.write(
                plan, caseIds: plan.dependsOn, revisions: revisions, connection, now: Int(now.secondsSinceEpoch),
                options,
                faults, logger)
        }
        for write in plan.cases {
            cache.store(
                write.summary.caseId, revision: (revisions[write.summary.caseId] ?? 0) + 1, snapshot: write.snapshot)
        }
        return plan.outcomes
    }

    /// Makes the rest of the transaction find rows through their keys' indexes.
    ///
    /// A batch looks up a thousand message and case ids at once (`= ANY`, joins on `unnest`). Until autovacuum
    /// has analysed a table, and with the default `random_page_cost` for a table of a few hundred thousand rows,
    /// the planner costs a thousand index probes above one sequential scan, so every batch read the whole
    /// `processed_messages` and `deadlines` tables: work that grows with the store's age, measured at a third
    /// of PostgreSQL's CPU per event. These statements only ever want a handful of rows per key.
    static func lookUpByKey(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("SET LOCAL enable_seqscan = off", logger: logger)
    }

    static func marks(_ connection: PostgresConnection, _ ids: [String], _ logger: Logger) async throws
        -> [String: ProcessedMark]
    {
        var marks: [String: ProcessedMark] = [:]
        guard !ids.isEmpty else { return marks }
        let rows = try await connection.query(
            "SELECT message_id, outcome, attempts FROM processed_messages WHERE message_id = ANY(\(ids))",
            logger: logger)
        for try await (id, outcome, attempts) in rows.decode((String, String, Int).self) {
            marks[id] = ProcessedMark(outcome: ProcessedMark.Outcome(rawValue: outcome) ?? .applied, attempts: attempts)
        }
        return marks
    }

    /// The current snapshot and revision of each case: revisions first, then the JSON of those the cache
    /// does not hold at that revision (read with its own revision, so a change in between is harmless).
    static func cases(
        _ connection: PostgresConnection, _ ids: [String], cache: SnapshotCache?, _ logger: Logger
    ) async throws -> [String: (snapshot: CitizenCase, revision: Int)] {
        var found: [String: (snapshot: CitizenCase, revision: Int)] = [:]
        guard !ids.isEmpty else { return found }
        var misses: [String] = []
        for try await (id, revision) in try await connection.query(
            "SELECT case_id, revision FROM cases WHERE case_id = ANY(\(ids))", logger: logger
        ).decode((String, Int).self) {
            if let snapshot = cache?.snapshot(id, revision: revision) {
                found[id] = (snapshot, revision)
            } else {
                misses.append(id)
            }
        }
        guard !misses.isEmpty else { return found }
        for try await (id, revision, json) in try await connection.query(
            "SELECT case_id, revision, snapshot FROM cases WHERE case_id = ANY(\(misses))", logger: logger
        ).decode((String, Int, String).self) {
            let snapshot = try CaseReplay.decode(json, caseId: id)
            cache?.store(id, revision: revision, snapshot: snapshot)
            found[id] = (snapshot, revision)
        }
        return found
    }

    /// Writes a planned batch inside the caller's transaction, after locking the batch's case rows in
    /// case-id order and checking that none changed since the batch read them.
    static func write(
        _ plan: BatchPlan, caseIds: [String], revisions expected: [String: Int], _ connection: PostgresConnection,
        now: Int,
        _ options: ApplyOptions, _ faults: StoreFaultHooks, _ logger: Logger
    ) async throws {
        if !caseIds.isEmpty {
            var current: [String: Int] = [:]
            let rows = try await connection.query(
                "SELECT case_id, revision FROM cases WHERE case_id = ANY(\(caseIds)) ORDER BY case_id FOR UPDATE",
                logger: logger)
            for try await (id, version) in rows.decode((String, Int).self) { current[id] = version }
            for id in caseIds where current[id] != expected[id] {
                throw StoreError(.conflict, "case \(id) changed since the batch read it")
            }
        }
        try faults.at(.loaded)

        // The hot rows are bound as one array per column and `unnest`ed: one short statement per table whatever
        // the batch size, instead of a `VALUES` list of thousands of parameters that the server parses anew.
        let inserts = plan.cases.filter { $0.expectedVersion == nil }
        if !inserts.isEmpty {
            let s = inserts.map(\.summary)
            let query: PostgresQuery = try """
                INSERT INTO cases (case_id, version, revision, state, municipality, caseworker, course_number,
                    course_end, last_event_at, snapshot, updated_at)
                SELECT u.case_id, u.version, 1, u.state, u.municipality, u.caseworker, u.course_number, u.course_end,
                    u.last_event_at, u.snapshot, \(now)
                FROM unnest(\(s.map(\.caseId))::text[], \(s.map(\.version))::int8[], \(s.map(\.state.rawValue))::text[],
                    \(s.map(\.municipality))::text[], \(NullableArray(s.map(\.caseworker)))::text[],
                    \(s.map(\.courseNumber))::int8[], \(NullableArray(s.map { $0.courseEnd?.description }))::text[],
                    \(s.map { Int($0.lastEventAt.secondsSinceEpoch) })::int8[], \(inserts.map(\.json))::text[])
                    AS u (case_id, version, state, municipality, caseworker, course_number, course_end, last_event_at,
                        snapshot)
                """
            try await connection.query(query, logger: logger)
        }
        let updates = plan.cases.filter { $0.expectedVersion != nil }
        if !updates.isEmpty {
            let s = updates.map(\.summary)
            let query: PostgresQuery = try """
                UPDATE cases AS c SET version = v.version, revision = c.revision + 1, state = v.state,
                    municipality = v.municipality, caseworker = v.caseworker, course_number = v.course_number,
                    course_end = v.course_end, last_event_at = v.last_event_at, snapshot = v.snapshot,
                    updated_at = \(now)
                FROM unnest(\(s.map(\.caseId))::text[], \(s.map { expected[$0.caseId] ?? 0 })::int8[],
                    \(s.map(\.version))::int8[], \(s.map(\.state.rawValue))::text[], \(s.map(\.municipality))::text[],
                    \(NullableArray(s.map(\.caseworker)))::text[], \(s.map(\.courseNumber))::int8[],
                    \(NullableArray(s.map { $0.courseEnd?.description }))::text[],
                    \(s.map { Int($0.lastEventAt.secondsSinceEpoch) })::int8[], \(updates.map(\.json))::text[])
                    AS v (case_id, expected, version, state, municipality, caseworker, course_number, course_end,
                        last_event_at, snapshot)
                WHERE c.case_id = v.case_id AND c.revision = v.expected
                RETURNING c.case_id
                """
            var updated = 0
            for try await _ in try await connection.query(query, logger: logger) { updated += 1 }
            guard updated == updates.count else {
                throw StoreError(.conflict, "\(updates.count - updated) case(s) changed since the batch read them")
            }
        }
        try faults.at(.casesWritten)

        if !plan.events.isEmpty {
            let e = plan.events
            let query: PostgresQuery = try """
                INSERT INTO events (case_id, position, message_id, type, occurred_at, actor, from_state, to_state,
                    rule_set, body, recorded_at)
                SELECT u.*, \(now)::int8
                FROM unnest(\(e.map(\.caseId))::text[], \(e.map(\.position))::int8[], \(e.map(\.messageId))::text[],
                    \(e.map(\.type))::text[], \(e.map { Int($0.occurredAt) })::int8[], \(e.map(\.actor))::text[],
                    \(NullableArray(e.map(\.fromState)))::text[], \(e.map(\.toState))::text[], \(e.map(\.ruleSet))::text[],
                    \(e.map(\.body))::text[]) AS u
                """
            try await connection.query(query, logger: logger)
        }
        let newMarks = plan.processed.filter { $0.previousAttempts == nil }
        if !newMarks.isEmpty {
            let query: PostgresQuery = try """
                INSERT INTO processed_messages (message_id, outcome, case_id, attempts, processed_at)
                SELECT u.*, \(now)::int8
                FROM unnest(\(newMarks.map(\.messageId))::text[], \(newMarks.map(\.outcome.rawValue))::text[],
                    \(NullableArray(newMarks.map(\.caseId)))::text[], \(newMarks.map(\.attempts))::int8[]) AS u
                """
            try await connection.query(query, logger: logger)
        }
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

        var stored: [DeadlineChanges.Row] = []
        let replaced = updates.map(\.summary.caseId)
        if !replaced.isEmpty {
            for try await (caseId, kind, dueAt) in try await connection.query(
                "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = ANY(\(replaced))", logger: logger
            ).decode((String, String, Int).self) {
                stored.append(DeadlineChanges.Row(caseId: caseId, kind: kind, dueAt: dueAt))
            }
        }
        let changes = DeadlineChanges(stored: stored, planned: plan.plannedDeadlines)
        if !changes.removed.isEmpty {
            let r = changes.removed
            let query: PostgresQuery = """
                DELETE FROM deadlines AS d
                USING unnest(\(r.map(\.caseId))::text[], \(r.map(\.kind))::text[]) AS u (case_id, kind)
                WHERE d.case_id = u.case_id AND d.kind = u.kind
                """
            try await connection.query(query, logger: logger)
        }
        if !changes.upserted.isEmpty {
            let u = changes.upserted
            let query: PostgresQuery = """
                INSERT INTO deadlines (case_id, kind, due_at)
                SELECT * FROM unnest(\(u.map(\.caseId))::text[], \(u.map(\.kind))::text[], \(u.map(\.dueAt))::int8[])
                ON CONFLICT (case_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at
                """
            try await connection.query(query, logger: logger)
        }
        try faults.at(.deadlinesWritten)

        if !plan.outbox.isEmpty {
            let o = plan.outbox
            let query: PostgresQuery = try """
                INSERT INTO outbox (message_id, routing_key, case_id, body, created_at)
                SELECT u.*, \(now)::int8
                FROM unnest(\(o.map(\.messageId))::text[], \(o.map(\.routingKey))::text[],
                    \(NullableArray(o.map(\.caseId)))::text[], \(o.map(\.body))::text[]) AS u
                ON CONFLICT (message_id) DO NOTHING
                """
            try await connection.query(query, logger: logger)
        }
        try faults.at(.outboxWritten)

        if let id = options.resolvesDeadLetter {
            try await resolve(connection, deadLetter: id, as: .replayed, now: now, logger)
        }
        if let audit = options.audit {
            _ = try await appendAudit(connection, audit, logger)
        }
    }

    static func resolve(
        _ connection: PostgresConnection, deadLetter id: Int64, as resolution: DeadLetterResolution, now: Int,
        _ logger: Logger
    ) async throws {
        var updated = 0
        for try await _ in try await connection.query(
            """
            UPDATE dead_letters SET resolution = \(resolution.rawValue), resolved_at = \(now)
            WHERE id = \(Int(id)) AND resolution IS NULL RETURNING 1
            """, logger: logger)
        {
            updated += 1
        }
        guard updated == 1 else {
            throw StoreError(.notFound, "dead letter \(id) does not exist or was already settled")
        }
    }

    static func appendAudit(_ connection: PostgresConnection, _ entry: AuditEntry, _ logger: Logger) async throws
        -> AuditRecord
    {
        // One chain: writers take turns for the rest of their transaction.
        try await connection.query("SELECT pg_advisory_xact_lock(7243001)", logger: logger)
        var previous: (sequence: Int64, hash: String)?
        for try await (sequence, hash) in try await connection.query(
            "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1", logger: logger
        ).decode((Int, String).self) {
            previous = (Int64(sequence), hash)
        }
        let record = AuditChain.link(entry, after: previous)
        try await connection.query(
            """
            INSERT INTO audit_log (sequence, operator, at, action, case_id, reason, detail, prev_hash, hash)
            VALUES (\(Int(record.sequence)), \(entry.operatorId), \(Int(entry.at.secondsSinceEpoch)), \(entry.action),
                \(entry.caseId), \(entry.reason), \(entry.detail), \(record.prevHash), \(record.hash))
            """, logger: logger)
        return record
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(1, size)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
