import ForloebCore
import Foundation
import ServiceLifecycle

/// The durable home of cases: the one interface the worker, the scheduler and the operator CLI use, implemented
/// once (`SQLCaseStore`) over SQLite (`ForloebSQLite`) and PostgreSQL (`ForloebPostgres`).
///
/// It is the sum of smaller protocols, one per role, each a handful of requirements, so that a part can ask
/// for only what it uses: `EventStore` (the worker's writes), `OutboxStore`, `DeadlineStore`, `CaseReads` (the
/// operator's reads), `AuditStore`, `DeadLetterStore`, `SchemaStore` and `PendingActionStore` (four eyes).
///
/// Every write is one transaction: a batch of messages commits its snapshots, log entries, processed marks,
/// rejections, dead letters, deadlines, outbox rows and audit entry together or not at all. Concurrent
/// writers are detected optimistically (`StoreError.Code.conflict`); `applyRetrying` retries for them.
public protocol CaseStore: EventStore, OutboxStore, DeadlineStore, CaseReads, AuditStore, DeadLetterStore,
    SchemaStore, PendingActionStore
{
    /// Where the store is, without its password.
    var url: StoreURL { get }

    /// Releases connections; the store is unusable afterwards.
    func close() async throws

    /// The store's connection pool as a `Service`, for the `ServiceGroup` of a process that uses the store for
    /// its whole life (the worker); nil when there is no pool to run (SQLite). See `PostgresCaseStore`.
    ///
    /// Asking for it hands the pool to that service: put it first in the group, so that the group's graceful
    /// shutdown reaches it last, after the services that use the store, and run the group; the store is closed
    /// when the service ends. At most one service per store.
    func poolService() -> (any Service)?
}

/// The worker's writes: batches of inbound messages, applied through the journey.
public protocol EventStore: Sendable {
    /// Applies `messages` in order, in ONE transaction, through `journey`. `now` stamps the rows
    /// (recorded/created times); it never enters a case's dates. Throws `conflict` when a concurrent writer
    /// committed a change to one of the batch's cases or messages first: then nothing was written.
    func apply(_ messages: [InboundMessage], journey: Journey, at now: Instant, options: ApplyOptions) async throws
        -> [ApplyOutcome]

    /// The first half of `apply`: reads what the batch needs and plans it, writing nothing. With `previous`, the
    /// plan starts from the state `previous` leaves once it commits (see `PlannedBatch`), so that a worker can
    /// plan its next batch while this one commits. Commit such a plan only after `previous` committed in full:
    /// its cases' revisions are checked then, but its duplicates are judged by `previous`'s marks.
    func plan(_ messages: [InboundMessage], journey: Journey, at now: Instant, after previous: PlannedBatch?)
        async throws -> PlannedBatch

    /// Whether a worker behind its queue should plan its next batch while this store commits one: where the
    /// commit is a database server's work (PostgreSQL), the worker would otherwise wait on it; where it is this
    /// process's own (SQLite), planning beside it only competes for the same cores.
    var plansAhead: Bool { get }

    /// The second half of `apply`: writes a plan in ONE transaction. Throws `conflict`, having written nothing,
    /// when a case changed since the plan read it, or since the batch it was planned after was planned.
    func commit(_ planned: PlannedBatch) async throws -> [ApplyOutcome]
}

/// The transactional outbox: what the relay publishes, and what an operator queues again.
public protocol OutboxStore: Sendable {
    /// Notifications not yet confirmed by the broker, in commit order.
    func pendingOutbox(limit: Int) async throws -> [OutboxMessage]

    /// Marks outbox rows as confirmed by the broker; rows already marked keep their first time.
    func markSent(_ ids: [Int64], at now: Instant) async throws

    /// Every outbox row about `caseId`, sent or not, in commit order.
    func outbox(caseId: String) async throws -> [OutboxMessage]

    /// Queues already-sent outbox rows again (same `messageId`, so receivers deduplicate), audited in the
    /// same transaction. Returns how many rows were sent before and are pending now.
    func requeueOutbox(_ ids: [Int64], audit: AuditEntry) async throws -> Int
}

/// Open deadlines, for the scheduler and `forloeb overdue`.
public protocol DeadlineStore: Sendable {
    /// Open deadlines with `dueAt <= dueBy`, earliest first (an index range scan: cost follows the answer).
    func dueDeadlines(dueBy: Instant, limit: Int) async throws -> [DueDeadline]

    /// Open deadlines with `dueAt <= dueBy` for which `notice` was not yet recorded, earliest first. A notice
    /// recorded within `DueDeadline.sameDeadlineSeconds` of a row's due time counts for it (see there).
    func unnotifiedDeadlines(dueBy: Instant, notice: NoticeKind, limit: Int) async throws -> [DueDeadline]

    /// Records the scheduler's deadline notices and queues them in the outbox, in one transaction; a notice
    /// already recorded for its (case, kind, due date, notice) is skipped. Returns the ones queued now.
    func recordNotices(_ notices: [CaseNotification], at now: Instant) async throws -> [CaseNotification]
}

/// The operator's reads of cases, rejections and counts.
public protocol CaseReads: Sendable {
    /// One case with its log, rejections, open deadlines and pending notifications; `nil` if unknown.
    func caseRecord(_ caseId: String) async throws -> CaseRecord?

    /// Cases matching `filter`, ordered by case id.
    func cases(matching filter: CaseFilter) async throws -> [CaseSummary]

    /// The current snapshots of `caseIds` (unknown ids are left out).
    func snapshots(_ caseIds: [String]) async throws -> [String: CitizenCase]

    /// Up to `limit` rows of `range`, starting just after `after` (from its start when `nil`): one page of the
    /// candidates `forloeb stuck` merges (`StuckCaseFinder`).
    func candidates(_ range: CandidateRange, after: CandidateRange.Position?, limit: Int) async throws
        -> [CandidateRange.Row]

    /// The indexed columns and open deadlines of `caseIds` (unknown ids are left out): what `forloeb stuck`
    /// diagnoses, without decoding a snapshot.
    func indexedCases(_ caseIds: [String]) async throws -> [IndexedCase]

    /// Open deadlines due by `dueBy`, of `kind` only when given, earliest first, handed to `body` one at a time as
    /// they are read, a page at a time (memory stays the same however many there are); at most `limit`.
    /// `forloeb overdue`.
    func forEachDueDeadline(dueBy: Instant, kind: DeadlineKind?, limit: Int, _ body: (DueDeadline) throws -> Void)
        async throws

    /// The raw bodies of a case's accepted events in log order: what `forloeb explain` narrates.
    func eventBodies(_ caseId: String) async throws -> [Data]

    /// Rejections tied to no existing case (unknown case ids, unreadable messages), oldest first.
    func unattachedRejections(limit: Int) async throws -> [StoredRejection]

    /// Recorded rejections matching `filter` (attached or not), newest first.
    func rejections(matching filter: RejectionFilter) async throws -> [StoredRejection]

    /// The latest rejected attempt of `messageId` with its raw body; `nil` when it was never rejected.
    func rejectedMessage(_ messageId: String) async throws -> RejectedMessage?

    /// Grouped counts for `forloeb stats`, judged at `now`.
    func statistics(at now: Instant) async throws -> StoreStatistics

    /// Row counts per table.
    func counts() async throws -> StoreCounts
}

/// The hash-chained log of operator actions.
public protocol AuditStore: Sendable {
    /// Appends an operator action to the hash-chained audit log on its own.
    func appendAudit(_ entry: AuditEntry) async throws -> AuditRecord

    /// Audit records, oldest first, optionally for one case.
    func auditLog(caseId: String?, limit: Int) async throws -> [AuditRecord]

    /// Who the system says is acting: PostgreSQL's authenticated role (`session_user`), SQLite's operating-system
    /// user. Every audit entry this store appends records it.
    func identity() async throws -> String

    /// Whether that identity may do what `role` is for: PostgreSQL role membership (or ownership of the store),
    /// SQLite file permissions. Mending verbs ask before they change anything.
    func permits(_ role: StoreRole) async throws -> Bool

    /// Walks the whole audit chain and reports the first broken link.
    func verifyAudit() async throws -> AuditVerification
}

/// Four eyes: dangerous bulk actions that one identity requests and another approves, both in the audit chain.
public protocol PendingActionStore: Sendable {
    /// Records `verb` with its `arguments` (JSON) as pending, requested by the identity acting, and audits the
    /// request (`pending.request`) in the same transaction.
    func requestAction(
        _ verb: PendingAction.Verb, arguments: String, displayName: String, reason: String, at now: Instant
    ) async throws -> PendingAction

    /// Pending actions, oldest first; approved ones too when asked.
    func pendingActions(includeApproved: Bool, limit: Int) async throws -> [PendingAction]

    /// Marks pending action `id` approved by the identity acting and audits it (`pending.approve`), in one
    /// transaction; the caller then runs it. `notFound` when there is no such pending action (or it was approved
    /// already), `notPermitted` when the identity acting is the one that requested it.
    func approveAction(_ id: Int64, displayName: String, reason: String, at now: Instant) async throws
        -> PendingAction
}

/// Messages tied to no case, or that the store failed on every retry.
public protocol DeadLetterStore: Sendable {
    /// Records dead letters decided outside a batch (`retry_exhausted`: the worker gave up retrying a message the
    /// store failed to apply), in one transaction, so that `forloeb dead-letters` lists and replays them like any
    /// other. A message that already has an open dead letter with the same code is skipped (a redelivery after
    /// a crash between this and the broker's copy). Returns how many were recorded now.
    func recordDeadLetters(_ entries: [DeadLetterEntry], at now: Instant) async throws -> Int

    /// Dead letters, oldest first; settled ones only when asked.
    func deadLetters(includeResolved: Bool, limit: Int) async throws -> [DeadLetter]

    /// Settles a dead letter, audited in the same transaction; `false` when it does not exist or was settled.
    func resolveDeadLetter(_ id: Int64, as resolution: DeadLetterResolution, at now: Instant, audit: AuditEntry)
        async throws -> Bool
}

/// The schema and the recomputation of every case from its log.
public protocol SchemaStore: Sendable {
    /// Applies every migration not yet applied, each in its own transaction.
    func migrate() async throws -> MigrationReport

    /// The names of the migrations applied so far, in order.
    func appliedMigrations() async throws -> [String]

    /// Recomputes every snapshot and deadline from the event log through `journey` and reports what
    /// differs; writes the differences (optimistically, per case) unless `dryRun`.
    func rebuild(journey: Journey, dryRun: Bool, at now: Instant, audit: AuditEntry?) async throws -> RebuildReport
}

extension EventStore {
    public func apply(_ messages: [InboundMessage], journey: Journey, at now: Instant) async throws -> [ApplyOutcome] {
        try await apply(messages, journey: journey, at: now, options: .none)
    }

    /// Applies the batch, and applies it again from the start after a `conflict` (another writer won), at
    /// most `attempts` times, after a short random pause that grows with each try (so that two writers
    /// contending for the same cases stop colliding). Each try is a whole transaction, so the batch is never
    /// half-applied or doubled.
    public func applyRetrying(
        _ messages: [InboundMessage], journey: Journey, at now: Instant, options: ApplyOptions = .none,
        attempts: Int = 20
    ) async throws -> [ApplyOutcome] {
        var attempt = 1
        while true {
            do {
                return try await apply(messages, journey: journey, at: now, options: options)
            } catch let error as StoreError where error.code == .conflict && attempt < attempts {
                let ceiling = UInt64(min(attempt, 10)) * 2_000_000
                try await Task.sleep(nanoseconds: UInt64.random(in: 0...ceiling))
                attempt += 1
            }
        }
    }
}
