import Benchmark
import ForloebCore
import ForloebWorkflows
import Foundation

/// Events of `casesPerRun` realistic journeys, typed and as wire bytes, built once outside the timing.
enum CoreFixture {
    static let casesPerRun = 50
    static let journey = (try? WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey)!
    static let envelopes = CaseStreamGenerator(seed: 7).stream(cases: casesPerRun)
    static let lines = envelopes.map { $0.wireJSON() }
}

func coreBenchmarks() {
    let eventsPerRun = CoreFixture.envelopes.count

    // The machine alone: typed events through the transition function (deadlines and notifications included).
    Benchmark("core: apply typed events (\(eventsPerRun) per run)") { benchmark in
        let journey = CoreFixture.journey
        for _ in benchmark.scaledIterations {
            var cases: [String: CitizenCase] = [:]
            cases.reserveCapacity(CoreFixture.casesPerRun)
            for envelope in CoreFixture.envelopes {
                if case .success(let transition) = journey.apply(envelope, to: cases[envelope.caseId]) {
                    cases[envelope.caseId] = transition.after
                }
            }
            blackHole(cases)
        }
    }

    // What a worker does per message: decode the bytes, dedupe, apply, keep the case.
    Benchmark("core: decode + apply wire events (\(eventsPerRun) per run)") { benchmark in
        for _ in benchmark.scaledIterations {
            var book = CaseBook(journey: CoreFixture.journey)
            for line in CoreFixture.lines { book.ingest(line) }
            blackHole(book)
        }
    }

    // Decoding alone, with the contract's exact errors.
    Benchmark("core: decode wire events (\(eventsPerRun) per run)") { benchmark in
        for _ in benchmark.scaledIterations {
            for line in CoreFixture.lines { blackHole(EventDecoder.decode(line)) }
        }
    }

    // Baseline: Foundation parsing the same bytes into untyped objects, no validation.
    Benchmark("baseline: JSONSerialization parse (\(eventsPerRun) per run)") { benchmark in
        for _ in benchmark.scaledIterations {
            for line in CoreFixture.lines { blackHole(try? JSONSerialization.jsonObject(with: line)) }
        }
    }

    // Notifications: encoding the bodies the outbox will publish.
    Benchmark("core: encode state.changed bodies (\(eventsPerRun) per run)") { benchmark in
        var notifications: [CaseNotification] = []
        var cases: [String: CitizenCase] = [:]
        for envelope in CoreFixture.envelopes {
            if case .success(let t) = CoreFixture.journey.apply(envelope, to: cases[envelope.caseId]) {
                cases[envelope.caseId] = t.after
                notifications += t.notifications
            }
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for notification in notifications { blackHole(notification.body()) }
        }
    }
}
