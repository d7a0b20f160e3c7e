import ForloebCore

/// The audit log's hash chain, computed the same way by every back end.
public enum AuditChain {
    /// The `prevHash` of the first record.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 (hex) over the previous hash and the record's fields, each length-prefixed so that no two
    /// different records serialise to the same bytes.
    ///
    /// The vouched `identity` is the last field, and only when the record has one: records written before forloeb
    /// recorded it hash exactly as they did, so an existing chain keeps verifying, while a newer record's identity
    /// cannot be altered or removed without breaking its hash.
    public static func hash(prevHash: String, sequence: Int64, entry: AuditEntry) -> String {
        var fields = [
            prevHash, String(sequence), entry.operatorId, String(entry.at.secondsSinceEpoch), entry.action,
            entry.caseId ?? "\u{0}", entry.reason, entry.detail,
        ]
        if let identity = entry.identity { fields.append("identity=" + identity) }
        var bytes: [UInt8] = []
        for field in fields {
            let utf8 = Array(field.utf8)
            bytes.append(contentsOf: Array(String(utf8.count).utf8))
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return SHA256.hex(bytes)
    }

    /// The record that follows `previous` (or starts the chain) for `entry`.
    public static func link(_ entry: AuditEntry, after previous: (sequence: Int64, hash: String)?) -> AuditRecord {
        let sequence = (previous?.sequence ?? 0) + 1
        let prevHash = previous?.hash ?? genesis
        return AuditRecord(
            sequence: sequence, entry: entry, prevHash: prevHash,
            hash: hash(prevHash: prevHash, sequence: sequence, entry: entry))
    }

    /// Walks `records` in sequence order and reports the first one that does not follow from the one before.
    public static func verify(_ records: [AuditRecord]) -> AuditVerification {
        var previous: (sequence: Int64, hash: String)?
        for record in records {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if record.sequence != expectedSequence {
                return AuditVerification(
                    records: records.count,
                    firstBroken: (
                        record.sequence,
                        "sequence \(record.sequence) follows \(expectedSequence - 1): a record is missing"
                    ))
            }
            if record.prevHash != (previous?.hash ?? genesis) {
                return AuditVerification(
                    records: records.count,
                    firstBroken: (record.sequence, "prev_hash does not match the previous record's hash"))
            }
            if record.hash != hash(prevHash: record.prevHash, sequence: record.sequence, entry: record.entry) {
                return AuditVerification(
                    records: records.count,
                    firstBroken: (record.sequence, "hash does not match the record's fields: it was altered"))
            }
            previous = (record.sequence, record.hash)
        }
        return AuditVerification(records: records.count, firstBroken: nil)
    }
}
