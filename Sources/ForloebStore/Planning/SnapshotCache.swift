import ForloebCore
import Synchronization

/// Decoded snapshots a store wrote or read, keyed by case and revision, so that a worker applying event
/// after event to the same cases does not decode the same JSON again each time (decoding is most of a
/// batch's CPU time).
///
/// Safe across processes because every lookup names the revision the database holds now: a case changed
/// by anyone else (another worker, a rebuild) has a new revision and misses. Bounded: when full, it is
/// emptied and refills with what is in use.
package final class SnapshotCache: Sendable {
    private let entries = Mutex<[String: (revision: Int, snapshot: CitizenCase)]>([:])
    package let capacity: Int

    package init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    package func snapshot(_ caseId: String, revision: Int) -> CitizenCase? {
        entries.withLock { entries in
            guard let entry = entries[caseId], entry.revision == revision else { return nil }
            return entry.snapshot
        }
    }

    package func store(_ caseId: String, revision: Int, snapshot: CitizenCase) {
        entries.withLock { entries in
            if entries.count >= capacity && entries[caseId] == nil { entries.removeAll(keepingCapacity: true) }
            entries[caseId] = (revision, snapshot)
        }
    }

    package func remove(_ caseIds: some Sequence<String>) {
        entries.withLock { entries in
            for id in caseIds { entries[id] = nil }
        }
    }
}
