import ForloebCore

/// A dangerous bulk action one operator requested and a second must approve before it runs (four eyes):
/// `dead-letters drop` of more than one message, a `rebuild` that changes cases.
///
/// Both the request and the approval are in the audit chain, each under the identity the system vouches for;
/// the identity that requested an action can never approve it (on PostgreSQL a trigger refuses it as well).
public struct PendingAction: Sendable, Equatable {
    /// The actions that wait for a second operator.
    public enum Verb: String, Sendable, CaseIterable {
        case deadLettersDrop = "dead-letters drop"
        case rebuild
    }

    public enum Status: String, Sendable, CaseIterable {
        case pending, approved
    }

    public var id: Int64
    public var verb: Verb
    /// The action's arguments as JSON (the dead letters' ids; the workflow options of a rebuild).
    public var arguments: String
    /// Who the system says requested it.
    public var requestedBy: String
    /// The display name given with `--operator` when requesting; empty when none.
    public var requestedName: String
    public var reason: String
    public var createdAt: Instant
    public var status: Status
    public var approvedBy: String?
    public var approvedName: String?
    public var approvalReason: String?
    public var approvedAt: Instant?

    public init(
        id: Int64, verb: Verb, arguments: String, requestedBy: String, requestedName: String, reason: String,
        createdAt: Instant, status: Status = .pending, approvedBy: String? = nil, approvedName: String? = nil,
        approvalReason: String? = nil, approvedAt: Instant? = nil
    ) {
        self.id = id
        self.verb = verb
        self.arguments = arguments
        self.requestedBy = requestedBy
        self.requestedName = requestedName
        self.reason = reason
        self.createdAt = createdAt
        self.status = status
        self.approvedBy = approvedBy
        self.approvedName = approvedName
        self.approvalReason = approvalReason
        self.approvedAt = approvedAt
    }
}
