import ForloebCore

/// The rows a batch must change in the `deadlines` table: the difference between what is stored for the
/// batch's cases and what their new snapshots open.
///
/// Most events leave a case's deadlines as they were (a conversation held, a mentor appointed), so rewriting
/// all of a touched case's rows, as a delete and re-insert, wrote about three deadline rows and their index
/// entries for every event only to put the same values back. Both back ends read the stored rows of the batch's
/// cases under the case locks, and write only this difference.
public struct DeadlineChanges: Sendable, Equatable {
    /// One row of the `deadlines` table, as both back ends store it.
    public struct Row: Hashable, Sendable {
        public var caseId: String
        public var kind: String
        /// Seconds since the epoch.
        public var dueAt: Int

        public init(caseId: String, kind: String, dueAt: Int) {
            self.caseId = caseId
            self.kind = kind
            self.dueAt = dueAt
        }
    }

    /// Stored rows of a kind the case no longer has open, to be deleted by (case id, kind).
    public var removed: [Row]
    /// Rows that are new, or whose due time moved: to be inserted, or updated on (case id, kind).
    public var upserted: [Row]
    /// How these rows move the open-deadline counters (`CounterChanges`).
    package var counts = CounterChanges()

    /// - Parameters:
    ///   - stored: the stored rows of the cases in `planned` that existed before the batch (a case the batch
    ///     opens has none).
    ///   - planned: each case the batch writes, with every deadline its new snapshot has open.
    public init(stored: [Row], planned: [(caseId: String, deadlines: [Deadline])]) {
        var current: [String: [String: Int]] = [:]
        for row in stored { current[row.caseId, default: [:]][row.kind] = row.dueAt }
        removed = []
        upserted = []
        for (caseId, deadlines) in planned {
            var before = current.removeValue(forKey: caseId) ?? [:]
            for deadline in deadlines {
                let dueAt = Int(deadline.dueAt.secondsSinceEpoch)
                let old = before.removeValue(forKey: deadline.kind.rawValue)
                if old != dueAt {
                    upserted.append(Row(caseId: caseId, kind: deadline.kind.rawValue, dueAt: dueAt))
                    counts.move(deadline: deadline.kind.rawValue, from: old, to: dueAt)
                }
            }
            for (kind, dueAt) in before.sorted(by: { $0.key < $1.key }) {
                removed.append(Row(caseId: caseId, kind: kind, dueAt: dueAt))
                counts.move(deadline: kind, from: dueAt, to: nil)
            }
        }
    }
}
