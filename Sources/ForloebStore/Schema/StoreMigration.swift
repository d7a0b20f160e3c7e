import ForloebCore

/// The store's schema history: named, ordered, forward-only migrations, each applied in one transaction.
///
/// One ordered list for both back ends: each step's SQL per dialect is `statements(for:)` (`StoreSchema`), and
/// both record the names in `forloeb_migrations`, so `forloeb migrate` reports the same history whichever store
/// it is pointed at.
public enum StoreMigration: String, Sendable, CaseIterable {
    /// Cases (snapshot + indexed columns), the append-only event log, the processed-message set, rejections.
    case eventLog = "001_event_log"
    /// Open deadlines indexed by due time, the transactional outbox and the scheduler's notification log.
    case deadlinesAndOutbox = "002_deadlines_outbox"
    /// The hash-chained audit log of operator actions and the dead letters of messages tied to no case.
    case auditAndDeadLetters = "003_audit_dead_letters"
    /// Indexes for the operator's rejection views: `rejections list --code` (newest first) and the past week's
    /// counts in `stats`, which otherwise read the whole rejections table.
    case rejectionIndexes = "004_rejection_indexes"
    /// Identifiers, kinds and states compare byte by byte (PostgreSQL: `COLLATE "C"`), whatever the database's
    /// locale. Every batch compares thousands of them in its index lookups, inserts and foreign-key checks, and
    /// a locale's collation (`strcoll`) costs several times a `memcmp`; identifiers have no linguistic order to
    /// respect. SQLite compares text bytewise already, so both back ends now order ids the same way. Names
    /// people read (municipality, caseworker) keep the database's collation.
    case byteOrderKeys = "005_byte_order_keys"
    /// PostgreSQL: that every event and deadline names an existing case is checked once per statement, over the
    /// rows the statement wrote, instead of row by row by a foreign key. A batch writes a thousand events and
    /// hundreds of deadlines in one statement, and the foreign key's per-row check (a lookup and a row lock
    /// through SPI for each) was about a quarter of that statement's time. Cases are never deleted, truncated or
    /// renamed (triggers now forbid all three), which is what the foreign key's lock guarded against.
    /// SQLite keeps its foreign keys: there a check is an in-process index probe.
    case caseChecksPerStatement = "006_case_checks_per_statement"
    /// Every column that holds one of the program's enums (states, event types, rule sets, rejection codes, rules,
    /// deadline kinds, dead-letter codes) gets a `CHECK` listing the values the Swift enum has (`EnumCheck`), so a
    /// stored value forloeb does not know can no longer be written. The allowed values are generated from the
    /// enums' `allCases` and recorded in `forloeb_enum_checks`; `migrate` rewrites a constraint whenever a later
    /// forloeb knows more values (a new deadline kind or event type needs no migration of its own).
    case enumChecks = "007_enum_checks"
    /// Audit entries record who the system vouches for (`identity`) beside the display name (`operator`): on
    /// PostgreSQL a trigger sets it to the authenticated role (`session_user`) on every insert, so a client cannot
    /// write another; on SQLite the store writes the operating-system user. Older records keep `NULL` and hash as
    /// they did (`AuditChain.hash`).
    case auditIdentity = "008_audit_identity"
    /// Four eyes: `pending_actions` holds the dangerous bulk actions (`dead-letters drop` of several messages, a
    /// `rebuild` that changes cases) until a second identity approves them. The schema refuses an approval by the
    /// identity that requested it; on PostgreSQL triggers write both identities from `session_user`.
    case pendingActions = "009_pending_actions"
    /// `forloeb stats` reads counters instead of grouping whole indexes (9 s on a million cases): cases per state
    /// (`case_counts`) and open deadlines per kind and week of due time (`deadline_counts`), kept by every write in
    /// its own transaction (`CounterChanges`) and filled here from the rows already stored. A second index,
    /// `deadlines (kind, due_at)`, lets `forloeb overdue --kind` read only that kind's due rows. Stop the workers
    /// of an older forloeb before this step: they would not keep the counters.
    case operatorCounters = "010_operator_counters"
    /// `forloeb stats` counts the rejections of the last day and week from counters per code and hour recorded
    /// (`rejection_counts`, kept by every batch), where it read every rejection of the week from the index: a
    /// backlog of millions of rejected replays took it seconds. Filled here from the rows already stored.
    case rejectionCounts = "011_rejection_counts"
    /// SQLite: the enum checks of 007 are written again as chains of comparisons (`EnumCheck.condition(in:)`), as
    /// SQLite built a temporary index of each `IN` list for every row a batch inserted, a third of the worker's
    /// time per event. The step forgets the recorded values, so the refresh after the migrations rebuilds every
    /// checked table (a copy of each, as in 007: minutes on a store of a million cases). PostgreSQL: nothing.
    case enumChecksCompared = "012_enum_checks_compared"

    /// All migrations in the order they apply.
    public static var ordered: [StoreMigration] { allCases }

    /// This step's statements in `dialect`, in order, run in one transaction.
    package func statements(for dialect: StoreDialect) -> [String] {
        switch dialect {
        case .sqlite: [StoreSchema.sqlite(self)].filter { !$0.isEmpty }
        case .postgres: StoreSchema.postgres(self)
        }
    }
}

/// The SQL dialects the store speaks.
package enum StoreDialect: Sendable {
    case sqlite, postgres
}

/// The schema's SQL, per migration and dialect (`StoreSchema+SQLite.swift`, `StoreSchema+Postgres.swift`).
package enum StoreSchema {}

/// What `migrate` did.
public struct MigrationReport: Sendable, Equatable {
    /// Migrations this call applied, in order.
    public var applied: [String]
    /// Migrations that were already in place.
    public var alreadyApplied: [String]
    /// The enum CHECK constraints (`EnumCheck.name`) written or rewritten because this forloeb knows other values.
    public var refreshedChecks: [String]
    /// PostgreSQL: the group roles created where missing and granted again (`StoreRole`); empty on SQLite.
    public var grantedRoles: [String] = []

    public init(applied: [String], alreadyApplied: [String], refreshedChecks: [String] = []) {
        self.applied = applied
        self.alreadyApplied = alreadyApplied
        self.refreshedChecks = refreshedChecks
    }
}
