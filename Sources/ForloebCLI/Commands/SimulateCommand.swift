import ArgumentParser
import ForloebCore
import Foundation

/// `forloeb simulate`: writes a realistic, valid event stream, for load tests, demos and seeding a store.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a generated JSONL stream of realistic case journeys to standard output.",
        discussion: """
            The same --seed always gives the same stream. Example:
              forloeb simulate --cases 1000 > load.jsonl && forloeb check load.jsonl
              forloeb simulate --cases 1000000 --until 2024-06-30 | forloeb import -
            """
    )

    @Option(help: "How many cases.")
    var cases: Int = 100

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = 1

    @Option(help: "First case's opening date (YYYY-MM-DD).")
    var from: String = "2022-01-03"

    @Option(help: "Leave out events after this date (YYYY-MM-DD), so courses are still running.")
    var until: String?

    @Option(help: "Prefix of the generated case ids.")
    var prefix: String = "SIM"

    func run() throws {
        guard cases >= 0 else { throw CommandFailure.usage("--cases must not be negative") }
        guard let start = CivilDate(iso: from) else { throw CommandFailure.usage("--from is not a date: \(from)") }
        var end: CivilDate?
        if let until {
            guard let date = CivilDate(iso: until) else {
                throw CommandFailure.usage("--until is not a date: \(until)")
            }
            end = date
        }
        let generator = CaseStreamGenerator(seed: seed, startingOn: start, until: end, caseIdPrefix: prefix)
        let output = FileHandle.standardOutput
        var buffer = Data()
        // Case by case keeps memory flat for millions of cases; `check` and `import` apply each case in order.
        for index in 0..<cases {
            for envelope in generator.journey(index) {
                buffer.append(envelope.wireJSON())
                buffer.append(UInt8(ascii: "\n"))
            }
            if buffer.count > 1 << 20 {
                output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        output.write(buffer)
    }
}
