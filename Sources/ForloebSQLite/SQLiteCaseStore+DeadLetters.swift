import ForloebCore
import ForloebStore
import Foundation
import GRDB

extension SQLiteCaseStore {
    public func recordDeadLetters(_ entries: [DeadLetterEntry], at now: Instant) async throws -> Int {
        for entry in entries { try StorableText.require(entry) }
        guard !entries.isEmpty else { return 0 }
        let faults = self.faults
        return try await transaction { db in
            var recorded = 0
            for entry in entries {
                try db.execute(
                    sql: """
                        INSERT INTO dead_letters (message_id, body, code, detail, received_at)
                        SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (
                            SELECT 1 FROM dead_letters WHERE message_id = ? AND code = ? AND resolution IS NULL)
                        """,
                    arguments: [
                        entry.messageId, entry.body, entry.code.rawValue, entry.detail, now.secondsSinceEpoch,
                        entry.messageId, entry.code.rawValue,
                    ])
                recorded += db.changesCount
            }
            try faults.at(.rejectionsWritten)
            return recorded
        }
    }
}
