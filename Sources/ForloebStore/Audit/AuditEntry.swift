import ForloebCore

/// An operator's action as it is to be audited: who, when, what, on which case, and why.
public struct AuditEntry: Sendable, Equatable {
    public var operatorId: String
    public var at: Instant
    /// A verb such as `import`, `replay`, `dead-letter.drop`, `rebuild`.
    public var action: String
    public var caseId: String?
    public var reason: String
    /// Free text or JSON: what exactly was done (counts, the original message id of a replay, …).
    public var detail: String

    public init(
        operatorId: String, at: Instant, action: String, caseId: String? = nil, reason: String, detail: String = ""
    ) {
        self.operatorId = operatorId
        self.at = at
        self.action = action
        self.caseId = caseId
        self.reason = reason
        self.detail = detail
    }
}
