import ForloebCore
import ForloebStore
import Testing

/// A batch writes only the deadline rows that differ from what is stored.
@Suite struct DeadlineChangesTests {
    typealias Row = DeadlineChanges.Row

    let may1 = CivilDate(iso: "2025-05-01")!
    let june1 = CivilDate(iso: "2025-06-01")!

    /// A row's `due_at`: the Danish midnight of the date, as stores write it.
    func seconds(_ date: CivilDate) -> Int { Int(date.danishMidnight.secondsSinceEpoch) }

    @Test func unchangedDeadlinesWriteNothing() {
        let stored = [Row(caseId: "A", kind: "followup", dueAt: seconds(may1))]
        let changes = DeadlineChanges(
            stored: stored, planned: [("A", [Deadline(kind: .followup, dueOn: may1)])])
        #expect(changes.removed.isEmpty)
        #expect(changes.upserted.isEmpty)
    }

    /// A store written before deadlines fell due at Danish midnight holds 00:00 UTC; the first batch that touches
    /// the case writes the row again at the same date's Danish midnight.
    @Test func aRowAtUTCMidnightIsWrittenAgainAtDanishMidnight() {
        let stored = [Row(caseId: "A", kind: "followup", dueAt: Int(may1.startInstant.secondsSinceEpoch))]
        let changes = DeadlineChanges(stored: stored, planned: [("A", [Deadline(kind: .followup, dueOn: may1)])])
        #expect(changes.removed.isEmpty)
        #expect(changes.upserted == [Row(caseId: "A", kind: "followup", dueAt: seconds(may1))])
        #expect(seconds(may1) == Int(Instant(rfc3339: "2025-04-30T22:00:00Z")!.secondsSinceEpoch))
    }

    @Test func movedNewAndClosedDeadlinesAreTheDifference() {
        let stored = [
            Row(caseId: "A", kind: "followup", dueAt: seconds(may1)),
            Row(caseId: "A", kind: "plan_review", dueAt: seconds(may1)),
            Row(caseId: "A", kind: "internship_end", dueAt: seconds(may1)),
            Row(caseId: "B", kind: "decision_due", dueAt: seconds(may1)),
        ]
        let changes = DeadlineChanges(
            stored: stored,
            planned: [
                // followup moved, plan_review kept, internship_end and mentor_agreement_end: one closed, one new.
                (
                    "A",
                    [
                        Deadline(kind: .followup, dueOn: june1), Deadline(kind: .planReview, dueOn: may1),
                        Deadline(kind: .mentorAgreementEnd, dueOn: june1),
                    ]
                ),
                // B's decision was made: every row goes.
                ("B", []),
                // C is opened by this batch: every row is new.
                ("C", [Deadline(kind: .decisionDue, dueOn: june1)]),
            ])
        #expect(
            changes.upserted == [
                Row(caseId: "A", kind: "followup", dueAt: seconds(june1)),
                Row(caseId: "A", kind: "mentor_agreement_end", dueAt: seconds(june1)),
                Row(caseId: "C", kind: "decision_due", dueAt: seconds(june1)),
            ])
        #expect(
            changes.removed == [
                Row(caseId: "A", kind: "internship_end", dueAt: seconds(may1)),
                Row(caseId: "B", kind: "decision_due", dueAt: seconds(may1)),
            ])
    }
}
