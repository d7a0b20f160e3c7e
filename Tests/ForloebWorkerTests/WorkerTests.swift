import ForloebAMQP
import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebTestSupport
import ForloebWorker
import ForloebWorkflows
import Foundation
import Logging
import Synchronization
import Testing

/// The worker against the real broker and a real SQLite store: the journey over the wire, duplicates,
/// rejections, dead letters, reminders, and several workers keeping per-case order.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"), .serialized)
struct WorkerTests {
    static let sample: [Data] = {
        let url = URL(fileURLWithPath: WorkflowLoader.sourceTreeDirectory + "/examples/sample-cases.jsonl")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { Data($0.utf8) }
    }()

    /// What the in-memory reference says the stream gives.
    static func reference(_ lines: [Data]) -> CaseBook {
        var book = CaseBook(journey: WorkerHarness.journey)
        for line in lines { book.ingest(line) }
        return book
    }

    @Test func sampleStreamOverTheWireMatchesTheReference() async throws {
        let harness = try WorkerHarness("sample")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let reference = Self.reference(Self.sample)
            let distinct = Set(Self.sample.map { line in
                ((try? JSONSerialization.jsonObject(with: line)) as? [String: Any])?["messageId"] as? String ?? EventDecoder.fallbackMessageId(line)
            }).count
            try await harness.running([harness.worker()]) {
                try await harness.publish(Self.sample, on: channel)
                _ = try await harness.waitUntilProcessed(distinct)
            }
            for (caseId, expected) in reference.cases {
                let record = try #require(try await harness.store.caseRecord(caseId))
                #expect(record.snapshot == expected, "\(caseId)")
                #expect(record.history.count == expected.version)
                #expect(record.rejections.map(\.code) == (reference.rejections[caseId] ?? []).map(\.rejection.code))
            }
            // Every state change and every rejection was published, once, with its deterministic id.
            let stateChanges = reference.history.values.flatMap { $0 }.filter { $0.from != $0.to }.count
            let rejections = reference.rejections.values.map(\.count).reduce(0, +) + reference.unattached.count
            let notifications = try await receiveAll(harness.tapQueue, on: channel)
            let byKey = Dictionary(grouping: notifications, by: \.routingKey)
            #expect(byKey["state.changed"]?.count == stateChanges)
            #expect(byKey["event.rejected"]?.count == rejections)
            #expect(Set(notifications.compactMap(\.messageID)).count == notifications.count)
            let rejectedCodes = Set(
                (byKey["event.rejected"] ?? []).compactMap {
                    ((try? JSONSerialization.jsonObject(with: Data($0.body))) as? [String: Any])?["code"] as? String
                })
            // Every rejection code of the contract reaches case systems as event.rejected.
            #expect(rejectedCodes == Set(RejectionCode.allCases.map(\.rawValue)))
        }
    }

    @Test func duplicatesHaveTheEffectOfOnce() async throws {
        let harness = try WorkerHarness("dup")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let journey = Array(Self.sample.prefix(5))
            // A sentinel of another case goes last: once it is processed, every copy before it in the queue was.
            let sentinel = Data(
                #"{"messageId":"sentinel-1","caseId":"K-SENTINEL","type":"case.opened","occurredAt":"2024-01-01T09:00:00Z","actor":"sb-1","data":{"birthDate":"1980-05-01","municipality":"0260","origin":"municipality","incomeBasis":"kontanthjaelp"}}"#
                    .utf8)
            try await harness.running([harness.worker()]) {
                try await harness.publish(journey + journey + journey + [sentinel], on: channel)
                _ = try await harness.waitUntilProcessed(6)
            }
            let counts = try await harness.store.counts()
            #expect(counts.events == 6)
            #expect(counts.processed == 6)
            #expect(counts.rejections == 0)
            let record = try #require(try await harness.store.caseRecord("K-2026-000101"))
            #expect(record.snapshot.version == 5)
        }
    }

    @Test func unreadableMessageGoesToTheDeadLetterQueueWithCodeAndDetail() async throws {
        let harness = try WorkerHarness("dead")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let broken = Data(#"{"messageId":"broken-x","type":"case.opened","occurredAt":"2024-01-01T10:00:00Z"}"#.utf8)
            let notJSON = Data("this is not json".utf8)
            try await harness.running([harness.worker()]) {
                try await harness.publish([broken, notJSON], on: channel)
                _ = try await harness.waitUntilProcessed(2)
            }
            let dead = try await receiveAll(harness.topology().deadLetterQueue, on: channel)
            #expect(dead.count == 2)
            let first = try #require(dead.first { $0.messageID == "broken-x" })
            #expect(first.headers[ForloebTopology.deadLetterCodeHeader] == .string("malformed"))
            #expect(first.headers[ForloebTopology.deadLetterDetailHeader] == .string("caseId: required field is missing"))
            #expect(first.body == [UInt8](broken))
            // Nothing vanished: the store keeps them for the operator too.
            #expect(try await harness.store.deadLetters(includeResolved: false, limit: 10).count == 2)
        }
    }

    @Test func remindersAndOverdueNoticesAreSentOnce() async throws {
        let harness = try WorkerHarness("remind")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            // Case 107 of the sample: a course that ended 2024-06-05 with no next step, long overdue at "now".
            let lines = Self.sample.filter { String(decoding: $0, as: UTF8.self).contains("K-2026-000107") }
            let reference = Self.reference(lines)
            let distinct = Set(lines.map { String(decoding: $0, as: UTF8.self) }).count
            try await harness.running([harness.worker()]) {
                try await harness.publish(lines, on: channel)
                _ = try await harness.waitUntilProcessed(distinct)
            }
            let scheduler = DeadlineScheduler(
                store: harness.store, journey: WorkerHarness.journey, interval: .seconds(3600), clock: { WorkerHarness.now },
                logger: .init(label: "test"))
            let first = try await scheduler.tick()
            let second = try await scheduler.tick()
            let open = WorkerHarness.journey.deadlines(for: try #require(reference.cases["K-2026-000107"]))
            #expect(first == open.count * 2, "one reminder and one overdue notice per open deadline, all past due")
            #expect(second == 0)
            let pending = try await harness.store.pendingOutbox(limit: 100).filter { $0.routingKey.hasPrefix("deadline.") }
            #expect(pending.count == first)
            #expect(Set(pending.map(\.messageId)).count == pending.count)
            #expect(pending.contains { $0.routingKey == "deadline.overdue" && $0.messageId.contains("/course_end/") })
        }
    }

    @Test(arguments: [2, 4])
    func severalWorkersKeepPerCaseOrder(workers: Int) async throws {
        let harness = try WorkerHarness("order\(workers)")
        try await harness.tearingDown(workers: workers) {
            let channel = try await harness.prepare(workers: workers)
            let generated = CaseStreamGenerator(seed: UInt64(workers)).stream(cases: 60).map { $0.wireJSON() }
            let reference = Self.reference(generated)
            try await harness.running((0..<workers).map { harness.worker(index: $0, of: workers) }) {
                try await harness.publish(generated, on: channel, workers: workers)
                _ = try await harness.waitUntilProcessed(generated.count)
            }
            let counts = try await harness.store.counts()
            #expect(counts.rejections == 0, "an out-of-order event would have been rejected")
            #expect(counts.events == generated.count)
            for (caseId, expected) in reference.cases {
                #expect(try await harness.store.caseRecord(caseId)?.snapshot == expected)
            }
        }
    }

    /// A PostgreSQL worker whose consumer splits each batch by case into three transactions at once on its
    /// store's pool (`--lanes 3`):
    /// the journey still comes out as the reference says, every event once, every state change published.
    @Test(.enabled(if: WorkerHarness.postgresEnabled, "needs FORLOEB_TEST_POSTGRES_URL (scripts/postgres.sh)"))
    func lanesOnPostgresKeepPerCaseOrder() async throws {
        let harness = try await WorkerHarness.postgres("lanes", lanes: 3)
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let generated = CaseStreamGenerator(seed: 7).stream(cases: 60).map { $0.wireJSON() }
            // After the repeats, one more case: once it is processed, the repeats before it were consumed.
            let last = CaseStreamGenerator(seed: 8, caseIdPrefix: "LAST").stream(cases: 1).map { $0.wireJSON() }
            let reference = Self.reference(generated + last)
            // Queued before the worker starts, so that every batch is full and holds many cases.
            try await harness.publish(generated + generated.prefix(50) + last, on: channel)
            try await harness.running([harness.worker()]) {
                _ = try await harness.waitUntilProcessed(generated.count + last.count)
            }
            let counts = try await harness.store.counts()
            #expect(counts.rejections == 0, "an out-of-order event would have been rejected")
            #expect(counts.events == generated.count + last.count, "the 50 repeated messages are duplicates")
            for (caseId, expected) in reference.cases {
                #expect(try await harness.store.caseRecord(caseId)?.snapshot == expected)
            }
            let stateChanges = reference.history.values.flatMap { $0 }.filter { $0.from != $0.to }.count
            let notifications = try await receiveAll(harness.tapQueue, on: channel)
            #expect(notifications.filter { $0.routingKey == "state.changed" }.count == stateChanges)
        }
    }

    /// The store fails once with an error that is not transient (one judged to be the batch's): the batch goes
    /// through the retry queues (1 s) and comes back, applied once. (A transient failure holds the batch in
    /// place instead: `StoreOutageTests`.)
    @Test func aStoreFailureSendsTheBatchThroughTheRetryQueues() async throws {
        let fired = Mutex(false)
        let faults = StoreFaultHooks(inTransaction: { step in
            guard step == .eventsWritten, fired.withLock({ done in defer { done = true }; return !done }) else {
                return
            }
            throw StoreError(.io, "injected: the write failed")
        })
        let id = UUID().uuidString.prefix(8).lowercased()
        let path = NSTemporaryDirectory() + "forloeb-worker-retry-\(id).sqlite"
        let harness = try WorkerHarness(
            "retry", store: try SQLiteCaseStore(path: path, durability: .normal, faults: faults))
        try await harness.tearingDown(sqlite: path) {
            let channel = try await harness.prepare()
            // One event per case: whichever batch fails, nothing that comes after it depends on it (see below).
            let opened = CaseStreamGenerator(seed: 3).stream(cases: 30).filter { $0.type.rawValue == "case.opened" }
            let reference = Self.reference(opened.map { $0.wireJSON() })
            try await harness.publish(opened.map { $0.wireJSON() }, on: channel)
            try await harness.running([harness.worker()]) {
                _ = try await harness.waitUntilProcessed(opened.count)
            }
            #expect(fired.withLock { $0 }, "the injected failure must have happened for this test to mean anything")
            let counts = try await harness.store.counts()
            #expect(counts.events == opened.count)
            #expect(counts.rejections == 0)
            for (caseId, expected) in reference.cases {
                #expect(try await harness.store.caseRecord(caseId)?.snapshot == expected)
            }
        }
    }

    /// Issue 17: a message the store fails to apply every time goes through every retry step and ends as a
    /// `retry_exhausted` dead letter in the store and in `forloeb.events.dead`, the two agreeing on message id,
    /// code and detail; once the store is back, `forloeb dead-letters replay` applies it and removes the queue's
    /// copy. (These used to reach the queue alone, where no operator verb could find them.) The first time, the
    /// store cannot even record the dead letter: the message goes round the last step once more instead.
    @Test func aMessageTheStoreFailsOnEveryRetryIsADeadLetterInTheStoreAndTheQueue() async throws {
        let failing = Mutex(true)
        let attempts = Mutex(0)
        let recordFailures = Mutex(0)
        let faults = StoreFaultHooks(inTransaction: { step in
            if step == .rejectionsWritten,
                recordFailures.withLock({ failed in
                    defer { failed += 1 }
                    return failed == 0
                })
            {
                throw StoreError(.io, "injected: the store cannot record the dead letter this time")
            }
            guard step == .eventsWritten, failing.withLock({ $0 }) else { return }
            attempts.withLock { $0 += 1 }
            throw StoreError(.io, "injected: the store fails this message every time")
        })
        let id = UUID().uuidString.prefix(8).lowercased()
        let path = NSTemporaryDirectory() + "forloeb-worker-exhausted-\(id).sqlite"
        let steps = ["r1", "r2", "r3"].map { ForloebTopology.RetryStep(name: $0, milliseconds: 200) }
        let harness = try WorkerHarness(
            "exhausted", store: try SQLiteCaseStore(path: path, durability: .normal, faults: faults), retrySteps: steps)
        try await harness.tearingDown(sqlite: path) {
            let channel = try await harness.prepare()
            let open = try #require(Self.sample.first)
            let fields = try #require((try JSONSerialization.jsonObject(with: open)) as? [String: Any])
            let messageId = try #require(fields["messageId"] as? String)
            let caseId = try #require(fields["caseId"] as? String)
            try await harness.publish([open], on: channel)
            let letter = try await harness.running([harness.worker()]) { () async throws -> DeadLetter in
                let deadline = ContinuousClock.now + .seconds(60)
                while ContinuousClock.now < deadline {
                    if let letter = try await harness.store.deadLetters(includeResolved: false, limit: 10).first {
                        return letter
                    }
                    try await Task.sleep(for: .milliseconds(50))
                }
                throw StoreError(.notFound, "no dead letter in the store after 60 s (\(attempts.withLock { $0 }) attempts)")
            }
            #expect(recordFailures.withLock { $0 } == 2, "the first record failed, the second recorded it")
            #expect(
                attempts.withLock { $0 } == 1 + steps.count + 1,
                "the first attempt, one per retry step, one more after the failed record, then no more")
            #expect(letter.code == .retryExhausted)
            #expect(letter.messageId == messageId)
            #expect(letter.body == open)
            #expect(try await harness.store.counts().events == 0)

            let queued = try #require(try await channel.get(queue: harness.topology().deadLetterQueue))
            #expect(queued.headers[ForloebTopology.deadLetterCodeHeader] == .string("retry_exhausted"))
            #expect(queued.headers[ForloebTopology.deadLetterDetailHeader] == .string(letter.detail))
            #expect(queued.messageID == letter.messageId)
            #expect(queued.body == [UInt8](open))
            try await channel.nack(queued.deliveryTag, requeue: true)

            // The store is back: the operator's verbs find the dead letter and replay it.
            failing.withLock { $0 = false }
            var environment = [
                "FORLOEB_STORE": "sqlite:" + path, "FORLOEB_AMQP_URL": WorkerHarness.amqpText ?? "",
                "FORLOEB_NOW": WorkerHarness.now.description,
                "FORLOEB_WORKFLOWS": ForloebExecutable.repositoryRoot.appendingPathComponent("Workflows").path,
            ]
            let list = try ForloebExecutable.run(["dead-letters", "list", "--json"], environment: environment)
            #expect(list.status == 0, "\(list.stderr)")
            let listed = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["deadLetters"]
            #expect(
                (listed as? [[String: Any]])?.map { "\($0["messageId"] ?? "") \($0["code"] ?? "")" }
                    == ["\(messageId) retry_exhausted"], "\(list.stdout)")
            environment["FORLOEB_LOG_LEVEL"] = "warning"
            let replay = try ForloebExecutable.run(
                [
                    "dead-letters", "replay", String(letter.id), "--operator", "ops-1", "--reason", "the store is back",
                    "--prefix", harness.prefix,
                ], environment: environment)
            #expect(replay.status == 0, "\(replay.stdout) \(replay.stderr)")
            #expect(replay.stdout.contains("removed its copy from \(harness.prefix).events.dead"), "\(replay.stdout)")
            #expect(try await harness.store.caseRecord(caseId)?.history.map(\.messageId) == [messageId])
            #expect(try await harness.store.deadLetters(includeResolved: false, limit: 10).isEmpty)
            #expect(try await channel.get(queue: harness.topology().deadLetterQueue) == nil)
        }
    }

    /// One lane's transaction fails once in the middle of a batch (with an error that is not transient; the first
    /// lane to write fails): only that lane's messages go to the retry queues and come back; the other lane's part
    /// stays committed, and the dead letters are published.
    /// (One event per case: a message back from the retry queues comes after those queued behind it, so a
    /// case's later events would overtake it, with or without lanes; the README says so.)
    @Test(.enabled(if: WorkerHarness.postgresEnabled, "needs FORLOEB_TEST_POSTGRES_URL (scripts/postgres.sh)"))
    func aFailingLaneRetriesOnlyItsOwnPart() async throws {
        let fired = Mutex(false)
        let faults = StoreFaultHooks(inTransaction: { step in
            guard step == .eventsWritten, fired.withLock({ done in defer { done = true }; return !done }) else {
                return
            }
            throw StoreError(.io, "injected: the lane's write failed")
        })
        let harness = try await WorkerHarness.postgres("lanefail", lanes: 2, faults: faults)
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let generated = CaseStreamGenerator(seed: 9).stream(cases: 150).filter { $0.type.rawValue == "case.opened" }
                .map { $0.wireJSON() }
            // Unreadable messages name no case: they are in lane 0, dead-lettered at once or after their retry.
            let unreadable = (0..<5).map { Data("not json \($0)".utf8) }
            let reference = Self.reference(generated)
            try await harness.publish(unreadable + generated, on: channel)
            try await harness.running([harness.worker()]) {
                _ = try await harness.waitUntilProcessed(unreadable.count + generated.count)
            }
            #expect(fired.withLock { $0 }, "the injected failure must have happened for this test to mean anything")
            let counts = try await harness.store.counts()
            #expect(counts.events == generated.count)
            for (caseId, expected) in reference.cases {
                #expect(try await harness.store.caseRecord(caseId)?.snapshot == expected)
            }
            let dead = try await receiveAll(harness.topology().deadLetterQueue, on: channel)
            #expect(dead.count == unreadable.count)
            #expect(dead.allSatisfy { $0.headers[ForloebTopology.deadLetterCodeHeader] == .string("malformed") })
        }
    }

    /// Drains a queue (acking), for inspecting what was published.
    func receiveAll(_ queue: String, on channel: AMQPChannel) async throws -> [AMQPDelivery] {
        var all: [AMQPDelivery] = []
        while let delivery = try await channel.get(queue: queue) {
            all.append(delivery)
            try await channel.ack(delivery.deliveryTag)
        }
        return all
    }
}
