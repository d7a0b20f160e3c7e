import ForloebCore

/// Running totals of what batches did: what `forloeb import` prints and the worker's metrics count.
public struct IngestTally: Sendable, Equatable {
    public var applied = 0
    public var duplicates = 0
    public var rejectionsByCode: [RejectionCode: Int] = [:]
    /// Rejected messages that named no case (dead-lettered).
    public var deadLettered = 0
    /// Batches committed.
    public var batches = 0

    public init() {}

    public var rejected: Int { rejectionsByCode.values.reduce(0, +) }
    public var messages: Int { applied + duplicates + rejected }

    public mutating func add(_ outcomes: [ApplyOutcome]) {
        batches += 1
        for outcome in outcomes {
            switch outcome {
            case .applied: applied += 1
            case .duplicate: duplicates += 1
            case .rejected(let rejected):
                rejectionsByCode[rejected.rejection.code, default: 0] += 1
                if rejected.caseId == nil { deadLettered += 1 }
            }
        }
    }
}
