import ForloebCore

/// An audit entry as stored: its place in the chain and the hashes that link it to the one before.
///
/// `hash` = SHA-256 over `prevHash` and the entry's fields (`AuditChain.hash`), so that editing or deleting
/// any row breaks every hash after it and `forloeb audit verify` finds the first broken link.
public struct AuditRecord: Sendable, Equatable {
    /// 1, 2, 3, … without gaps.
    public var sequence: Int64
    public var entry: AuditEntry
    /// The previous record's hash; 64 zeros for the first.
    public var prevHash: String
    public var hash: String

    public init(sequence: Int64, entry: AuditEntry, prevHash: String, hash: String) {
        self.sequence = sequence
        self.entry = entry
        self.prevHash = prevHash
        self.hash = hash
    }
}
