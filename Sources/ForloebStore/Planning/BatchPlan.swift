import ForloebCore
import Foundation

/// Every row one batch writes, decided in memory before the first write.
///
/// Both back ends load the same inputs (the processed marks and current snapshots of the batch's messages),
/// call `BatchPlan.make` and write the result in one transaction. Keeping the decisions here, in one pure
/// function, is what makes SQLite, PostgreSQL and the in-memory `CaseBook` agree.
package struct BatchPlan: Sendable {
    package struct EventRow: Sendable {
        package var caseId: String
        package var position: Int
        package var messageId: String
        package var type: String
        package var occurredAt: Int64
        package var actor: String
        package var fromState: String?
        package var toState: String
        package var ruleSet: String
        package var body: String
    }

    package struct RejectionRow: Sendable {
        package var messageId: String
        package var attempt: Int
        package var caseId: String?
        package var attached: Bool
        package var type: String
        package var code: String
        package var rule: String?
        package var detail: String
        package var occurredAt: Int64?
        package var body: Data
    }

    package struct ProcessedRow: Sendable {
        package var messageId: String
        package var outcome: ProcessedMark.Outcome
        package var caseId: String?
        package var attempts: Int
        /// The attempts stored before (a replay updates the row), or `nil` for a new row.
        package var previousAttempts: Int?
    }

    package struct CaseWrite: Sendable {
        package var snapshot: CitizenCase
        package var summary: CaseSummary
        /// The version read at the start of the batch; `nil` when the batch opened the case.
        package var expectedVersion: Int?
        /// The state stored before the batch; `nil` when the batch opened the case.
        package var previousState: CaseState?
        package var json: String
        package var deadlines: [Deadline]
    }

    /// Whether the batch writes no row at all (every message a duplicate).
    package var writesNothing: Bool {
        cases.isEmpty && events.isEmpty && processed.isEmpty && rejections.isEmpty && deadLetters.isEmpty
            && outbox.isEmpty
    }

    /// How the batch moves the operator's counters: its cases' states, `deadlines`' rows, and its rejections,
    /// recorded at `now` (seconds).
    package func counterChanges(_ deadlines: DeadlineChanges, now: Int) -> CounterChanges {
        var changes = deadlines.counts
        for write in cases { changes.move(caseFrom: write.previousState?.rawValue, to: write.summary.state.rawValue) }
        for rejection in rejections { changes.record(rejection: rejection.code, at: now) }
        return changes
    }

    /// Each case the batch writes, with the deadlines its new snapshot has open.
    package var plannedDeadlines: [(caseId: String, deadlines: [Deadline])] {
        cases.map { ($0.summary.caseId, $0.deadlines) }
    }

    package struct OutboxRow: Sendable {
        package var messageId: String
        package var routingKey: String
        package var caseId: String?
        package var body: String
    }

    package struct DeadLetterRow: Sendable {
        package var messageId: String
        package var body: Data
        package var code: String
        package var detail: String
    }

    package var outcomes: [ApplyOutcome] = []
    package var events: [EventRow] = []
    package var rejections: [RejectionRow] = []
    package var processed: [ProcessedRow] = []
    /// One write per touched case, in first-touch order.
    package var cases: [CaseWrite] = []
    package var outbox: [OutboxRow] = []
    package var deadLetters: [DeadLetterRow] = []
    /// The cases whose state the batch's decisions depended on (every message but the duplicates): a
    /// writer must find them at the versions it read, or the batch is stale.
    package var dependsOn: [String] = []

    /// The message ids whose processed marks `make` needs.
    package static func messageIds(of messages: [InboundMessage]) -> [String] {
        Array(Set(messages.map(\.messageId)))
    }

    /// The case ids whose snapshots `make` needs.
    package static func caseIds(of messages: [InboundMessage]) -> [String] {
        Array(Set(messages.compactMap(\.caseId)))
    }

    /// Applies `messages` in order to the loaded state, through `journey`, with `CaseBook`'s rules of
    /// delivery: a processed id is a duplicate (unless it is an operator's replay of a rejection), a rejection
    /// attaches to an existing case, a message that names no case is dead-lettered.
    package static func make(
        _ messages: [InboundMessage], journey: Journey, processed: [String: ProcessedMark],
        snapshots: [String: CitizenCase]
    ) -> BatchPlan {
        var plan = BatchPlan()
        var marks = processed
        var current = snapshots
        var touched: [String: Int] = [:]  // case id → index in plan.cases
        var dependsOnSet: Set<String> = []
        var markedHere: Set<String> = []  // ids with a row in plan.processed

        for message in messages {
            let messageId = message.messageId
            var attempt = 1
            var previousAttempts: Int?
            if let mark = marks[messageId] {
                guard message.isReplay, mark.outcome == .rejected else {
                    plan.outcomes.append(.duplicate(messageId: messageId))
                    continue
                }
                attempt = mark.attempts + 1
                previousAttempts = mark.attempts
            }
            // A replay updates the row read at the start; a second copy in the same batch updates it again.
            // (Only an id this batch already marked has a row to find: searching for every message made
            // planning quadratic in the batch size.)
            if markedHere.contains(messageId),
                let index = plan.processed.lastIndex(where: { $0.messageId == messageId })
            {
                previousAttempts = plan.processed[index].previousAttempts
                plan.processed.remove(at: index)
            }

            if let caseId = message.caseId, !dependsOnSet.contains(caseId) {
                dependsOnSet.insert(caseId)
                plan.dependsOn.append(caseId)
            }
            let rejected: RejectedEvent
            switch message.decoded {
            case .failure(let failure):
                rejected = failure
            case .success(let envelope):
                let before = current[envelope.caseId]
                switch journey.apply(envelope, to: before) {
                case .success(let transition):
                    let after = transition.after
                    current[envelope.caseId] = after
                    plan.events.append(
                        EventRow(
                            caseId: envelope.caseId, position: after.version, messageId: messageId,
                            type: envelope.type.rawValue, occurredAt: envelope.occurredAt.secondsSinceEpoch,
                            actor: envelope.actor, fromState: transition.from?.rawValue,
                            toState: transition.to.rawValue,
                            ruleSet: transition.ruleSet.rawValue, body: String(decoding: message.body, as: UTF8.self)))
                    // The JSON is encoded once per case, after the batch's last event for it (below).
                    let write = CaseWrite(
                        snapshot: after, summary: CaseSummary(after), expectedVersion: before?.version,
                        previousState: before?.state, json: "",
                        deadlines: transition.deadlines)
                    if let index = touched[envelope.caseId] {
                        plan.cases[index].snapshot = write.snapshot
                        plan.cases[index].summary = write.summary
                        plan.cases[index].deadlines = write.deadlines
                    } else {
                        touched[envelope.caseId] = plan.cases.count
                        plan.cases.append(write)
                    }
                    for notification in transition.notifications {
                        plan.outbox.append(
                            OutboxRow(
                                messageId: notification.messageId, routingKey: notification.routingKey,
                                caseId: notification.caseId, body: String(decoding: notification.body(), as: UTF8.self))
                        )
                    }
                    plan.processed.append(
                        ProcessedRow(
                            messageId: messageId, outcome: .applied, caseId: envelope.caseId, attempts: attempt,
                            previousAttempts: previousAttempts))
                    marks[messageId] = ProcessedMark(outcome: .applied, attempts: attempt)
                    markedHere.insert(messageId)
                    plan.outcomes.append(.applied(transition))
                    continue
                case .failure(let rejection):
                    rejected = RejectedEvent(
                        messageId: messageId, caseId: envelope.caseId, type: envelope.type.rawValue,
                        occurredAt: envelope.occurredAt, rejection: rejection)
                }
            }

            let attached = rejected.caseId.map { current[$0] != nil } ?? false
            plan.rejections.append(
                RejectionRow(
                    messageId: messageId, attempt: attempt, caseId: rejected.caseId, attached: attached,
                    type: rejected.type, code: rejected.rejection.code.rawValue,
                    rule: rejected.rejection.rule?.rawValue,
                    detail: rejected.rejection.detail, occurredAt: rejected.occurredAt?.secondsSinceEpoch,
                    body: message.body))
            if rejected.caseId == nil {
                plan.deadLetters.append(
                    DeadLetterRow(
                        messageId: messageId, body: message.body, code: rejected.rejection.code.rawValue,
                        detail: rejected.rejection.detail))
            }
            if attempt == 1 {
                let notification = CaseNotification.eventRejected(rejected)
                plan.outbox.append(
                    OutboxRow(
                        messageId: notification.messageId, routingKey: notification.routingKey,
                        caseId: rejected.caseId, body: String(decoding: notification.body(), as: UTF8.self)))
            }
            plan.processed.append(
                ProcessedRow(
                    messageId: messageId, outcome: .rejected, caseId: rejected.caseId, attempts: attempt,
                    previousAttempts: previousAttempts))
            marks[messageId] = ProcessedMark(outcome: .rejected, attempts: attempt)
            markedHere.insert(messageId)
            plan.outcomes.append(.rejected(rejected))
        }
        for index in plan.cases.indices {
            plan.cases[index].json = plan.cases[index].snapshot.canonicalJSON()
        }
        plan.dependsOn.sort()
        return plan
    }
}
