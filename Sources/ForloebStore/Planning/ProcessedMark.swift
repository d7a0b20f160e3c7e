import ForloebCore

/// What the processed-message set holds for one message id.
public struct ProcessedMark: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case applied, rejected
    }

    public var outcome: Outcome
    /// 1 for the first attempt; an operator's replay of a rejected message adds one.
    public var attempts: Int

    public init(outcome: Outcome, attempts: Int) {
        self.outcome = outcome
        self.attempts = attempts
    }
}
