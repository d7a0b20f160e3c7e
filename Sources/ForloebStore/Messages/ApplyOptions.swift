import ForloebCore

/// What else a batch does in its transaction: the operator's audit entry and the dead letter it settles.
public struct ApplyOptions: Sendable {
    /// Written in the batch's transaction: an operator's import or replay is audited with its effect.
    public var audit: AuditEntry?
    /// A dead letter that this batch replays (corrected); marked `replayed` in the same transaction.
    public var resolvesDeadLetter: Int64?

    public init(audit: AuditEntry? = nil, resolvesDeadLetter: Int64? = nil) {
        self.audit = audit
        self.resolvesDeadLetter = resolvesDeadLetter
    }

    public static let none = ApplyOptions()

    /// Whether there is nothing to do besides the batch's own rows.
    public var isEmpty: Bool { audit == nil && resolvesDeadLetter == nil }
}
