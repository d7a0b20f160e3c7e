import ForloebCore

/// Why a message is a dead letter: the rejection code of a message tied to no case (`malformed` without a
/// readable `caseId`, CONTRACT.md §3), or `retry_exhausted` for one the store failed to apply on every retry.
///
/// Not a `RejectionCode`: `retry_exhausted` says nothing about the message, only that it was never judged, so it
/// is no rejection of the contract and must not appear where rejections are counted or filtered. It is the same
/// word the worker writes in the dead letter's `code` header.
public struct DeadLetterCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ code: RejectionCode) {
        self.rawValue = code.rawValue
    }

    /// The store failed on every retry; the message itself was never judged. Replay it once the store is back.
    public static let retryExhausted = DeadLetterCode(rawValue: "retry_exhausted")
    /// Unreadable, or without a readable `caseId`: the usual dead letter.
    public static let malformed = DeadLetterCode(.malformed)

    /// Every code a dead letter may carry: the rejection codes and `retry_exhausted` (the schema's CHECK lists them).
    package static var known: [String] { RejectionCode.allCases.map(\.rawValue) + [retryExhausted.rawValue] }

    /// The rejection this code stands for, when it is one.
    public var rejectionCode: RejectionCode? { RejectionCode(rawValue: rawValue) }

    public var description: String { rawValue }
}
