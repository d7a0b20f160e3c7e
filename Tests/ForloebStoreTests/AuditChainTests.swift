import ForloebCore
import ForloebStore
import Testing

/// The audit chain finds the first record that was altered, removed or re-linked.
@Suite struct AuditChainTests {
    static func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        for index in 1...count {
            let entry = AuditEntry(
                operatorId: "ops-\(index % 2)", at: Instant(secondsSinceEpoch: 1_700_000_000 + Int64(index)),
                action: "replay", caseId: "K-\(index)", reason: "why \(index)", detail: "d")
            records.append(AuditChain.link(entry, after: records.last.map { ($0.sequence, $0.hash) }))
        }
        return records
    }

    @Test func anIntactChainVerifies() {
        let records = Self.chain(5)
        #expect(AuditChain.verify(records) == AuditVerification(records: 5, firstBroken: nil))
        #expect(Set(records.map(\.hash)).count == 5)
    }

    @Test func anAlteredFieldBreaksItsRecord() {
        var records = Self.chain(5)
        records[2].entry.reason = "a better story"
        #expect(AuditChain.verify(records).firstBroken?.sequence == 3)
    }

    @Test func aRemovedRecordBreaksTheSequence() {
        var records = Self.chain(5)
        records.remove(at: 1)
        #expect(AuditChain.verify(records).firstBroken?.sequence == 3)
    }

    @Test func aRehashedRecordBreaksTheNextLink() {
        var records = Self.chain(5)
        records[1].entry.detail = "changed"
        records[1].hash = AuditChain.hash(prevHash: records[1].prevHash, sequence: 2, entry: records[1].entry)
        #expect(AuditChain.verify(records).firstBroken?.sequence == 3)
    }

    @Test func fieldBoundariesAreUnambiguous() {
        let a = AuditEntry(operatorId: "ab", at: Instant(secondsSinceEpoch: 0), action: "c", reason: "", detail: "")
        let b = AuditEntry(operatorId: "a", at: Instant(secondsSinceEpoch: 0), action: "bc", reason: "", detail: "")
        #expect(
            AuditChain.hash(prevHash: AuditChain.genesis, sequence: 1, entry: a)
                != AuditChain.hash(prevHash: AuditChain.genesis, sequence: 1, entry: b))
    }
}

/// The vouched identity joins the hash only where a record has one.
@Suite struct AuditIdentityChainTests {
    static let entry = AuditEntry(
        operatorId: "ops-7", at: Instant(secondsSinceEpoch: 1_700_000_000), action: "replay", caseId: "K-1",
        reason: "why", detail: "d")

    /// The hash of a record as forloeb wrote it before identities were recorded (computed by that code): a chain
    /// already in a store keeps verifying unchanged.
    @Test func aRecordWithoutIdentityHashesAsBefore() {
        #expect(
            AuditChain.hash(prevHash: AuditChain.genesis, sequence: 1, entry: Self.entry)
                == "099df9c86b559f2b679fc38bec6ed4673e9c5ad4a25682032e265ee3a2e014d7")
        let old = AuditChainTests.chain(3)
        #expect(AuditChain.verify(old).isIntact)
    }

    @Test func theIdentityIsCoveredByTheHash() {
        var vouched = Self.entry
        vouched.identity = "alice"
        let before = AuditChain.hash(prevHash: AuditChain.genesis, sequence: 1, entry: Self.entry)
        #expect(AuditChain.hash(prevHash: AuditChain.genesis, sequence: 1, entry: vouched) != before)
        // Old records, then new ones: the mixed chain verifies; altering or removing an identity breaks it there.
        var records = AuditChainTests.chain(2)
        records.append(AuditChain.link(vouched, after: (records[1].sequence, records[1].hash)))
        #expect(AuditChain.verify(records).isIntact)
        var altered = records
        altered[2].entry.identity = "mallory"
        #expect(AuditChain.verify(altered).firstBroken?.sequence == 3)
        altered[2].entry.identity = nil
        #expect(AuditChain.verify(altered).firstBroken?.sequence == 3)
    }
}
