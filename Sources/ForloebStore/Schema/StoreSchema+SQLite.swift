/// The SQL of each logical migration for SQLite. Instants are integer seconds since the epoch, dates ISO
/// text; the schema itself keeps the invariants (NOT NULL, UNIQUE, CHECK, append-only triggers).
extension StoreSchema {
    static func sqlite(_ migration: StoreMigration) -> String {
        switch migration {
        case .eventLog:
            """
            CREATE TABLE cases (
                case_id TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                revision INTEGER NOT NULL CHECK (revision >= 1),
                state TEXT NOT NULL,
                municipality TEXT NOT NULL,
                caseworker TEXT,
                course_number INTEGER NOT NULL CHECK (course_number >= 0),
                course_end TEXT,
                last_event_at INTEGER NOT NULL,
                snapshot TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX cases_state_idle ON cases (state, last_event_at);
            CREATE INDEX cases_municipality ON cases (municipality, state);
            CREATE INDEX cases_caseworker ON cases (caseworker) WHERE caseworker IS NOT NULL;
            CREATE INDEX cases_course_end ON cases (course_end) WHERE course_end IS NOT NULL;
            CREATE TABLE events (
                case_id TEXT NOT NULL REFERENCES cases (case_id),
                position INTEGER NOT NULL CHECK (position >= 1),
                message_id TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                from_state TEXT,
                to_state TEXT NOT NULL,
                rule_set TEXT NOT NULL,
                body TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (case_id, position)
            );
            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
            CREATE TABLE processed_messages (
                message_id TEXT PRIMARY KEY NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')),
                case_id TEXT,
                attempts INTEGER NOT NULL CHECK (attempts >= 1),
                processed_at INTEGER NOT NULL
            );
            CREATE TABLE rejections (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL,
                attempt INTEGER NOT NULL CHECK (attempt >= 1),
                case_id TEXT,
                attached INTEGER NOT NULL CHECK (attached IN (0, 1)),
                type TEXT NOT NULL,
                code TEXT NOT NULL,
                rule TEXT,
                detail TEXT NOT NULL,
                occurred_at INTEGER,
                body BLOB NOT NULL,
                recorded_at INTEGER NOT NULL,
                UNIQUE (message_id, attempt)
            );
            CREATE INDEX rejections_case ON rejections (case_id) WHERE attached = 1;
            CREATE INDEX rejections_unattached ON rejections (id) WHERE attached = 0;
            """
        case .deadlinesAndOutbox:
            """
            CREATE TABLE deadlines (
                case_id TEXT NOT NULL REFERENCES cases (case_id),
                kind TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                PRIMARY KEY (case_id, kind)
            ) WITHOUT ROWID;
            CREATE INDEX deadlines_due ON deadlines (due_at);
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL UNIQUE,
                routing_key TEXT NOT NULL,
                case_id TEXT,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                sent_at INTEGER
            );
            CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
            CREATE INDEX outbox_case ON outbox (case_id) WHERE case_id IS NOT NULL;
            CREATE TABLE notification_log (
                case_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                notice TEXT NOT NULL CHECK (notice IN ('reminder', 'overdue')),
                message_id TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (case_id, kind, due_at, notice)
            ) WITHOUT ROWID;
            """
        case .auditAndDeadLetters:
            """
            CREATE TABLE audit_log (
                sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
                operator TEXT NOT NULL,
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                case_id TEXT,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            );
            CREATE INDEX audit_case ON audit_log (case_id) WHERE case_id IS NOT NULL;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TABLE dead_letters (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL,
                body BLOB NOT NULL,
                code TEXT NOT NULL,
                detail TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                resolution TEXT CHECK (resolution IN ('dropped', 'replayed')),
                resolved_at INTEGER
            );
            CREATE INDEX dead_letters_open ON dead_letters (id) WHERE resolution IS NULL;
            """
        case .rejectionIndexes:
            """
            CREATE INDEX rejections_code ON rejections (code, id);
            CREATE INDEX rejections_recorded ON rejections (recorded_at, code);
            """
        case .byteOrderKeys:
            // SQLite's default collation is BINARY: its keys have always compared byte by byte.
            ""
        case .caseChecksPerStatement:
            // SQLite keeps its foreign keys (an in-process index probe per row).
            ""
        case .enumChecks:
            // The constraints themselves are written by `EnumCheck` after the migrations (the same step refreshes
            // them when a later forloeb knows more values).
            EnumCheck.registrySQL
        }
    }
}
