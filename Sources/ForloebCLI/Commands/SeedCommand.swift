import ArgumentParser
import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebWorkflows
import Foundation

/// `forloeb seed`: fill a store with generated cases, fast, for benchmarks and demos.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Generate N realistic cases straight into the store (benchmarks, demos), in large batches.",
        discussion: """
            The generator of `forloeb simulate`, applied through the store's own apply path (so every index,
            deadline and outbox row is as the worker would write it) in transactions of --batch-size events.
            On SQLite it runs with synchronous=OFF: a crash of the machine mid-seed may corrupt the file, which
            is acceptable for a generated store (seed it again); never point it at a production store.
            1,000,000 cases take some minutes. Example:
              FORLOEB_STORE=sqlite:/tmp/bench.sqlite forloeb seed --cases 1000000 --until 2026-06-30
            """
    )

    @Option(help: "How many cases.")
    var cases: Int = 1000

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = 1

    @Option(help: "First case's opening date (YYYY-MM-DD).")
    var from: String = "2022-01-03"

    @Option(help: "Leave out events after this date (YYYY-MM-DD), so courses are still running.")
    var until: String?

    @Option(help: "Prefix of the generated case ids.")
    var prefix: String = "SEED"

    @Option(help: "Events per transaction.")
    var batchSize: Int = 2000

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions

    func validate() throws {
        guard cases >= 0 else { throw ValidationError("--cases must not be negative") }
        guard batchSize >= 1 && batchSize <= 100_000 else { throw ValidationError("--batch-size must be 1…100000") }
    }

    func run() async throws {
        guard let start = CivilDate(iso: from) else { throw CommandFailure.usage("--from is not a date: \(from)") }
        var end: CivilDate?
        if let until {
            guard let date = CivilDate(iso: until) else {
                throw CommandFailure.usage("--until is not a date: \(until)")
            }
            end = date
        }
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        let (tally, seconds, url) = try await storeOptions.withStore(.migrateIfEmpty, sqliteDurability: .off) { store in
            let generator = CaseStreamGenerator(seed: seed, startingOn: start, until: end, caseIdPrefix: prefix)
            let progress = ProgressLine()
            var tally = IngestTally()
            let started = Date()
            var batch: [InboundMessage] = []
            batch.reserveCapacity(batchSize + 64)
            // Two batches in flight: one is planned (decoding, the journey, JSON) while the other commits. The
            // batches hold disjoint cases, so they never conflict.
            var inFlight: [Task<[ApplyOutcome], any Error>] = []
            do {
                for index in 0..<cases {
                    // Whole cases per batch: a case's events stay in order within one transaction.
                    for envelope in generator.journey(index) {
                        batch.append(InboundMessage(body: envelope.wireJSON(), decoded: .success(envelope)))
                    }
                    if batch.count >= batchSize || index == cases - 1 {
                        let messages = batch
                        inFlight.append(Task { try await store.applyRetrying(messages, journey: journey, at: now) })
                        batch.removeAll(keepingCapacity: true)
                        if inFlight.count >= 2 {
                            tally.add(try await inFlight.removeFirst().value)
                            let rate = Double(tally.messages) / max(Date().timeIntervalSince(started), 0.001)
                            progress.update(
                                "seeded \(index + 1) of \(cases) cases, \(tally.messages) events (\(Int(rate)) events/s)"
                            )
                        }
                    }
                }
                for task in inFlight { tally.add(try await task.value) }
            } catch {
                progress.finish()
                throw CommandFailure.store(error, store.url)
            }
            progress.finish()
            return (tally, Date().timeIntervalSince(started), store.url)
        }
        print(
            "seeded \(cases) case(s) into \(url.redacted): \(tally.applied) events applied, \(tally.rejected) rejected, "
                + "in \(String(format: "%.1f", seconds)) s (\(Int(Double(tally.messages) / max(seconds, 0.001))) events/s)."
        )
    }
}
