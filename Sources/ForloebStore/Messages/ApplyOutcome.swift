import ForloebCore

/// What applying one message did, in the order the messages were given.
public enum ApplyOutcome: Sendable, Equatable {
    /// Accepted: the case moved (or stayed) as the transition says, and it is in the event log.
    case applied(Transition)
    /// The message id was processed before (accepted or rejected): nothing changed.
    case duplicate(messageId: String)
    /// Not applied; recorded on its case, or unattached, and dead-lettered when it names no case.
    case rejected(RejectedEvent)

    public var messageId: String {
        switch self {
        case .applied(let transition): transition.messageId
        case .duplicate(let messageId): messageId
        case .rejected(let rejected): rejected.messageId
        }
    }
}
