import Foundation

/// The PostgreSQL group roles `forloeb migrate` creates and grants, one per kind of user, each with the narrowest
/// grants its verbs need.
///
/// A deployment gives each person a login role of their own and makes it a member of one of these (PRODUCTION.md),
/// so that the database itself both vouches for who acted (`session_user`, recorded in the audit log) and refuses
/// what that person may not do. Nobody may update or delete the audit log: operators only append to it, and the
/// append-only triggers stop even the owner.
public enum StoreRole: String, Sendable, CaseIterable {
    /// The read verbs: `show`, `list`, `stuck`, `overdue`, `stats`, `explain`, `rejections list`, `dead-letters
    /// list|show`, `audit list|verify`, `pending list`.
    case reader = "forloeb_reader"
    /// Reading, plus the mending verbs: `import`, `rejections replay`, `dead-letters replay|drop`, `resend`,
    /// `rebuild`, and requesting and approving pending actions.
    case `operator` = "forloeb_operator"
    /// The worker: applying batches, recording notices and dead letters, marking the outbox sent.
    case worker = "forloeb_worker"

    /// What the role is for, in a refusal.
    public var purpose: String {
        switch self {
        case .reader: "the read verbs"
        case .operator: "the mending verbs"
        case .worker: "the worker"
        }
    }

    /// Every table of the store.
    static let tables = [
        "cases", "events", "processed_messages", "deadlines", "notification_log", "outbox", "rejections",
        "dead_letters", "audit_log", "forloeb_migrations", "forloeb_enum_checks", "pending_actions", "case_counts",
        "deadline_counts", "rejection_counts",
    ]

    /// What applying a batch writes (the worker's consumer; `import` and the replays, through the same path).
    static let applyGrants = [
        "GRANT SELECT, INSERT, UPDATE ON cases, processed_messages, case_counts, deadline_counts, rejection_counts TO %@",
        "GRANT SELECT, INSERT ON events, rejections, outbox, dead_letters TO %@",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON deadlines TO %@",
        "GRANT USAGE ON SEQUENCE rejections_id_seq, outbox_id_seq, dead_letters_id_seq TO %@",
        "GRANT SELECT ON forloeb_migrations, forloeb_enum_checks TO %@",
    ]

    /// The grants of this role.
    func grants() -> [String] {
        let all = Self.tables
        let role = rawValue
        func fill(_ list: [String]) -> [String] { list.map { $0.replacingOccurrences(of: "%@", with: role) } }
        switch self {
        case .reader:
            return ["GRANT SELECT ON \(all.joined(separator: ", ")) TO \(role)"]
        case .operator:
            return ["GRANT SELECT ON \(all.joined(separator: ", ")) TO \(role)"] + fill(Self.applyGrants) + [
                // `resend` queues sent notifications again; `dead-letters replay|drop` settle a dead letter.
                "GRANT UPDATE (sent_at) ON outbox TO \(role)",
                "GRANT UPDATE (resolution, resolved_at) ON dead_letters TO \(role)",
                "GRANT INSERT ON audit_log TO \(role)",
                // `rebuild` counts the counters again.
                "GRANT DELETE ON case_counts, deadline_counts, rejection_counts TO \(role)",
                // Four eyes: request, and approve another's request (the triggers write both identities).
                "GRANT INSERT, UPDATE (status, approved_by, approved_name, approval_reason, approved_at) "
                    + "ON pending_actions TO \(role)",
                "GRANT USAGE ON SEQUENCE pending_actions_id_seq TO \(role)",
            ]
        case .worker:
            return fill(Self.applyGrants) + [
                "GRANT UPDATE (sent_at) ON outbox TO \(role)",
                "GRANT SELECT, INSERT ON notification_log TO \(role)",
            ]
        }
    }

    /// The statements that create the roles where missing and grant them, run by every `migrate` on PostgreSQL
    /// (so that a table a later migration adds is granted too). Roles belong to the whole cluster: another
    /// database's `migrate` may create one at the same moment, which is as good as creating it here.
    static func postgresStatements() -> [String] {
        let creates = allCases.map { role in
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role.rawValue)') THEN
                    CREATE ROLE \(role.rawValue) NOLOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """
        }
        let names = allCases.map(\.rawValue).joined(separator: ", ")
        let schema = "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO \(names)', current_schema()); END $$"
        // Nobody but the owner holds anything beyond these grants, and nobody may change the audit log.
        let revokes =
            ["REVOKE ALL ON audit_log FROM PUBLIC"]
            + ["REVOKE ALL ON \(tables.joined(separator: ", ")) FROM \(names)"]
        return creates + [schema] + revokes + allCases.flatMap { $0.grants() }
    }
}
