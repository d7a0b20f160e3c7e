/// The SQL of each logical migration for PostgreSQL: the same tables, columns and invariants as
/// SQLite's, in PostgreSQL's dialect (BIGINT seconds, BOOLEAN, BYTEA, BIGSERIAL, plpgsql triggers).
extension StoreSchema {
    static func postgres(_ migration: StoreMigration) -> [String] {
        switch migration {
        case .eventLog:
            [
                """
                CREATE TABLE cases (
                    case_id TEXT PRIMARY KEY,
                    version BIGINT NOT NULL CHECK (version >= 1),
                    revision BIGINT NOT NULL CHECK (revision >= 1),
                    state TEXT NOT NULL,
                    municipality TEXT NOT NULL,
                    caseworker TEXT,
                    course_number BIGINT NOT NULL CHECK (course_number >= 0),
                    course_end TEXT,
                    last_event_at BIGINT NOT NULL,
                    snapshot TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX cases_state_idle ON cases (state, last_event_at)",
                "CREATE INDEX cases_municipality ON cases (municipality, state)",
                "CREATE INDEX cases_caseworker ON cases (caseworker) WHERE caseworker IS NOT NULL",
                "CREATE INDEX cases_course_end ON cases (course_end) WHERE course_end IS NOT NULL",
                """
                CREATE TABLE events (
                    case_id TEXT NOT NULL REFERENCES cases (case_id),
                    position BIGINT NOT NULL CHECK (position >= 1),
                    message_id TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    occurred_at BIGINT NOT NULL,
                    actor TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    rule_set TEXT NOT NULL,
                    body TEXT NOT NULL,
                    recorded_at BIGINT NOT NULL,
                    PRIMARY KEY (case_id, position)
                )
                """,
                """
                CREATE FUNCTION forloeb_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                """,
                """
                CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                    FOR EACH ROW EXECUTE FUNCTION forloeb_append_only()
                """,
                """
                CREATE TABLE processed_messages (
                    message_id TEXT PRIMARY KEY,
                    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')),
                    case_id TEXT,
                    attempts BIGINT NOT NULL CHECK (attempts >= 1),
                    processed_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE rejections (
                    id BIGSERIAL PRIMARY KEY,
                    message_id TEXT NOT NULL,
                    attempt BIGINT NOT NULL CHECK (attempt >= 1),
                    case_id TEXT,
                    attached BOOLEAN NOT NULL,
                    type TEXT NOT NULL,
                    code TEXT NOT NULL,
                    rule TEXT,
                    detail TEXT NOT NULL,
                    occurred_at BIGINT,
                    body BYTEA NOT NULL,
                    recorded_at BIGINT NOT NULL,
                    UNIQUE (message_id, attempt)
                )
                """,
                "CREATE INDEX rejections_case ON rejections (case_id) WHERE attached",
                "CREATE INDEX rejections_unattached ON rejections (id) WHERE NOT attached",
            ]
        case .deadlinesAndOutbox:
            [
                """
                CREATE TABLE deadlines (
                    case_id TEXT NOT NULL REFERENCES cases (case_id),
                    kind TEXT NOT NULL,
                    due_at BIGINT NOT NULL,
                    PRIMARY KEY (case_id, kind)
                )
                """,
                "CREATE INDEX deadlines_due ON deadlines (due_at)",
                """
                CREATE TABLE outbox (
                    id BIGSERIAL PRIMARY KEY,
                    message_id TEXT NOT NULL UNIQUE,
                    routing_key TEXT NOT NULL,
                    case_id TEXT,
                    body TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    sent_at BIGINT
                )
                """,
                "CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL",
                "CREATE INDEX outbox_case ON outbox (case_id) WHERE case_id IS NOT NULL",
                """
                CREATE TABLE notification_log (
                    case_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    due_at BIGINT NOT NULL,
                    notice TEXT NOT NULL CHECK (notice IN ('reminder', 'overdue')),
                    message_id TEXT NOT NULL,
                    recorded_at BIGINT NOT NULL,
                    PRIMARY KEY (case_id, kind, due_at, notice)
                )
                """,
            ]
        case .auditAndDeadLetters:
            [
                """
                CREATE TABLE audit_log (
                    sequence BIGINT PRIMARY KEY CHECK (sequence >= 1),
                    operator TEXT NOT NULL,
                    at BIGINT NOT NULL,
                    action TEXT NOT NULL,
                    case_id TEXT,
                    reason TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                )
                """,
                "CREATE INDEX audit_case ON audit_log (case_id) WHERE case_id IS NOT NULL",
                """
                CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION forloeb_append_only()
                """,
                """
                CREATE TABLE dead_letters (
                    id BIGSERIAL PRIMARY KEY,
                    message_id TEXT NOT NULL,
                    body BYTEA NOT NULL,
                    code TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    received_at BIGINT NOT NULL,
                    resolution TEXT CHECK (resolution IN ('dropped', 'replayed')),
                    resolved_at BIGINT
                )
                """,
                "CREATE INDEX dead_letters_open ON dead_letters (id) WHERE resolution IS NULL",
            ]
        case .rejectionIndexes:
            [
                "CREATE INDEX rejections_code ON rejections (code, id)",
                "CREATE INDEX rejections_recorded ON rejections (recorded_at, code)",
            ]
        case .byteOrderKeys:
            // Changing only the collation of a `text` column rewrites no table, only the indexes on the
            // column; the foreign keys from `events` and `deadlines` are checked again against `cases`. Each
            // table stays locked until the migration commits, and they are taken in the order a batch and the
            // scheduler take them (cases … deadlines, notification_log before outbox, then rejections), so that
            // a worker still running waits for the migration instead of deadlocking with it.
            [
                ("cases", ["case_id", "state"]),
                ("events", ["case_id", "message_id"]),
                ("processed_messages", ["message_id", "case_id"]),
                ("deadlines", ["case_id", "kind"]),
                ("notification_log", ["case_id", "kind", "notice"]),
                ("outbox", ["message_id", "case_id"]),
                ("rejections", ["message_id", "case_id", "code"]),
                ("dead_letters", ["message_id"]),
                ("audit_log", ["case_id"]),
            ].map { table, columns in
                "ALTER TABLE \(table) "
                    + columns.map { "ALTER COLUMN \($0) TYPE text COLLATE \"C\"" }.joined(separator: ", ")
            }
        case .caseChecksPerStatement:
            // The check probes `cases` once per distinct case id of the statement (a `LATERAL` subquery behind
            // `OFFSET 0`, which stays an index probe whatever the transition table's size), and fails with the
            // foreign key's own SQLSTATE. A failed check aborts the whole statement, as the foreign key did. The
            // functions resolve `cases` through the search path the migration ran with (as the foreign key named
            // its table once), whatever a later session's path. The tables are locked first, in the order a batch
            // takes them, so that a worker still running waits for the migration instead of deadlocking with it;
            // behind a long transaction the lock gives up after 10 s (run `forloeb migrate` again) rather than
            // stall every reader of `cases` queued behind it.
            [
                "SET LOCAL lock_timeout = '10s'",
                "LOCK TABLE cases, events, deadlines IN ACCESS EXCLUSIVE MODE",
                """
                CREATE FUNCTION forloeb_rows_name_cases() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (
                        SELECT 1 FROM (SELECT DISTINCT case_id FROM written) AS w
                        LEFT JOIN LATERAL (SELECT true AS found FROM cases WHERE case_id = w.case_id OFFSET 0) AS c
                            ON true
                        WHERE c.found IS NULL
                    ) THEN
                        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                            MESSAGE = format('a row of %s names a case that does not exist', TG_TABLE_NAME);
                    END IF;
                    RETURN NULL;
                END $$ SET search_path FROM CURRENT
                """,
                """
                CREATE FUNCTION forloeb_cases_stay() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'cases are never deleted, truncated nor renamed (%)', TG_OP; END $$
                """,
                "ALTER TABLE events DROP CONSTRAINT events_case_id_fkey",
                "ALTER TABLE deadlines DROP CONSTRAINT deadlines_case_id_fkey",
                """
                CREATE TRIGGER events_name_cases AFTER INSERT ON events REFERENCING NEW TABLE AS written
                    FOR EACH STATEMENT EXECUTE FUNCTION forloeb_rows_name_cases()
                """,
                """
                CREATE TRIGGER deadlines_inserted_name_cases AFTER INSERT ON deadlines REFERENCING NEW TABLE AS written
                    FOR EACH STATEMENT EXECUTE FUNCTION forloeb_rows_name_cases()
                """,
                """
                CREATE TRIGGER deadlines_updated_name_cases AFTER UPDATE ON deadlines REFERENCING NEW TABLE AS written
                    FOR EACH STATEMENT EXECUTE FUNCTION forloeb_rows_name_cases()
                """,
                """
                CREATE TRIGGER cases_stay BEFORE DELETE OR UPDATE OF case_id ON cases
                    FOR EACH ROW EXECUTE FUNCTION forloeb_cases_stay()
                """,
                """
                CREATE TRIGGER cases_not_truncated BEFORE TRUNCATE ON cases
                    FOR EACH STATEMENT EXECUTE FUNCTION forloeb_cases_stay()
                """,
            ]
        case .enumChecks:
            [EnumCheck.registrySQL]
        }
    }
}
