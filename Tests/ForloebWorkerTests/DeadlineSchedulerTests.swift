import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebWorker
import ForloebWorkflows
import Foundation
import Logging
import Testing

/// The scheduler sends a reminder at the Danish midnight `leadDays` before a deadline's date and the overdue
/// notice at the date's own Danish midnight (CONTRACT.md §6.6), across both changes of the clocks. No broker:
/// the notices are read from the store's outbox.
@Suite struct DeadlineSchedulerTests {
    static let journey = try! WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey

    static func event(_ id: String, _ caseId: String, _ type: String, _ date: String, _ data: String) -> Data {
        Data(
            #"{"messageId":"\#(id)","caseId":"\#(caseId)","type":"\#(type)","occurredAt":"\#(date)T09:00:00Z","actor":"sb-1","data":\#(data)}"#
                .utf8)
    }

    static let opened =
        #"{"birthDate":"1980-05-01","municipality":"0260","origin":"municipality","incomeBasis":"kontanthjaelp"}"#
    static let assessed = #"{"outcome":"in_target_group","reason":"complex problems"}"#

    /// SPRING: recommended 2026-03-18, so `decision_due` is 2026-04-01 (lead 3 days: 29 March, the night the
    /// clocks go forward). AUTUMN: a course ending 2026-11-15 (`course_end`, lead 30 days: 16 October, in
    /// summer time, for a deadline in winter time).
    static let events: [Data] = [
        event("S-1", "SPRING", "case.opened", "2026-01-10", opened),
        event("S-2", "SPRING", "target_group.assessed", "2026-01-20", assessed),
        event(
            "S-3", "SPRING", "team.referred", "2026-02-01",
            #"{"meetingDate":"2026-03-18","consideredEfforts":["mentor"]}"#),
        event(
            "S-4", "SPRING", "team.recommended", "2026-03-18",
            #"{"recommendation":"ressourceforloeb","durationMonths":12}"#),
        event("A-1", "AUTUMN", "case.opened", "2025-09-01", opened),
        event("A-2", "AUTUMN", "target_group.assessed", "2025-09-10", assessed),
        event(
            "A-3", "AUTUMN", "team.referred", "2025-09-20",
            #"{"meetingDate":"2025-10-20","consideredEfforts":["mentor"]}"#),
        event(
            "A-4", "AUTUMN", "team.recommended", "2025-10-20",
            #"{"recommendation":"ressourceforloeb","durationMonths":12}"#),
        event(
            "A-5", "AUTUMN", "decision.made", "2025-11-10",
            #"{"outcome":"ressourceforloeb","startDate":"2025-11-15","durationMonths":12}"#),
    ]

    /// The outbox's message ids after one scheduler tick at `text`.
    static func queued(in store: SQLiteCaseStore, at text: String) async throws -> Set<String> {
        let now = try #require(Instant(rfc3339: text))
        let scheduler = DeadlineScheduler(
            store: store, journey: journey, interval: .seconds(3600), clock: { now }, logger: Logger(label: "test"))
        try await scheduler.tick()
        return Set(try await store.pendingOutbox(limit: 10_000).map(\.messageId))
    }

    @Test func remindersAndOverdueNoticesGoOutAtDanishMidnight() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-scheduler-\(UUID()).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteCaseStore(path: path, durability: .normal)
        _ = try await store.migrate()
        let outcomes = try await store.apply(
            Self.events.map { InboundMessage(body: $0) }, journey: Self.journey,
            at: Instant(rfc3339: "2026-01-01T00:00:00Z")!)
        #expect(outcomes.count == Self.events.count)

        func queued(at text: String) async throws -> Set<String> { try await Self.queued(in: store, at: text) }
        // decision_due on 1 April 2026 falls due at 2026-03-31T22:00:00Z (CEST); its reminder, 3 days before, at
        // 00:00 on 29 March, still CET: 2026-03-28T23:00:00Z (not 72 hours before the deadline).
        let springReminder = "SPRING/decision_due/2026-03-31T22:00:00Z/reminder"
        let springOverdue = "SPRING/decision_due/2026-03-31T22:00:00Z/overdue"
        #expect(try await !queued(at: "2026-03-28T22:59:59Z").contains(springReminder))
        #expect(try await queued(at: "2026-03-28T23:00:00Z").contains(springReminder))
        #expect(try await !queued(at: "2026-03-31T21:59:59Z").contains(springOverdue))
        #expect(try await queued(at: "2026-03-31T22:00:00Z").contains(springOverdue))

        // course_end on 15 November 2026 falls due at 2026-11-14T23:00:00Z (CET); its reminder, 30 days before,
        // at 00:00 on 16 October, still CEST: 2026-10-15T22:00:00Z, 30 days and an hour before the deadline.
        let autumnReminder = "AUTUMN/course_end/2026-11-14T23:00:00Z/reminder"
        let autumnOverdue = "AUTUMN/course_end/2026-11-14T23:00:00Z/overdue"
        #expect(try await !queued(at: "2026-10-15T21:59:59Z").contains(autumnReminder))
        #expect(try await queued(at: "2026-10-15T22:00:00Z").contains(autumnReminder))
        #expect(try await !queued(at: "2026-11-14T22:59:59Z").contains(autumnOverdue))
        #expect(try await queued(at: "2026-11-14T23:00:00Z").contains(autumnOverdue))
        try await store.close()
    }

    /// An appeal's reconsideration (§6.4) is reminded of and reported overdue like every other deadline, also when
    /// the case itself is finished: a refusal appealed on 2 November 2026 must be reconsidered by 30 November.
    @Test func anAppealOfAFinishedCaseIsRemindedAndReportedOverdue() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-appeal-\(UUID()).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteCaseStore(path: path, durability: .normal)
        _ = try await store.migrate()
        let events = [
            Self.event("R-1", "REFUSED", "case.opened", "2026-09-01", Self.opened),
            Self.event(
                "R-2", "REFUSED", "target_group.assessed", "2026-10-15",
                #"{"outcome":"not_in_target_group","reason":"ordinary unemployment"}"#),
            Self.event("R-3", "REFUSED", "appeal.lodged", "2026-11-02", #"{"decision":"R-2","receivedOn":"2026-11-02"}"#),
        ]
        let outcomes = try await store.apply(
            events.map { InboundMessage(body: $0) }, journey: Self.journey, at: Instant(rfc3339: "2026-11-02T10:00:00Z")!)
        #expect(outcomes.count == events.count)
        #expect(try await store.caseRecord("REFUSED")?.snapshot.state == .refused)

        func queued(at text: String) async throws -> Set<String> { try await Self.queued(in: store, at: text) }
        // Due 30 November 2026 (CET): 2026-11-29T23:00:00Z; the policy reminds 7 days before.
        let reminder = "REFUSED/appeal_reconsideration/2026-11-29T23:00:00Z/reminder"
        let overdue = "REFUSED/appeal_reconsideration/2026-11-29T23:00:00Z/overdue"
        #expect(try await !queued(at: "2026-11-22T22:59:59Z").contains(reminder))
        #expect(try await queued(at: "2026-11-22T23:00:00Z").contains(reminder))
        #expect(try await !queued(at: "2026-11-29T22:59:59Z").contains(overdue))
        #expect(try await queued(at: "2026-11-29T23:00:00Z").contains(overdue))
        try await store.close()
    }
}
