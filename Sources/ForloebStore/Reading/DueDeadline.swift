import ForloebCore

/// An open deadline that has fallen due (or will within a reminder's lead time), with its case.
public struct DueDeadline: Sendable, Equatable, Hashable {
    public var caseId: String
    public var deadline: Deadline

    public init(caseId: String, deadline: Deadline) {
        self.caseId = caseId
        self.deadline = deadline
    }
}
