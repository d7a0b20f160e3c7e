import ForloebTestSupport
import ForloebWorker
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import Testing

/// `forloeb worker --metrics-file`: the textfile for node_exporter appears, is replaced whole with every write,
/// and no `.tmp` is left beside it, whether or not the file existed before (issue 17: it never appeared).
///
/// Its writer ticks every 50 ms on the test's own thread (`.blocking`): on the two-thread cooperative pool, beside
/// the suites that wait on child processes and servers, a tick came more than a minute late in a full run.
@Suite(.blocking) struct MetricsFileWriterTests {
    @Test(arguments: [false, true])
    func writesTheTextfileAtomicallyWhetherOrNotItExists(fileExistsBefore: Bool) async throws {
        let directory = NSTemporaryDirectory() + "forloeb-metrics-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/forloeb.prom"
        if fileExistsBefore { try Data("# from the previous run\n".utf8).write(to: URL(fileURLWithPath: path)) }

        let registry = PrometheusCollectorRegistry()
        let applied = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "forloeb", metricName: "events_applied", unitName: "total", helpText: "Events applied."))
        applied.increment(by: Int64(3))
        let logger = Logger(label: "test.metrics", factory: { _ in SwiftLogNoOpLogHandler() })
        let writer = MetricsFileWriter(registry: registry, path: path, interval: .milliseconds(50), logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [writer], logger: logger))
        let running = Task { try await group.run() }

        /// The file's text once it holds `line`; nil after 60 s (generous: beside the other suites on two cores
        /// the writer's first turn has come more than 10 s late).
        func waitFor(_ line: String) async throws -> String? {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if let data = FileManager.default.contents(atPath: path) {
                    let text = String(decoding: data, as: UTF8.self)
                    if text.contains(line) { return text }
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            return nil
        }
        let first = try await waitFor("forloeb_events_applied_total 3")
        applied.increment(by: Int64(2))
        let second = try await waitFor("forloeb_events_applied_total 5")
        await group.triggerGracefulShutdown()
        try await running.value

        #expect(first?.contains("# TYPE forloeb_events_applied_total counter") == true, "\(first ?? "no file")")
        #expect(second?.contains("from the previous run") == false, "\(second ?? "no file")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["forloeb.prom"], "no .tmp left")
    }
}
