/// The tables, written once: instants are integer seconds since the epoch, dates ISO text; the schema itself keeps
/// the invariants (NOT NULL, UNIQUE, CHECK, append-only triggers). Only the types and the triggers' language
/// differ by dialect.
extension StoreSchema {
    /// The column types and clauses that differ by dialect.
    struct Types {
        /// An integer (SQLite's `INTEGER`, which a `PRIMARY KEY` makes the rowid; PostgreSQL's `BIGINT`).
        var int: String
        var bool: String
        var blob: String
        /// An id the database numbers.
        var serial: String
        /// How a table keyed by its primary key only ends (SQLite keeps no rowid).
        var keyed: String

        init(_ dialect: StoreDialect) {
            switch dialect {
            case .sqlite:
                (int, bool, blob, serial, keyed) = (
                    "INTEGER", "INTEGER NOT NULL CHECK (attached IN (0, 1))", "BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT",
                    " WITHOUT ROWID"
                )
            case .postgres:
                (int, bool, blob, serial, keyed) = ("BIGINT", "BOOLEAN NOT NULL", "BYTEA", "BIGSERIAL PRIMARY KEY", "")
            }
        }
    }

    /// The statements of a migration shared by both dialects, in order.
    static func shared(_ migration: StoreMigration, _ dialect: StoreDialect) -> [String] {
        let t = Types(dialect)
        switch migration {
        case .eventLog:
            return [
                """
                CREATE TABLE cases (
                    case_id TEXT PRIMARY KEY NOT NULL,
                    version \(t.int) NOT NULL CHECK (version >= 1),
                    revision \(t.int) NOT NULL CHECK (revision >= 1),
                    state TEXT NOT NULL,
                    municipality TEXT NOT NULL,
                    caseworker TEXT,
                    course_number \(t.int) NOT NULL CHECK (course_number >= 0),
                    course_end TEXT,
                    last_event_at \(t.int) NOT NULL,
                    snapshot TEXT NOT NULL,
                    updated_at \(t.int) NOT NULL
                )
                """,
                "CREATE INDEX cases_state_idle ON cases (state, last_event_at)",
                "CREATE INDEX cases_municipality ON cases (municipality, state)",
                "CREATE INDEX cases_caseworker ON cases (caseworker) WHERE caseworker IS NOT NULL",
                "CREATE INDEX cases_course_end ON cases (course_end) WHERE course_end IS NOT NULL",
                """
                CREATE TABLE events (
                    case_id TEXT NOT NULL REFERENCES cases (case_id),
                    position \(t.int) NOT NULL CHECK (position >= 1),
                    message_id TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    occurred_at \(t.int) NOT NULL,
                    actor TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    rule_set TEXT NOT NULL,
                    body TEXT NOT NULL,
                    recorded_at \(t.int) NOT NULL,
                    PRIMARY KEY (case_id, position)
                )
                """,
            ] + appendOnly("events", dialect, creatingFunction: true) + [
                """
                CREATE TABLE processed_messages (
                    message_id TEXT PRIMARY KEY NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')),
                    case_id TEXT,
                    attempts \(t.int) NOT NULL CHECK (attempts >= 1),
                    processed_at \(t.int) NOT NULL
                )
                """,
                """
                CREATE TABLE rejections (
                    id \(t.serial),
                    message_id TEXT NOT NULL,
                    attempt \(t.int) NOT NULL CHECK (attempt >= 1),
                    case_id TEXT,
                    attached \(t.bool),
                    type TEXT NOT NULL,
                    code TEXT NOT NULL,
                    rule TEXT,
                    detail TEXT NOT NULL,
                    occurred_at \(t.int),
                    body \(t.blob) NOT NULL,
                    recorded_at \(t.int) NOT NULL,
                    UNIQUE (message_id, attempt)
                )
                """,
                "CREATE INDEX rejections_case ON rejections (case_id) WHERE \(dialect.isTrue("attached"))",
                "CREATE INDEX rejections_unattached ON rejections (id) WHERE \(dialect.isFalse("attached"))",
            ]
        case .deadlinesAndOutbox:
            return [
                """
                CREATE TABLE deadlines (
                    case_id TEXT NOT NULL REFERENCES cases (case_id),
                    kind TEXT NOT NULL,
                    due_at \(t.int) NOT NULL,
                    PRIMARY KEY (case_id, kind)
                )\(t.keyed)
                """,
                "CREATE INDEX deadlines_due ON deadlines (due_at)",
                """
                CREATE TABLE outbox (
                    id \(t.serial),
                    message_id TEXT NOT NULL UNIQUE,
                    routing_key TEXT NOT NULL,
                    case_id TEXT,
                    body TEXT NOT NULL,
                    created_at \(t.int) NOT NULL,
                    sent_at \(t.int)
                )
                """,
                "CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL",
                "CREATE INDEX outbox_case ON outbox (case_id) WHERE case_id IS NOT NULL",
                """
                CREATE TABLE notification_log (
                    case_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    due_at \(t.int) NOT NULL,
                    notice TEXT NOT NULL CHECK (notice IN ('reminder', 'overdue')),
                    message_id TEXT NOT NULL,
                    recorded_at \(t.int) NOT NULL,
                    PRIMARY KEY (case_id, kind, due_at, notice)
                )\(t.keyed)
                """,
            ]
        case .auditAndDeadLetters:
            return [
                """
                CREATE TABLE audit_log (
                    sequence \(t.int) PRIMARY KEY CHECK (sequence >= 1),
                    operator TEXT NOT NULL,
                    at \(t.int) NOT NULL,
                    action TEXT NOT NULL,
                    case_id TEXT,
                    reason TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                )
                """,
                "CREATE INDEX audit_case ON audit_log (case_id) WHERE case_id IS NOT NULL",
            ] + appendOnly("audit_log", dialect, creatingFunction: false) + [
                """
                CREATE TABLE dead_letters (
                    id \(t.serial),
                    message_id TEXT NOT NULL,
                    body \(t.blob) NOT NULL,
                    code TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    received_at \(t.int) NOT NULL,
                    resolution TEXT CHECK (resolution IN ('dropped', 'replayed')),
                    resolved_at \(t.int)
                )
                """,
                "CREATE INDEX dead_letters_open ON dead_letters (id) WHERE resolution IS NULL",
            ]
        case .rejectionIndexes:
            return [
                "CREATE INDEX rejections_code ON rejections (code, id)",
                "CREATE INDEX rejections_recorded ON rejections (recorded_at, code)",
            ]
        case .enumChecks:
            // The constraints themselves are written by `EnumCheck` after the migrations (the same step refreshes
            // them when a later forloeb knows more values).
            return [EnumCheck.registrySQL]
        case .auditIdentity:
            return ["ALTER TABLE audit_log ADD COLUMN identity TEXT"] + vouchedIdentity(dialect)
        case .pendingActions:
            return [
                """
                CREATE TABLE pending_actions (
                    id \(t.serial),
                    verb TEXT NOT NULL CHECK (verb IN ('dead-letters drop', 'rebuild')),
                    arguments TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    requested_name TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    created_at \(t.int) NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'approved')),
                    approved_by TEXT,
                    approved_name TEXT,
                    approval_reason TEXT,
                    approved_at \(t.int),
                    CHECK ((status = 'approved') = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
                    CHECK (approved_by IS NULL OR approved_by <> requested_by)
                )
                """,
                "CREATE INDEX pending_actions_open ON pending_actions (id) WHERE status = 'pending'",
            ] + pendingIdentity(dialect)
        case .operatorCounters:
            return [
                """
                CREATE TABLE case_counts (
                    state TEXT NOT NULL,
                    shard \(t.int) NOT NULL,
                    cases \(t.int) NOT NULL,
                    PRIMARY KEY (state, shard)
                )\(t.keyed)
                """,
                """
                CREATE TABLE deadline_counts (
                    kind TEXT NOT NULL,
                    bucket \(t.int) NOT NULL,
                    shard \(t.int) NOT NULL,
                    deadlines \(t.int) NOT NULL,
                    PRIMARY KEY (kind, bucket, shard)
                )\(t.keyed)
                """,
            ] + countCounters + ["CREATE INDEX deadlines_kind_due ON deadlines (kind, due_at)"]
        case .rejectionCounts:
            return [
                """
                CREATE TABLE rejection_counts (
                    bucket \(t.int) NOT NULL,
                    code TEXT NOT NULL,
                    shard \(t.int) NOT NULL,
                    rejections \(t.int) NOT NULL,
                    PRIMARY KEY (bucket, code, shard)
                )\(t.keyed)
                """,
                countRejections,
            ]
        case .byteOrderKeys, .caseChecksPerStatement, .enumChecksCompared:
            return []
        }
    }

    /// PostgreSQL: the trigger that writes the authenticated role into every new audit row, whatever the client
    /// sent (SQLite has no notion of a database user: its store writes the operating-system user).
    static func vouchedIdentity(_ dialect: StoreDialect) -> [String] {
        guard dialect == .postgres else { return [] }
        return [
            """
            CREATE FUNCTION forloeb_audit_identity() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.identity := session_user; RETURN NEW; END $$
            """,
            """
            CREATE TRIGGER audit_identity BEFORE INSERT ON audit_log
                FOR EACH ROW EXECUTE FUNCTION forloeb_audit_identity()
            """,
        ]
    }

    /// PostgreSQL: the triggers that write who requested and who approved a pending action from `session_user`,
    /// refuse an approval by the identity that requested it (SQLSTATE 42501) or of an action already approved,
    /// and keep the rows (no DELETE).
    static func pendingIdentity(_ dialect: StoreDialect) -> [String] {
        guard dialect == .postgres else { return [] }
        return [
            """
            CREATE FUNCTION forloeb_pending_identity() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    NEW.requested_by := session_user;
                    RETURN NEW;
                END IF;
                IF OLD.status <> 'pending' OR NEW.verb <> OLD.verb OR NEW.arguments <> OLD.arguments
                    OR NEW.requested_by <> OLD.requested_by THEN
                    RAISE EXCEPTION 'a pending action is approved once, and never changed';
                END IF;
                NEW.approved_by := session_user;
                IF NEW.approved_by = OLD.requested_by THEN
                    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                        MESSAGE = 'the identity that requested a pending action cannot approve it (four eyes)';
                END IF;
                RETURN NEW;
            END $$
            """,
            """
            CREATE TRIGGER pending_actions_identity BEFORE INSERT OR UPDATE ON pending_actions
                FOR EACH ROW EXECUTE FUNCTION forloeb_pending_identity()
            """,
            """
            CREATE TRIGGER pending_actions_kept BEFORE DELETE ON pending_actions
                FOR EACH ROW EXECUTE FUNCTION forloeb_append_only()
            """,
        ]
    }

    /// The triggers that keep `table` append-only.
    static func appendOnly(_ table: String, _ dialect: StoreDialect, creatingFunction: Bool) -> [String] {
        switch dialect {
        case .sqlite:
            let short = table == "audit_log" ? "audit" : table
            let noun = table == "audit_log" ? "the audit log" : "the event log"
            return ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER \(short)_no_\(operation.lowercased()) BEFORE \(operation) ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(noun) is append-only'); END
                """
            }
        case .postgres:
            let function = """
                CREATE FUNCTION forloeb_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                """
            let short = table == "audit_log" ? "audit" : table
            return (creatingFunction ? [function] : []) + [
                """
                CREATE TRIGGER \(short)_append_only BEFORE UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION forloeb_append_only()
                """
            ]
        }
    }
}

extension StoreSchema {
    /// Fills the empty counters from the rows (`CounterChanges`).
    static var countCounters: [String] {
        let bucket = "due_at / \(CounterChanges.bucketSeconds)"
        return [
            "INSERT INTO case_counts (state, shard, cases) SELECT state, 0, count(*) FROM cases GROUP BY state",
            """
            INSERT INTO deadline_counts (kind, bucket, shard, deadlines)
            SELECT kind, \(bucket), 0, count(*) FROM deadlines GROUP BY kind, \(bucket)
            """,
        ]
    }

    /// Fills the empty rejection counters from the rows (`CounterChanges`).
    static var countRejections: String {
        let hour = "recorded_at / \(CounterChanges.rejectionBucketSeconds)"
        return """
            INSERT INTO rejection_counts (bucket, code, shard, rejections)
            SELECT \(hour), code, 0, count(*) FROM rejections GROUP BY \(hour), code
            """
    }

    /// Counts the counters again from the rows, in the caller's transaction; on PostgreSQL writers wait meanwhile
    /// (up to 10 s for the lock, as in migration 010).
    package static func recountCounters(_ dialect: StoreDialect) -> [String] {
        (dialect == .postgres ? ["SET LOCAL lock_timeout = '10s'", "LOCK TABLE cases, deadlines IN SHARE MODE"] : [])
            + ["DELETE FROM case_counts", "DELETE FROM deadline_counts", "DELETE FROM rejection_counts"] + countCounters
            + [countRejections]
    }
}
