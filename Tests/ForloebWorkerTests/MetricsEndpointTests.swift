import ForloebWorker
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `forloeb worker --metrics-listen`: Prometheus scrapes `GET /metrics` over HTTP; nothing else is served, and
/// the port closes when the worker stops.
struct MetricsEndpointTests {
    @Test func servesTheRegistryAtMetricsAndStopsWithTheWorker() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "forloeb", metricName: "events_applied", unitName: "total", helpText: "Events applied.")
        ).increment(by: Int64(3))
        let port = Mutex<Int?>(nil)
        let endpoint = MetricsEndpoint(
            registry: registry, host: "127.0.0.1", port: 0,
            logger: Logger(label: "test.metrics", factory: { _ in SwiftLogNoOpLogHandler() }),
            onBound: { bound in port.withLock { $0 = bound } })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [endpoint], logger: Logger(label: "test.metrics", factory: { _ in SwiftLogNoOpLogHandler() })))
        let running = Task { try await group.run() }
        var bound: Int?
        for _ in 0..<500 where bound == nil {
            bound = port.withLock { $0 }
            if bound == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        let listening = try #require(bound)
        let session = URLSession(configuration: .ephemeral)

        let (body, response) = try await session.data(from: URL(string: "http://127.0.0.1:\(listening)/metrics")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/plain") == true)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("forloeb_events_applied_total 3"), "\(text)")

        let (_, other) = try await session.data(from: URL(string: "http://127.0.0.1:\(listening)/cases")!)
        #expect((other as? HTTPURLResponse)?.statusCode == 404)

        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: (any Error).self) {
            _ = try await session.data(from: URL(string: "http://127.0.0.1:\(listening)/metrics")!)
        }
    }
}
