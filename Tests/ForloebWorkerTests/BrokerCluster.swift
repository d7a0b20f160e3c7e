import ForloebAMQP
import ForloebTestSupport
import Foundation

/// A 3-node RabbitMQ cluster of the test's own (`scripts/rabbitmq-cluster.sh`), in a folder under
/// `FORLOEB_TEST_DIR`, on a block of ports of its own, so killing a node disturbs no other test.
final class BrokerCluster: Sendable {
    static let script = WorkerCrashTests.repositoryRoot.appendingPathComponent("scripts/rabbitmq-cluster.sh").path
    static let environment = ProcessInfo.processInfo.environment
    /// The cluster tests run when `FORLOEB_TEST_CLUSTER=1` (scripts/test.sh sets it) and RabbitMQ is installed.
    static var enabled: Bool {
        environment["FORLOEB_TEST_CLUSTER"] == "1" && FileManager.default.isExecutableFile(atPath: script)
            && FileManager.default.fileExists(atPath: "/usr/lib/rabbitmq/bin/rabbitmq-server")
    }

    let directory: String
    let base: Int
    /// Each node's AMQP port, nodes 1 to 3.
    let ports: [Int]

    private init(directory: String, base: Int) {
        self.directory = directory
        self.base = base
        self.ports = [1, 2, 3].map { base + 10 * $0 }
    }

    /// Starts three nodes that form one cluster; returns once all three run in it.
    static func start(_ name: String) async throws -> BrokerCluster {
        let root = environment["FORLOEB_TEST_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        let directory = root + "/cluster-\(name)-\(UUID().uuidString.prefix(8).lowercased())"
        // A block of 40 ports somewhere in 33000–34999: clusters of other test runs on this machine pick others.
        let cluster = BrokerCluster(directory: directory, base: 33_000 + Int.random(in: 0..<50) * 40)
        _ = try await cluster.run(["start"])
        return cluster
    }

    /// The cluster's URL with the nodes in `order` (1-based node numbers).
    func url(order: [Int]) throws -> AMQPURL {
        try AMQPURL("amqp://guest:guest@" + order.map { "127.0.0.1:\(ports[$0 - 1])" }.joined(separator: ",") + "/%2F")
    }

    func kill(node: Int) async throws { _ = try await run(["kill-node", "\(node)"]) }
    func start(node: Int) async throws { _ = try await run(["start-node", "\(node)"]) }

    /// The nodes running in the cluster, as a running node sees them.
    func runningNodes() async throws -> [String] {
        let output = try await run(["status"], allowFailure: true)
        // "N of 3 nodes running: a@localhost b@localhost "
        guard let colon = output.firstIndex(of: ":") else { return [] }
        return output[output.index(after: colon)...].split(whereSeparator: \.isWhitespace).map(String.init)
    }

    func stop() async {
        _ = try? await run(["stop"])
    }

    /// Runs the script with `arguments` (the folder is added after the verb and its node) and returns its
    /// standard output. Spawned and waited for on a thread of its own, as `BrokerNode.run` does.
    @discardableResult
    func run(_ arguments: [String], allowFailure: Bool = false) async throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var environment = Self.environment
        environment["FORLOEB_RABBITMQ_CLUSTER_PORT"] = String(base)
        let argv = [Self.script] + arguments + [directory]
        let output = directory + "/script-\(UUID().uuidString.prefix(8)).out"
        let log = directory + "/script.log"
        guard let status = await SpawnedScript.run(argv, environment: environment, output: output, log: log) else {
            throw AMQPError(.unreachable, "cannot run scripts/rabbitmq-cluster.sh")
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: output)
        guard status == 0 || allowFailure else {
            let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw AMQPError(
                .unreachable,
                "scripts/rabbitmq-cluster.sh \(arguments.joined(separator: " ")) failed with status \(status): "
                    + String(logged.suffix(800)))
        }
        return text
    }
}
