import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb stats`: the fleet's health at a glance.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Cases per state, overdue deadlines per kind, open appeals, rejections per code, outbox lag, dead letters.",
        discussion: """
            Outbox lag is the age of the oldest notification the broker has not confirmed: it grows when the
            worker's relay cannot publish. Example:
              forloeb stats --json
            """
    )

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Document: Encodable {
        var now: Instant
        var cases: Int
        var casesByState: [String: Int]
        var overdueByKind: [String: Int]
        var rejectionsLastDay: [String: Int]
        var rejectionsLastWeek: [String: Int]
        var outboxPending: Int
        var outboxLagSeconds: Int64?
        var deadLetters: Int
        /// Appeals waiting for the municipality or Ankestyrelsen, and those of them past their deadline.
        var appealsOpen: Int
        var appealsOverdue: Int

        enum CodingKeys: String, CodingKey {
            case now, cases, casesByState, overdueByKind, rejectionsLastDay, rejectionsLastWeek, outboxPending
            case outboxLagSeconds, deadLetters, appealsOpen, appealsOverdue
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(now, forKey: .now)
            try c.encode(cases, forKey: .cases)
            try c.encode(casesByState, forKey: .casesByState)
            try c.encode(overdueByKind, forKey: .overdueByKind)
            try c.encode(rejectionsLastDay, forKey: .rejectionsLastDay)
            try c.encode(rejectionsLastWeek, forKey: .rejectionsLastWeek)
            try c.encode(outboxPending, forKey: .outboxPending)
            try c.encode(outboxLagSeconds, forKey: .outboxLagSeconds)  // null when nothing waits
            try c.encode(deadLetters, forKey: .deadLetters)
            try c.encode(appealsOpen, forKey: .appealsOpen)
            try c.encode(appealsOverdue, forKey: .appealsOverdue)
        }
    }

    func run() async throws {
        let now = try CommandClock.now()
        let store = try await storeOptions.open(.read)
        let stats: StoreStatistics
        do {
            stats = try await store.statistics(at: now)
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        try? await store.close()
        func keyed<K: RawRepresentable>(_ d: [K: Int]) -> [String: Int] where K.RawValue == String {
            Dictionary(uniqueKeysWithValues: d.map { ($0.key.rawValue, $0.value) })
        }
        let document = Document(
            now: now, cases: stats.casesByState.values.reduce(0, +), casesByState: keyed(stats.casesByState),
            overdueByKind: keyed(stats.overdueByKind), rejectionsLastDay: keyed(stats.rejectionsLastDay),
            rejectionsLastWeek: keyed(stats.rejectionsLastWeek), outboxPending: stats.outboxPending,
            outboxLagSeconds: stats.oldestPendingAt.map { max(0, now.secondsSinceEpoch - $0.secondsSinceEpoch) },
            deadLetters: stats.openDeadLetters, appealsOpen: stats.openAppeals, appealsOverdue: stats.overdueAppeals)
        if json {
            try JSONOutput.print(document)
            return
        }
        var states = TextTable("STATE", "CASES")
        for state in CaseState.allCases where stats.casesByState[state] != nil {
            states.add([state.rawValue, String(stats.casesByState[state]!)])
        }
        print(states.render())
        if !stats.overdueByKind.isEmpty {
            var overdue = TextTable("OVERDUE", "DEADLINES")
            for kind in DeadlineKind.allCases where stats.overdueByKind[kind] != nil {
                overdue.add([kind.rawValue, String(stats.overdueByKind[kind]!)], style: .yellow)
            }
            print("\n" + overdue.render())
        }
        if !stats.rejectionsLastWeek.isEmpty {
            var rejections = TextTable("REJECTION CODE", "LAST DAY", "LAST WEEK")
            for (code, week) in stats.rejectionsLastWeek.sorted(by: { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }) {
                rejections.add([code.rawValue, String(stats.rejectionsLastDay[code] ?? 0), String(week)])
            }
            print("\n" + rejections.render())
        }
        let lag = document.outboxLagSeconds.map { " (oldest waiting \($0) s)" } ?? ""
        print(
            "\n\(document.cases) case(s); appeals: \(stats.openAppeals) open, \(stats.overdueAppeals) overdue; "
                + "outbox: \(stats.outboxPending) pending\(lag); dead letters: \(stats.openDeadLetters) open.")
    }
}
