import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// Writes the worker's metrics in Prometheus text format to a file every `interval`, atomically, for
/// node_exporter's textfile collector (`--collector.textfile.directory`): no listening port to secure.
public struct MetricsFileWriter: Service {
    /// Why a write failed: the file and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): \(reason)" }
    }

    let registry: PrometheusCollectorRegistry
    let path: String
    let interval: Duration
    let logger: Logger

    public init(
        registry: PrometheusCollectorRegistry, path: String, interval: Duration = .seconds(10), logger: Logger
    ) {
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
        do {
            try Self.replace(path, with: Data(registry.emitToBuffer()))
        } catch {
            logger.warning("cannot write metrics", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }

    /// Writes `data` to `PATH.tmp`, then renames it over `path` with rename(2): one atomic step whether or not
    /// `path` exists, so node_exporter reads the old file or the new one, never half of one, and the collector
    /// ignores the `.tmp` (it reads `*.prom`). Foundation has no such call: `replaceItemAt` failed with "The file
    /// doesn't exist" when `path` did not, and removed `path` when it did, so the file never appeared (issue
    /// 17); `moveItem` refuses an existing destination. On failure the `.tmp` is removed.
    static func replace(_ path: String, with data: Data) throws(Failure) {
        let temporary = path + ".tmp"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            unlink(temporary)
            throw Failure(path: temporary, reason: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: "cannot rename \(temporary) over it: \(reason)")
        }
    }
}
