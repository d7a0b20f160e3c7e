import ForloebCore
import ForloebStore
import Foundation
import Testing

/// Deadlines fall due at Danish midnight; notices a version before recorded at 00:00 UTC of the same date still
/// count for them, so that upgrading sends no reminder or overdue notice twice (`DueDeadline.sameDeadlineSeconds`).
@Suite struct DueDeadlineTests {
    typealias Fixture = StoreFixture

    @Test(arguments: StoreBackend.available)
    func aNoticeRecordedAtUTCMidnightCountsForTheSameDate(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let bodies = Fixture.stream(cases: 12, seed: 21, until: "2022-09-30")
        try await backend.withStore { db in
            let store = try await db.open()
            try await Fixture.apply(bodies, to: store, batchSize: 50, journey: journey)
            let now = try #require(Instant(rfc3339: "2030-01-01T00:00:00Z"))
            let due = try await store.unnotifiedDeadlines(dueBy: now, notice: .overdue, limit: 100_000)
            #expect(due.count > 4, "the stream should leave deadlines open")
            #expect(due.allSatisfy { $0.deadline.dueAt == $0.deadline.dueOn.danishMidnight })
            let (old, later) = (due.prefix(2), due.dropFirst(2).prefix(2))
            // The overdue notices a version before sent: at 00:00 UTC of the deadline's date.
            let oldNotices = old.map {
                CaseNotification.deadlineOverdue(
                    DeadlineNotice(caseId: $0.caseId, kind: $0.deadline.kind, dueAt: $0.deadline.dueOn.startInstant))
            }
            #expect(try await store.recordNotices(oldNotices, at: now).count == 2)
            // A notice for another date of the same deadline (a day off) is another deadline's.
            let otherDate = later.map {
                CaseNotification.deadlineOverdue(
                    DeadlineNotice(
                        caseId: $0.caseId, kind: $0.deadline.kind,
                        dueAt: $0.deadline.dueOn.adding(days: 1).danishMidnight))
            }
            #expect(try await store.recordNotices(otherDate, at: now).count == 2)
            let left = try await store.unnotifiedDeadlines(dueBy: now, notice: .overdue, limit: 100_000)
            #expect(Set(left) == Set(due).subtracting(old), "the old notices count; the other dates' do not")
            #expect(
                try await store.unnotifiedDeadlines(dueBy: now, notice: .reminder, limit: 100_000).count == due.count)
        }
    }
}
