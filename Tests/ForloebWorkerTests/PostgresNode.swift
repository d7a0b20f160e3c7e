import ForloebStore
import ForloebTestSupport
import Foundation

/// A PostgreSQL cluster of the test's own (`scripts/postgres.sh` in a fresh folder, on a port of its own), so
/// that restarting or stopping it disturbs no other test: the suites share one cluster
/// (`FORLOEB_TEST_POSTGRES_URL`) and run in parallel.
final class PostgresNode: Sendable {
    static let script = ForloebExecutable.repositoryRoot.appendingPathComponent("scripts/postgres.sh").path
    /// PostgreSQL tests are on (a shared cluster is configured or required) and a cluster can be made here.
    static var available: Bool {
        WorkerHarness.enabled && WorkerHarness.postgresEnabled
            && FileManager.default.isExecutableFile(atPath: script)
            && FileManager.default.fileExists(atPath: "/usr/lib/postgresql")
    }

    let directory: String
    let port: Int
    let address: StoreURL.PostgresAddress

    private init(directory: String, port: Int, address: StoreURL.PostgresAddress) {
        self.directory = directory
        self.port = port
        self.address = address
    }

    /// Starts a fresh cluster under `FORLOEB_TEST_DIR` (or the temporary folder) on a random port from 31000:
    /// above `BrokerNode`'s and below the system's ephemeral ports (32768 on), which outgoing connections hold.
    static func start() async throws -> PostgresNode {
        let environment = ProcessInfo.processInfo.environment
        let root = environment["FORLOEB_TEST_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        var failure: (any Error)?
        for _ in 0..<3 {
            let port = 31_000 + Int.random(in: 0..<600)
            let directory = root + "/pg-node-\(port)-" + UUID().uuidString.prefix(8).lowercased()
            do {
                try await ScriptProcess.run(
                    script, ["start", directory], environment: ["FORLOEB_POSTGRES_PORT": "\(port)"],
                    log: directory + ".log")
                let password = try String(contentsOfFile: directory + "/password", encoding: .utf8)
                let url = try StoreURL(parsing: "postgres://forloeb:\(password)@127.0.0.1:\(port)/forloeb")
                guard case .postgres(let address) = url else { throw StoreError(.invalidURL, "not PostgreSQL") }
                return PostgresNode(directory: directory, port: port, address: address)
            } catch {
                failure = error  // most likely the port was taken: try another
                _ = try? await ScriptProcess.run(script, ["stop", directory], log: directory + ".log")
                try? FileManager.default.removeItem(atPath: directory)
                try? FileManager.default.removeItem(atPath: directory + ".log")
            }
        }
        throw failure ?? StoreError(.unreachable, "cannot start a PostgreSQL cluster")
    }

    /// `pg_ctl restart -m mode` on the same port; returns once the server accepts connections again.
    func restart(_ mode: String) async throws {
        try await ScriptProcess.run(Self.script, ["restart", directory, mode], log: directory + ".log")
    }

    func stop() async {
        _ = try? await ScriptProcess.run(Self.script, ["stop", directory], log: directory + ".log")
    }

    func start() async throws {
        try await ScriptProcess.run(Self.script, ["start", directory], log: directory + ".log")
    }

    /// Stops the cluster and deletes its folder.
    func remove() async {
        await stop()
        try? FileManager.default.removeItem(atPath: directory)
        try? FileManager.default.removeItem(atPath: directory + ".log")
    }
}

/// Runs one of the repository's scripts and waits for it on a thread of its own: Foundation's `Process` did not
/// notice the exit of a script that leaves a server running in the background (see `BrokerNode`), so spawn and
/// `waitpid`. Its output goes to `log`, which a failure quotes.
enum ScriptProcess {
    @discardableResult
    static func run(_ script: String, _ arguments: [String], environment extra: [String: String] = [:], log: String)
        async throws -> Int32
    {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { $1 }
        let argv = [script] + arguments
        guard let status = await SpawnedScript.run(argv, environment: environment, log: log) else {
            throw StoreError(.unreachable, "cannot run \(script)")
        }
        guard status == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw StoreError(
                .unreachable, "\(script) \(arguments.joined(separator: " ")) failed (\(status)): \(output.suffix(600))")
        }
        return status
    }
}
