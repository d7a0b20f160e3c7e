import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebViews
import Foundation

/// `forloeb stats`: the fleet's health at a glance.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Cases per state, overdue deadlines per kind, open appeals, rejections per code, outbox lag, dead letters.",
        discussion: """
            Outbox lag is the age of the oldest notification the broker has not confirmed: it grows when the
            worker's relay cannot publish. Example:
              forloeb stats --json
            """
    )

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let now = try CommandClock.now()
        let stats = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.statistics(at: now)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let document = StatsView(stats, now: now)
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
            for (code, week) in stats.rejectionsLastWeek.sorted(by: {
                ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue)
            }) {
                rejections.add([code.rawValue, String(stats.rejectionsLastDay[code] ?? 0), String(week)])
            }
            print("\n" + rejections.render())
        }
        let lag = document.outboxLagSeconds.map { " (oldest waiting \($0) s)" } ?? ""
        print(
            "\n"
                + TextTable.paragraph(
                    "\(document.cases) case(s); appeals: \(stats.openAppeals) open, \(stats.overdueAppeals) overdue; "
                        + "outbox: \(document.outboxPendingText) pending\(lag); dead letters: \(stats.openDeadLetters) open."))
    }
}
