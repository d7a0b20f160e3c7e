import ForloebCore

/// A batch planned and not yet written: the first half of `EventStore.apply`, for a worker that plans its next
/// batch while the store commits this one (`EventStore.plan(_:journey:at:after:)`, `commit(_:)`).
///
/// Why: on PostgreSQL a batch alternated between the worker planning it and the database writing it, each idle
/// while the other worked. Planned ahead, the next batch's planning overlaps this one's statements and commit.
///
/// A plan made after another starts from the state that one leaves once it commits, and is committed only after
/// that one committed in full. Its commit checks, under the cases' locks, that each case's revision is the one
/// the plan started from: if the batch before committed something else (planned again after a conflict), or
/// another writer came between, the commit is a `conflict` and writes nothing, and the batch is planned again.
/// (A message the batch before marked is a duplicate here without any lock's say: hence "in full".)
public struct PlannedBatch: Sendable {
    package let plan: BatchPlan
    /// Each case's revision as the plan started from it (a case the batch opens has none).
    package let revisions: [String: Int]
    package let now: Instant

    /// The state this batch leaves once it commits, for the batch planned after it: its written cases at their
    /// next revision, and its messages' processed marks.
    package var leaves: (cases: [String: (snapshot: CitizenCase, revision: Int)], marks: [String: ProcessedMark]) {
        var cases: [String: (snapshot: CitizenCase, revision: Int)] = [:]
        for write in plan.cases {
            let id = write.summary.caseId
            cases[id] = (write.snapshot, (revisions[id] ?? 0) + 1)
        }
        var marks: [String: ProcessedMark] = [:]
        for row in plan.processed { marks[row.messageId] = ProcessedMark(outcome: row.outcome, attempts: row.attempts) }
        return (cases, marks)
    }
}
