import ForloebCore
import Foundation

/// Recomputes one case from its event log: the pure half of a rebuild, shared by the back ends.
public enum CaseReplay {
    public enum Outcome: Sendable {
        case replayed(CitizenCase, [Deadline])
        case unreplayable(messageId: String, Rejection)
    }

    /// Applies the raw `bodies` (in log order) from nothing through `journey`.
    public static func replay(_ bodies: [(messageId: String, body: Data)], journey: Journey) -> Outcome {
        var current: CitizenCase?
        var deadlines: [Deadline] = []
        for (messageId, body) in bodies {
            switch EventDecoder.decode(body) {
            case .failure(let rejected):
                return .unreplayable(messageId: messageId, rejected.rejection)
            case .success(let envelope):
                switch journey.apply(envelope, to: current) {
                case .success(let transition):
                    current = transition.after
                    deadlines = transition.deadlines
                case .failure(let rejection):
                    return .unreplayable(messageId: messageId, rejection)
                }
            }
        }
        guard let current else {
            return .unreplayable(messageId: "", Rejection(.unknownCase, "the case has no events"))
        }
        return .replayed(current, deadlines)
    }

    /// The snapshot's JSON as the store writes it (sorted keys: equal snapshots are equal text).
    /// Replays case `caseId` and records in `report` whether it differs from what is stored; returns the
    /// rebuilt snapshot when it must be written. The one rebuild decision both back ends make.
    /// `dueTimesStale`: a stored deadline row has its date but not its instant (00:00 UTC, from before
    /// deadlines fell due at Danish midnight), so the rows must be written again even if nothing else changed.
    public static func compare(
        caseId: String, stored: CitizenCase, storedDeadlines: [Deadline], dueTimesStale: Bool = false,
        bodies: [(messageId: String, body: Data)], journey: Journey, into report: inout RebuildReport
    ) -> CitizenCase? {
        switch replay(bodies, journey: journey) {
        case .unreplayable(let messageId, let rejection):
            report.unreplayable.append(.init(caseId: caseId, messageId: messageId, rejection: rejection))
            return nil
        case .replayed(let snapshot, let deadlines):
            let snapshotChanged = snapshot != stored
            guard snapshotChanged || deadlines != storedDeadlines || dueTimesStale else { return nil }
            report.changed.append(
                .init(
                    caseId: caseId, stateBefore: stored.state, stateAfter: snapshot.state,
                    deadlinesBefore: storedDeadlines, deadlinesAfter: deadlines, snapshotChanged: snapshotChanged,
                    dueTimesMoved: dueTimesStale))
            return snapshot
        }
    }

    /// Decodes a stored snapshot.
    public static func decode(_ json: String, caseId: String) throws(StoreError) -> CitizenCase {
        do {
            return try CitizenCase(storedJSON: json)
        } catch {
            throw StoreError(.corrupt, "the snapshot of case \(caseId) does not decode: \(error)")
        }
    }
}
