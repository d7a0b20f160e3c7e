// forloeb-e2e-bench: the worker's end-to-end figures for BENCHMARKS.md (issue 4), with plain wall-clock timing.
//
//   swift build -c release --product forloeb-e2e-bench --product forloeb-amqp-baseline
//   FORLOEB_AMQP_URL=… FORLOEB_STORE=sqlite:/tmp/e2e.sqlite|postgres://… .build/release/forloeb-e2e-bench \
//       [--events 20000] [--workers 1,2] [--queue-type classic|quorum] [--only throughput|latency|failover]
//
// Throughput: events published (confirmed batches) while in-process `Worker`s drain them, until every one is
// applied, committed, acked and its notifications published; next to the raw rate of the same broker measured in
// the same run by `forloeb-amqp-baseline` (bare librabbitmq publisher + consumer, persistent messages of the events'
// mean size, same queue type), before and after. The ratio is the figure. Latency: publish → `state.changed`
// received, at a steady rate. URLs come from the environment only; each run uses a fresh database and its own
// topology prefix, and removes both afterwards.
import ForloebAMQP
import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation
import Logging
import Metrics

MetricsSystem.bootstrap(BenchMetrics.shared)
let options = BenchOptions.parse(CommandLine.arguments)
let environment = ProcessInfo.processInfo.environment
guard let amqpText = environment["FORLOEB_AMQP_URL"], !amqpText.isEmpty else { fail("set FORLOEB_AMQP_URL") }
let amqp = try AMQPURL(amqpText)
let base = try StoreURL.fromEnvironment(environment)
let journey = try WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey
let runID = String(UInt32.random(in: 0...UInt32.max), radix: 16)
let backEnd = FreshStore(base: base, label: "probe").backEnd

if options.runs("throughput") {
    let feed = EventFeed(count: options.events, seed: 42, label: "E\(runID)")
    let size = feed.averageSize
    emit("## End-to-end throughput: \(backEnd), \(options.queueTypeName) queues, \(feed.count) events of \(size) bytes on average")
    emit("broker \(amqp), store \(base.redacted)")
    let meter = CPUMeter(brokerPID: options.brokerPID, postgresPID: options.postgresPID)
    let beforeRun = try BaselineRun.run(count: feed.count, size: size, queueType: options.queueTypeName, meter: meter)
    let before = beforeRun.rate
    emit(
        "raw broker rate before: \(Int(before)) messages/s (CPU s: baseline process \(String(format: "%.2f", beforeRun.clientCPU)), "
            + "broker \(String(format: "%.2f", beforeRun.brokerCPU)))")
    let bare = try await BareConsumerRun.run(amqp: amqp, feed: feed, options: options, label: "\(runID)bare")
    emit(
        "bare consumer on the real topology (case system → topic exchange → worker queue → a consumer that only acks): "
            + "\(Int(bare.rate)) events/s (CPU s: case system + consumer \(String(format: "%.2f", bare.clientCPU)), "
            + "broker \(String(format: "%.2f", bare.brokerCPU)))")
    let throughput = ThroughputRun(amqp: amqp, journey: journey, options: options)
    var results: [(workers: Int, mode: String, result: ThroughputRun.Result)] = []
    let fleetSizes = FreshStore(base: base, label: "probe").isSQLite ? options.workers.filter { $0 == 1 } : options.workers
    for workers in fleetSizes {
        for preloaded in options.modes {
            let mode = preloaded ? "drain of a pre-filled queue" : "published while the workers run"
            let label = "\(runID)w\(workers)\(preloaded ? "p" : "c")"
            let result = try await throughput.run(
                workers: workers, feed: feed, store: FreshStore(base: base, label: label), label: label,
                preloaded: preloaded)
            results.append((workers, mode, result))
            emit(
                "\(workers) worker(s), \(mode): \(Int(result.rate)) events/s (\(String(format: "%.2f", result.elapsed)) s; published after "
                    + "\(String(format: "%.2f", result.publishedAfter)) s, all committed after \(String(format: "%.2f", result.processedAfter)) s; "
                    + "\(result.notifications) notifications; mean batch \(Int(result.meanBatch)); CPU s: publisher \(String(format: "%.2f", result.publisherCPU)), workers \(String(format: "%.2f", result.cpu.worker)), "
                    + "broker \(String(format: "%.2f", result.cpu.broker)), PostgreSQL \(String(format: "%.2f", result.cpu.postgres)))")
        }
    }
    let afterRun = try BaselineRun.run(count: feed.count, size: size, queueType: options.queueTypeName, meter: meter)
    let after = afterRun.rate
    emit(
        "raw broker rate after: \(Int(after)) messages/s (CPU s: baseline process \(String(format: "%.2f", afterRun.clientCPU)), "
            + "broker \(String(format: "%.2f", afterRun.brokerCPU)))")
    let raw = (before + after) / 2
    emit("")
    emit("| back end | queue | workers | how | events | events/s | raw broker msgs/s (before · after) | ratio |")
    emit("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for (workers, mode, result) in results {
        emit(
            "| \(backEnd) | \(options.queueTypeName) | \(workers) | \(mode) | \(result.events) | \(Int(result.rate)) | "
                + "\(Int(raw)) (\(Int(before)) · \(Int(after))) | \(String(format: "%.2f", result.rate / raw)) |")
    }
    emit("")
}

if options.runs("latency") {
    let feed = EventFeed(count: options.latencyRate * options.latencySeconds, seed: 43, label: "L\(runID)")
    emit("## Latency: \(backEnd), \(options.queueTypeName) queue, 1 worker, \(options.latencyRate) events/s for \(options.latencySeconds) s")
    let label = "\(runID)lat"
    let result = try await LatencyRun(amqp: amqp, journey: journey, options: options).run(
        feed: feed, store: FreshStore(base: base, label: label), label: label)
    emit(
        "publish → state.changed received: p50 \(String(format: "%.1f", result.p50)) ms, p90 \(String(format: "%.1f", result.p90)) ms, "
            + "p99 \(String(format: "%.1f", result.p99)) ms, max \(String(format: "%.1f", result.max)) ms "
            + "(\(result.samples) state.changed of \(result.events) events; published at \(Int(result.achievedRate)) events/s)")
}

// Failover on a cluster (`--only failover`, never by default: it kills a broker node).
if options.only == "failover" {
    guard let listText = environment["FORLOEB_BENCH_WORKER_AMQP_URL"],
        let pidFile = environment["FORLOEB_BENCH_KILL_PID_FILE"]
    else {
        fail("--only failover needs FORLOEB_BENCH_WORKER_AMQP_URL (the node list) and FORLOEB_BENCH_KILL_PID_FILE")
    }
    LoggingSystem.bootstrap { label in
        var stderr = StreamLogHandler.standardError(label: label)
        stderr.logLevel = .warning
        return MultiplexLogHandler([stderr, ConsumerLossWatch()])
    }
    let feed = EventFeed(count: options.events, seed: 44, label: "F\(runID)")
    emit("## Failover: \(backEnd), quorum queue, 1 worker on \(try AMQPURL(listText)); node 1 killed a quarter in")
    let label = "\(runID)fo"
    let result = try await FailoverRun(
        amqp: amqp, workerAMQP: try AMQPURL(listText), pidFile: pidFile, journey: journey, options: options
    ).run(feed: feed, store: FreshStore(base: base, label: label), label: label)
    emit(
        "SIGKILL → consumer noticed: \(String(format: "%.2f", result.noticed)) s; SIGKILL → applying again: "
            + "\(String(format: "%.2f", result.failover)) s "
            + "(\(result.appliedAtKill) of \(result.events) applied at the kill); "
            + "whole drain \(String(format: "%.2f", result.elapsed)) s = \(Int(result.rate)) events/s; "
            + "\(result.duplicates) duplicates, \(result.reconnects) reconnects; none lost, none rejected")
}
