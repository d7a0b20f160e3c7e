import ForloebWorker
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
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
        let logger = Logger(label: "test.metrics", factory: { _ in SwiftLogNoOpLogHandler() })
        let endpoint = try await MetricsEndpoint.bind(registry: registry, host: "127.0.0.1", port: 0, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [endpoint], logger: logger))
        let running = Task { try await group.run() }
        let session = URLSession(configuration: .ephemeral)
        defer { session.invalidateAndCancel() }
        let base = "http://127.0.0.1:\(endpoint.port)"
        do {
            let (body, response) = try await session.data(from: URL(string: base + "/metrics")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/plain") == true)
            let text = String(decoding: body, as: UTF8.self)
            #expect(text.contains("forloeb_events_applied_total 3"), "\(text)")

            let (_, other) = try await session.data(from: URL(string: base + "/cases?x=/metrics")!)
            #expect((other as? HTTPURLResponse)?.statusCode == 404)
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: (any Error).self) {
            _ = try await session.data(from: URL(string: base + "/metrics")!)
        }
    }

    @Test func aPortInUseFailsAtBindBeforeTheWorkerStarts() async throws {
        let logger = Logger(label: "test.metrics", factory: { _ in SwiftLogNoOpLogHandler() })
        let first = try await MetricsEndpoint.bind(
            registry: PrometheusCollectorRegistry(), host: "127.0.0.1", port: 0, logger: logger)
        await #expect(throws: (any Error).self) {
            let second = try await MetricsEndpoint.bind(
                registry: PrometheusCollectorRegistry(), host: "127.0.0.1", port: first.port, logger: logger)
            await second.close()
        }
        await first.close()
    }
}
