import ForloebAMQP
import Foundation

/// The ceiling the real topology sets: the case system publishes the run's events to `<prefix>.events` (topic
/// exchange, the contract's properties and headers) while `forloeb-amqp-baseline --consume-queue`, the baseline's
/// bare consumer, drains the worker queue and does nothing with them. Between the raw rate and the workers'
/// rate, it shows what the topology and the real events cost the broker, apart from anything forloeb's worker does.
enum BareConsumerRun {
    struct Result {
        var rate: Double
        var brokerCPU: Double
        var clientCPU: Double
    }

    static func run(amqp: AMQPURL, feed: EventFeed, options: BenchOptions, label: String) async throws -> Result {
        let topology = ForloebTopology(prefix: "bench.e2e.\(label)", layout: .single, queueKind: options.queueKind)
        let broker = try await BenchBroker.prepare(amqp: amqp, topology: topology)
        let caseSystem = try CaseSystemPublisher.prepare(
            feed, exchange: topology.eventsExchange, confirmEvery: options.confirmEvery)
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let consumer = Process()
        consumer.executableURL = here.appendingPathComponent("forloeb-amqp-baseline")
        consumer.arguments = [
            "--consume-queue", topology.queues(forWorker: 0, of: 1)[0], "--count", "\(feed.count)",
        ]
        consumer.standardOutput = FileHandle.nullDevice
        let meter = CPUMeter(brokerPID: options.brokerPID, postgresPID: nil)
        let before = meter.sample()
        let childrenBefore = CaseSystemPublisher.childrenCPU()
        do {
            try consumer.run()
            try await Task.sleep(for: .milliseconds(300))  // the consumer attaches before the clock starts
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await caseSystem.run()
            let deadline = start + .seconds(300)
            while consumer.isRunning {
                guard clock.now < deadline else { throw BenchFailure("the bare consumer did not finish in 300 s") }
                try await Task.sleep(for: .milliseconds(1))
            }
            let elapsed = seconds(start.duration(to: clock.now))
            guard consumer.terminationStatus == 0 else { throw BenchFailure("the bare consumer failed") }
            let result = Result(
                rate: Double(feed.count) / elapsed, brokerCPU: (meter.sample() - before).broker,
                clientCPU: CaseSystemPublisher.childrenCPU() - childrenBefore)
            caseSystem.remove()
            await broker.tearDown()
            return result
        } catch {
            if consumer.isRunning { consumer.terminate() }
            caseSystem.remove()
            await broker.tearDown()
            throw error
        }
    }
}
