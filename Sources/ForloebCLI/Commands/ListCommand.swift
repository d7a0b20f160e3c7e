import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb list`: cases by state, municipality or caseworker, from the store's indexed columns.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cases, filtered by state, municipality, caseworker or an open appeal, ordered by case id.",
        discussion: """
            Reads only the indexed columns (no snapshots), so it stays fast on a large store. Example:
              forloeb list --state active --municipality 0260 --limit 50 --json
              forloeb list --state refused --open-appeal
            """
    )

    @Option(help: "Only cases in this state (repeatable).")
    var state: [CaseState] = []

    @Option(help: "Only cases of this municipality (its code, e.g. 0260).")
    var municipality: String?

    @Option(help: "Only cases of this caseworker.")
    var caseworker: String?

    @Flag(help: "Only cases with an appeal that waits for the municipality's reconsideration or for Ankestyrelsen.")
    var openAppeal = false

    @Option(help: "Only cases whose id sorts after this one (paging).")
    var after: String?

    @Option(help: "At most this many cases.")
    var limit: Int = 100

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    struct Entry: Encodable {
        var caseId: String
        var state: CaseState
        var overrun: Bool
        var courseNumber: Int
        var courseEnd: CivilDate?
        var version: Int
        var municipality: String
        var caseworker: String?
        var lastEventAt: Instant

        enum CodingKeys: String, CodingKey {
            case caseId, state, overrun, courseNumber, courseEnd, version, municipality, caseworker, lastEventAt
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(caseId, forKey: .caseId)
            try c.encode(state, forKey: .state)
            try c.encode(overrun, forKey: .overrun)
            try c.encode(courseNumber, forKey: .courseNumber)
            try c.encode(courseEnd, forKey: .courseEnd)
            try c.encode(version, forKey: .version)
            try c.encode(municipality, forKey: .municipality)
            try c.encode(caseworker, forKey: .caseworker)
            try c.encode(lastEventAt, forKey: .lastEventAt)
        }
    }

    struct Document: Encodable {
        var cases: [Entry]
    }

    func run() async throws {
        let now = try CommandClock.now()
        let summaries = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.cases(
                    matching: CaseFilter(
                        states: state, municipality: municipality, caseworker: caseworker, openAppeal: openAppeal,
                        after: after, limit: limit))
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let entries = summaries.map {
            Entry(
                caseId: $0.caseId, state: $0.state, overrun: $0.isOverrun(at: now), courseNumber: $0.courseNumber,
                courseEnd: $0.courseEnd, version: $0.version, municipality: $0.municipality, caseworker: $0.caseworker,
                lastEventAt: $0.lastEventAt)
        }
        if json {
            try JSONOutput.print(Document(cases: entries))
            return
        }
        var table = TextTable("CASE", "STATE", "COURSE", "MUNICIPALITY", "CASEWORKER", "LAST EVENT")
        for e in entries {
            table.add(
                [
                    e.caseId, e.state.rawValue + (e.overrun ? " (overrun)" : ""),
                    TextTable.course(e.courseNumber, ending: e.courseEnd), e.municipality, e.caseworker ?? "-",
                    TextTable.instant(e.lastEventAt),
                ], style: e.overrun ? .red : nil)
        }
        print(table.render())
        print(
            "\(entries.count) case(s)\(entries.count == limit ? " (the limit; page on with --after \(entries.last!.caseId))" : "")."
        )
    }
}
