/// The SQL of the migrations that are PostgreSQL's own (the tables themselves are `StoreSchema.shared`).
extension StoreSchema {
    static func postgres(_ migration: StoreMigration) -> [String] {
        switch migration {
        case .eventLog, .deadlinesAndOutbox, .auditAndDeadLetters, .rejectionIndexes, .enumChecks, .auditIdentity, .pendingActions:
            shared(migration, .postgres)
        case .enumChecksCompared:
            // PostgreSQL scans an `IN` list in place: its checks stay as they are.
            []
        case .rejectionCounts:
            ["SET LOCAL lock_timeout = '10s'", "LOCK TABLE rejections IN SHARE MODE"] + shared(migration, .postgres)
        case .operatorCounters:
            // Writers wait while the counters are filled from the rows (SHARE lets readers on), in the order a
            // batch takes the tables; behind a long transaction the lock gives up after 10 s (run `migrate` again).
            ["SET LOCAL lock_timeout = '10s'", "LOCK TABLE cases, deadlines IN SHARE MODE"]
                + shared(migration, .postgres)
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
        }
    }
}
