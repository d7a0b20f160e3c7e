import ForloebCore

/// An operator's action as it is to be audited: who, when, what, on which case, and why.
///
/// Who is twofold: `identity` is what the system vouches for (PostgreSQL's authenticated role, `session_user`; on
/// SQLite the operating-system user running the command), set by the store when it appends the entry, whatever
/// the caller put there; `operatorId` is only the display name the operator gave (`--operator`), empty when none.
public struct AuditEntry: Sendable, Equatable {
    /// The display name given with `--operator`; empty when none was given. Never the proof of who acted.
    public var operatorId: String
    /// Who the system says acted; `nil` only in records written before forloeb recorded it.
    public var identity: String?
    public var at: Instant
    /// A verb such as `import`, `replay`, `dead-letter.drop`, `rebuild`.
    public var action: String
    public var caseId: String?
    public var reason: String
    /// Free text or JSON: what exactly was done (counts, the original message id of a replay, …).
    public var detail: String

    public init(
        operatorId: String, at: Instant, action: String, caseId: String? = nil, reason: String, detail: String = "",
        identity: String? = nil
    ) {
        self.operatorId = operatorId
        self.identity = identity
        self.at = at
        self.action = action
        self.caseId = caseId
        self.reason = reason
        self.detail = detail
    }
}
