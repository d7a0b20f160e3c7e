import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// Writes the worker's metrics in Prometheus text format to a file every `interval`, atomically, for
/// node_exporter's textfile collector (`--collector.textfile.directory`): no listening port to secure.
public struct MetricsFileWriter: Service {
    let registry: PrometheusCollectorRegistry
    let path: String
    let interval: Duration
    let logger: Logger

    public init(registry: PrometheusCollectorRegistry, path: String, interval: Duration = .seconds(10), logger: Logger) {
        self.registry = registry
        self.path = path
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            write()
            // Wake for a graceful shutdown: it stops last, and must not hold the process for an interval.
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        }
        write()
    }

    func write() {
        let temporary = path + ".tmp"
        do {
            try Data(registry.emitToBuffer()).write(to: URL(fileURLWithPath: temporary))
            _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: path), withItemAt: URL(fileURLWithPath: temporary))
        } catch {
            logger.warning("cannot write metrics", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }
}
