import ForloebStore

/// How a consumer splits one batch among its store connections ("lanes").
///
/// Why: on PostgreSQL a batch is a strict alternation of the worker planning and the database writing, so
/// one connection keeps at most one core busy. Splitting each batch by case over two connections lets one
/// lane's planning overlap the other lane's statements. Every case always goes to the same lane (a hash of
/// its id), so its events stay in order, in one transaction, and its cached snapshot stays warm; lanes
/// never touch the same case rows, so they never wait on each other's locks.
enum CaseLanes {
    /// For each lane, the indices of its messages in batch order; `nil` when the batch must stay in one
    /// lane: a message id that occurs for two different lanes (a duplicate must be judged in batch order).
    static func split(_ messages: [InboundMessage], lanes: Int) -> [[Int]]? {
        guard lanes > 1 else { return nil }
        var parts = [[Int]](repeating: [], count: lanes)
        var laneOfMessage: [String: Int] = [:]
        laneOfMessage.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            // Unreadable messages name no case; they only ever write rejection and dead-letter rows.
            let lane = message.caseId.map { Self.lane(of: $0, lanes: lanes) } ?? 0
            if let earlier = laneOfMessage.updateValue(lane, forKey: message.messageId), earlier != lane {
                return nil
            }
            parts[lane].append(index)
        }
        return parts
    }

    /// FNV-1a over the id's UTF-8 bytes, then mixed (the finaliser of MurmurHash3): stable across processes and
    /// runs, unlike `hashValue`. Unmixed, FNV-1a's lowest bit depends only on the count of odd bytes, and
    /// sequential case ids fell into the same lane in runs.
    static func lane(of caseId: String, lanes: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in caseId.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return Int(hash % UInt64(lanes))
    }
}
