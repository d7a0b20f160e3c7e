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
