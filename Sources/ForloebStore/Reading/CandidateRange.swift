import ForloebCore

/// One of the index ranges `forloeb stuck` reads its candidates from, a page at a time (`CaseReads.candidates`),
/// in the order that puts the longest-running reason first.
public enum CandidateRange: Sendable, Equatable {
    /// Open deadlines of `kinds` due by `dueBy` (the due-time index), earliest due first.
    case due(by: Instant, kinds: [DeadlineKind])
    /// Cases in `states` whose running course ended before `endedBefore` (the course-end index), earliest first.
    case overrun(endedBefore: CivilDate, states: [CaseState])
    /// Cases in `state` whose last accepted event is older than `lastEventBefore` (the (state, last event) index),
    /// stalest first.
    case idle(CaseState, lastEventBefore: Instant)

    /// One row of a range, and where it stands in the range's order, from which the next page starts.
    public struct Row: Sendable, Equatable {
        public var caseId: String
        /// The deadline (`due`), course end (`overrun`) or last event (`idle`) that put the case in the range.
        public var since: Since
        /// The row's place in the range: its order column's value (seconds, or a date's day number), its case id
        /// and, for deadlines, its kind.
        public var position: Position

        public init(caseId: String, since: Since, position: Position) {
            self.caseId = caseId
            self.since = since
            self.position = position
        }
    }

    public enum Since: Sendable, Equatable {
        case deadline(Deadline)
        case courseEnd(CivilDate)
        case lastEvent(Instant)
        /// The stored value does not read: the finder takes the case first and reports it as unreadable.
        case unreadable
    }

    /// A keyset position: the next page starts just after it, so a full list reads every row once.
    public struct Position: Sendable, Equatable {
        /// The order column's value as stored: seconds (`due_at`, `last_event_at`) or text (`course_end`).
        public var order: Order
        public var caseId: String
        public var kind: String

        public enum Order: Sendable, Equatable {
            case seconds(Int64)
            case text(String)
        }

        public init(order: Order, caseId: String, kind: String = "") {
            self.order = order
            self.caseId = caseId
            self.kind = kind
        }

        /// The order value, bound as stored.
        package var orderValue: StoreValue {
            switch order {
            case .seconds(let seconds): .integer(seconds)
            case .text(let text): .text(text)
            }
        }
    }
}

/// What `CaseDiagnosis` reads of a case, from its indexed columns and its open deadlines (no snapshot).
public struct IndexedCase: Sendable, Equatable {
    public var summary: CaseSummary
    public var deadlines: [Deadline]

    public init(summary: CaseSummary, deadlines: [Deadline]) {
        self.summary = summary
        self.deadlines = deadlines
    }
}
