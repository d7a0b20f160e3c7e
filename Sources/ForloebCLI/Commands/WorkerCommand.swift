import ArgumentParser
import ForloebAMQP
import ForloebCore
import ForloebPostgres
import ForloebStore
import ForloebWorker
import ForloebWorkflows
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `forloeb worker`: the daemon. Consumes case events, applies them through the store, publishes
/// notifications and runs the deadline scheduler, until SIGTERM or SIGINT, which drain it gracefully.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run the worker daemon: consume, apply, persist, notify; remind of deadlines.",
        discussion: """
            Reads FORLOEB_AMQP_URL and FORLOEB_STORE (credentials belong in the environment, never in argv).
            One worker runs on the SQLite default; a fleet of N workers on PostgreSQL is started with
            FORLOEB_WORKERS=N and FORLOEB_WORKER_INDEX=1…N (systemd: forloeb-worker@N), and partitions the events
            by case so each case's events are applied in order. SIGTERM drains: in-flight batches are
            committed and acknowledged, pending notifications published, then it exits 0. While the store is
            unavailable a batch is held unacknowledged and retried in place (logged once, forloeb_store_up 0);
            SIGTERM then leaves it to the broker and the worker exits within seconds.
            Examples:
              FORLOEB_AMQP_URL=amqp://guest:guest@127.0.0.1:5672/%2F forloeb worker
              forloeb worker --metrics-file /var/lib/node_exporter/textfile/forloeb.prom
              forloeb worker --metrics-listen 127.0.0.1:9464   # Prometheus scrapes /metrics
              forloeb worker --exit-when-idle 5        # process what is queued, then stop
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var amqpOptions: AMQPOptions
    @OptionGroup var workflow: WorkflowOptions

    @Option(help: "Workers in the fleet (default: FORLOEB_WORKERS, else 1).")
    var workers: Int?

    @Option(help: "This worker's number, 1…workers (default: FORLOEB_WORKER_INDEX, else 1).")
    var index: Int?

    @Option(help: "Unacknowledged deliveries the broker may send ahead.")
    var prefetch: UInt16 = 2000

    @Option(help: "Events applied per store transaction at most.")
    var batchSize: Int = 1000

    @Option(
        help: """
            Milliseconds a worker that has fallen behind (a twentieth of a batch waiting) waits for the batch to \
            fill before applying it; a few events are applied at once.
            """)
    var batchWindow: Int = 20

    @Option(
        help: """
            PostgreSQL: parts each batch is applied in at once, its cases split among them, each part a \
            transaction on a connection of the store's pool, so that one lane's planning overlaps another's \
            statements: faster catching up when cores are free (2 lanes drained a backlog a sixth faster on two \
            cores), more CPU per event when they are not. SQLite has one writer.
            """)
    var lanes: Int = 1

    @Option(
        help: """
            PostgreSQL: the most connections the worker's store pool opens (default: one per lane, plus one to \
            plan the next batch, one for the outbox relay and one for the deadline scheduler). See \
            Deploy/PRODUCTION.md.
            """)
    var storeConnections: Int?

    @Option(help: "Seconds between deadline scheduler passes.")
    var schedulerInterval: Int = 30

    @Flag(help: "Declare classic instead of quorum queues (a single node where speed matters more than replication).")
    var classicQueues = false

    @Option(help: "Write Prometheus metrics to this file every 10 s (node_exporter textfile collector).")
    var metricsFile: String?

    @Option(
        help: """
            Serve Prometheus metrics at http://HOST:PORT/metrics (127.0.0.1:9464 keeps them on this host; \
            0.0.0.0:9464 lets a Prometheus elsewhere scrape them).
            """)
    var metricsListen: String?

    @Option(help: "Stop gracefully after this many seconds with nothing arriving and nothing left to publish.")
    var exitWhenIdle: Double?

    @Option(help: ArgumentHelp("Prefix of every exchange and queue name.", visibility: .hidden))
    var prefix: String = "forloeb"

    func validate() throws {
        let count = try resolvedWorkers()
        let number = try resolvedIndex()
        guard count >= 1, (1...count).contains(number) else {
            throw ValidationError("the worker's number must be 1…\(count), not \(number)")
        }
        guard batchSize >= 1, batchWindow >= 1, schedulerInterval >= 1 else {
            throw ValidationError("--batch-size, --batch-window and --scheduler-interval must be positive")
        }
        guard (1...16).contains(lanes) else { throw ValidationError("--lanes must be 1…16") }
        if let storeConnections, !(1...64).contains(storeConnections) {
            throw ValidationError("--store-connections must be 1…64")
        }
        if let metricsListen, Self.listenAddress(metricsListen) == nil {
            throw ValidationError(
                "--metrics-listen is HOST:PORT, e.g. 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464 (port 1…65535)")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = environment["FORLOEB_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var logger = Logger(label: "forloeb.worker")
        logger[metadataKey: "worker"] = "\(try resolvedIndex())/\(try resolvedWorkers())"

        let workflow = try self.workflow.load()
        let amqp = try amqpOptions.resolve()
        if lanes > 1, case .sqlite = try storeOptions.url() {
            throw CommandFailure.usage("--lanes applies to PostgreSQL; SQLite has one writer")
        }
        let configuration = Worker.Configuration(
            amqp: amqp, prefix: prefix, workers: try resolvedWorkers(), index: try resolvedIndex() - 1,
            queueKind: classicQueues ? .classic : .quorum, prefetch: prefetch, batchSize: batchSize,
            batchWindow: .milliseconds(batchWindow), schedulerInterval: .seconds(schedulerInterval),
            exitWhenIdle: exitWhenIdle.map { .milliseconds(Int($0 * 1000)) })
        // The schema is checked (an empty database migrated) on a store of its own, closed at once, so that the
        // worker's store is not used before its group runs: the group's first service then starts its pool, and
        // ends it after the consumers, the relay and the scheduler drained (`Worker.runsStorePool`).
        try await storeOptions.withStore(.migrateIfEmpty) { _ in }
        // One store, one pool: the consumer's lanes, its next batch's plan, the relay and the scheduler each take
        // a connection from it.
        let connections = storeConnections ?? lanes + 3
        try await storeOptions.withStore(.ignore, connections: connections) { store in
            logger.info(
                "starting",
                metadata: [
                    "store": "\(store.url)", "amqp": "\(amqp)", "policy": "\(workflow.policy.name)",
                    "queues":
                        "\(configuration.topology.queues(forWorker: configuration.index, of: configuration.workers))",
                    "lanes": "\(lanes)", "storeConnections": "\(connections)",
                ])
            let worker = Worker(
                configuration: configuration, store: store, lanes: lanes, runsStorePool: true,
                journey: workflow.journey,
                clock: { (try? CommandClock.now()) ?? Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) },
                logger: logger, metrics: WorkerMetrics())
            var extra: [any Service] = []
            if let metricsFile {
                extra.append(MetricsFileWriter(registry: registry, path: metricsFile, logger: logger))
            }
            if let metricsListen, let (host, port) = Self.listenAddress(metricsListen) {
                do {
                    extra.append(
                        try await MetricsEndpoint.bind(registry: registry, host: host, port: port, logger: logger))
                } catch {
                    throw CommandFailure.usage("--metrics-listen \(metricsListen): cannot listen there (\(error))")
                }
            }
            do {
                try await worker.run(extra: extra)
            } catch {
                throw CommandFailure.unreachable("worker stopped: \(error)")
            }
        }
        logger.info("stopped")
    }

    /// `HOST:PORT` (an IPv6 host in brackets: `[::1]:9464`; port 1…65535, digits only), or nil.
    static func listenAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let digits = text[text.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let port = Int(digits),
            (1...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            return nil  // an IPv6 address without brackets: its last colon is ambiguous
        }
        return host.isEmpty ? nil : (host, port)
    }

    func resolvedWorkers() throws -> Int {
        if let workers { return workers }
        guard let text = ProcessInfo.processInfo.environment["FORLOEB_WORKERS"], !text.isEmpty else { return 1 }
        guard let value = Int(text) else { throw ValidationError("FORLOEB_WORKERS is not a number: \(text)") }
        return value
    }

    func resolvedIndex() throws -> Int {
        if let index { return index }
        guard let text = ProcessInfo.processInfo.environment["FORLOEB_WORKER_INDEX"], !text.isEmpty else { return 1 }
        guard let value = Int(text) else { throw ValidationError("FORLOEB_WORKER_INDEX is not a number: \(text)") }
        return value
    }
}
