import ForloebCore
import ForloebStore
import Foundation
import NIOCore
import PostgresNIO

extension PostgresCaseStore {
    public func recordDeadLetters(_ entries: [DeadLetterEntry], at now: Instant) async throws -> Int {
        for entry in entries { try StorableText.require(entry) }
        guard !entries.isEmpty else { return 0 }
        let logger = self.logger
        let faults = self.faults
        let t = Int(now.secondsSinceEpoch)
        return try await transaction { connection in
            var recorded = 0
            for entry in entries {
                let code = entry.code.rawValue
                for try await _ in try await connection.query(
                    """
                    INSERT INTO dead_letters (message_id, body, code, detail, received_at)
                    SELECT \(entry.messageId), \(ByteBuffer(bytes: entry.body)), \(code), \(entry.detail), \(t)
                    WHERE NOT EXISTS (
                        SELECT 1 FROM dead_letters
                        WHERE message_id = \(entry.messageId) AND code = \(code) AND resolution IS NULL)
                    RETURNING 1
                    """, logger: logger)
                {
                    recorded += 1
                }
            }
            try faults.at(.rejectionsWritten)
            return recorded
        }
    }
}
