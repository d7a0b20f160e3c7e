import ForloebCore

/// The result of walking the audit chain from the first record.
public struct AuditVerification: Sendable, Equatable {
    public var records: Int
    /// The first record whose link or hash does not match, with what was wrong; `nil` when the chain is intact.
    public var firstBroken: (sequence: Int64, problem: String)?

    public init(records: Int, firstBroken: (sequence: Int64, problem: String)?) {
        self.records = records
        self.firstBroken = firstBroken
    }

    public var isIntact: Bool { firstBroken == nil }

    public static func == (lhs: AuditVerification, rhs: AuditVerification) -> Bool {
        lhs.records == rhs.records && lhs.firstBroken?.sequence == rhs.firstBroken?.sequence
            && lhs.firstBroken?.problem == rhs.firstBroken?.problem
    }
}
