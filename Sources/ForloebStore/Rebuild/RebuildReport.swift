import ForloebCore

/// What a rebuild found (and, unless it was a dry run, wrote).
public struct RebuildReport: Sendable, Equatable {
    /// One case whose recomputed snapshot or deadlines differ from the stored ones.
    public struct Change: Sendable, Equatable {
        public var caseId: String
        public var stateBefore: CaseState
        public var stateAfter: CaseState
        public var deadlinesBefore: [Deadline]
        public var deadlinesAfter: [Deadline]
        /// Whether anything besides the deadlines differs in the snapshot.
        public var snapshotChanged: Bool
        /// Whether stored deadlines fell due at 00:00 UTC and now fall due at Danish midnight (same dates).
        public var dueTimesMoved: Bool

        public init(
            caseId: String, stateBefore: CaseState, stateAfter: CaseState, deadlinesBefore: [Deadline],
            deadlinesAfter: [Deadline], snapshotChanged: Bool, dueTimesMoved: Bool = false
        ) {
            self.caseId = caseId
            self.stateBefore = stateBefore
            self.stateAfter = stateAfter
            self.deadlinesBefore = deadlinesBefore
            self.deadlinesAfter = deadlinesAfter
            self.snapshotChanged = snapshotChanged
            self.dueTimesMoved = dueTimesMoved
        }
    }

    /// A case whose log no longer replays under the given journey: left untouched, for an operator.
    public struct Unreplayable: Sendable, Equatable {
        public var caseId: String
        public var messageId: String
        public var rejection: Rejection

        public init(caseId: String, messageId: String, rejection: Rejection) {
            self.caseId = caseId
            self.messageId = messageId
            self.rejection = rejection
        }
    }

    public var dryRun: Bool
    public var casesExamined: Int
    public var changed: [Change]
    public var unreplayable: [Unreplayable]

    public init(dryRun: Bool, casesExamined: Int, changed: [Change], unreplayable: [Unreplayable]) {
        self.dryRun = dryRun
        self.casesExamined = casesExamined
        self.changed = changed
        self.unreplayable = unreplayable
    }
}
