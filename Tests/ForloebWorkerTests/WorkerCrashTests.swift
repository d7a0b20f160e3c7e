import ForloebAMQP
import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebWorker
import ForloebTestSupport
import Foundation
import Logging
import Testing

/// The worker process killed for real (SIGKILL) mid-stream, and the broker stopped and started again
/// mid-stream: nothing accepted is lost and nothing is applied twice.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"), .serialized)
struct WorkerCrashTests {
    static var repositoryRoot: URL { ForloebExecutable.repositoryRoot }
    static var executable: URL { ForloebExecutable.executable }

    func workerProcess(_ harness: WorkerHarness, extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments =
            ["worker", "--prefix", harness.prefix, "--classic-queues", "--batch-size", "5", "--prefetch", "20"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["FORLOEB_AMQP_URL"] = WorkerHarness.amqpText
        environment["FORLOEB_STORE"] = "sqlite:" + harness.directory + "/forloeb.sqlite"
        environment["FORLOEB_NOW"] = WorkerHarness.now.description
        environment["FORLOEB_WORKFLOWS"] = Self.repositoryRoot.appendingPathComponent("Workflows").path
        environment["FORLOEB_LOG_LEVEL"] = "warning"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func lanesNeedPostgreSQL() async throws {
        let harness = try WorkerHarness("lanes-sqlite")
        try await harness.tearingDown {
            let result = try ForloebExecutable.run(
                ["worker", "--prefix", harness.prefix, "--lanes", "2"],
                environment: [
                    "FORLOEB_AMQP_URL": WorkerHarness.amqpText ?? "", "FORLOEB_STORE": "sqlite:" + harness.directory + "/f.sqlite",
                    "FORLOEB_WORKFLOWS": Self.repositoryRoot.appendingPathComponent("Workflows").path,
                ])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--lanes applies to PostgreSQL"), "\(result.stderr)")
        }
    }

    @Test func killedWorkerLosesAndDoublesNothing() async throws {
        let harness = try WorkerHarness("kill")
        try await harness.tearingDown {
            let channel = try await harness.prepare()
            let lines = CaseStreamGenerator(seed: 11).stream(cases: 300).map { $0.wireJSON() }
            var reference = CaseBook(journey: WorkerHarness.journey)
            for line in lines { reference.ingest(line) }
            try await harness.publish(lines, on: channel)

            let first = try workerProcess(harness)
            defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
            // Kill it for real as soon as it has committed something, in the middle of whatever batch it is in.
            // (As soon as, not "a quarter in": a worker drains thousands of events a second, so waiting longer
            // lets it finish the stream before the kill lands on a fast machine. Batches of 5, each an fsynced
            // commit, keep the stream of 6,000 events running for seconds even when this poller is starved of CPU
            // by the suites running beside it.)
            let deadline = ContinuousClock.now + .seconds(60)
            while try await harness.store.counts().processed == 0 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            kill(first.processIdentifier, SIGKILL)
            while first.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(first.terminationReason == .uncaughtSignal)
            let atKill = try await harness.store.counts().processed
            #expect(atKill < lines.count, "the worker must die mid-stream for this test to mean anything")

            let second = try workerProcess(harness, extra: ["--exit-when-idle", "2"])
            defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
            while second.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            #expect(second.terminationStatus == 0)

            let counts = try await harness.store.counts()
            #expect(counts.processed == lines.count)
            #expect(counts.events == lines.count)
            #expect(counts.rejections == 0)
            for (caseId, expected) in reference.cases {
                let record = try #require(try await harness.store.caseRecord(caseId))
                #expect(record.snapshot == expected, "\(caseId)")
                #expect(record.history.map(\.messageId) == (reference.history[caseId] ?? []).map(\.messageId))
            }
        }
    }

    @Test(.enabled(if: BrokerNode.available, "needs scripts/rabbitmq.sh and rabbitmq-server"))
    func brokerRestartMidStreamLosesAndDoublesNothing() async throws {
        let node = try await BrokerNode.start()
        let harness = try WorkerHarness("restart", amqp: node.url)
        let lines = CaseStreamGenerator(seed: 12).stream(cases: 100).map { $0.wireJSON() }
        var reference = CaseBook(journey: WorkerHarness.journey)
        for line in lines { reference.ingest(line) }
        let half = lines.count / 2

        func note(_ text: String) { FileHandle.standardError.write(Data("restart test: \(text)\n".utf8)) }
        note("node up on \(node.port)")
        do {
        try await harness.running([harness.worker()]) {
            note("worker running")
            let channel = try await harness.prepare()
            note("prepared")
            try await harness.publish(Array(lines[..<half]), on: channel)
            note("published first half")
            _ = try await harness.waitUntilProcessed(half / 2, allowPending: true)
            note("processed a quarter; stopping the broker")
            // Stop the broker while the worker is busy, then bring it back on the same data.
            await node.stop()
            try await Task.sleep(for: .seconds(1))
            try await node.restart()
            note("broker restarted")
            let again = try await harness.prepare()
            try await harness.publish(Array(lines[half...]), on: again)
            _ = try await harness.waitUntilProcessed(lines.count, timeout: .seconds(120))
        }
        } catch {
            await harness.tearDown()
            await node.stop()
            throw error
        }
        let counts = try? await harness.store.counts()
        var mismatched: [String] = []
        for (caseId, expected) in reference.cases where (try? await harness.store.caseRecord(caseId))?.snapshot != expected {
            mismatched.append(caseId)
        }
        await harness.tearDown()
        await node.stop()
        try? FileManager.default.removeItem(atPath: node.directory)
        #expect(counts?.processed == lines.count)
        #expect(counts?.events == lines.count)
        #expect(counts?.rejections == 0)
        #expect(mismatched.isEmpty, "cases that differ from the reference: \(mismatched)")
    }
}

/// A RabbitMQ node of the test's own (`scripts/rabbitmq.sh` on a free port), so stopping it disturbs no
/// other test.
final class BrokerNode: Sendable {
    static let script = WorkerCrashTests.repositoryRoot.appendingPathComponent("scripts/rabbitmq.sh").path
    static var available: Bool {
        WorkerHarness.enabled && FileManager.default.isExecutableFile(atPath: script)
            && FileManager.default.fileExists(atPath: "/usr/lib/rabbitmq/bin/rabbitmq-server")
    }

    let directory: String
    let port: Int
    let url: AMQPURL

    init(directory: String, port: Int) throws {
        self.directory = directory
        self.port = port
        self.url = try AMQPURL("amqp://guest:guest@127.0.0.1:\(port)/%2F")
    }

    static func start() async throws -> BrokerNode {
        let port = 27_000 + Int.random(in: 0..<900) * 4
        let node = try BrokerNode(directory: NSTemporaryDirectory() + "forloeb-node-\(port)", port: port)
        try await node.run("start")
        return node
    }

    func restart() async throws {
        try await run("start")
    }

    func stop() async {
        try? await run("stop")
    }

    /// Runs the script and waits for it on a thread of its own: Foundation's `Process` did not notice this
    /// script's exit inside an async test (its node keeps running in the background), so spawn and `waitpid`.
    func run(_ verb: String) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["FORLOEB_RABBITMQ_PORT"] = String(port)
        let argv = [Self.script, verb, directory]
        let log = directory + ".\(verb).log"
        guard let status = await SpawnedScript.run(argv, environment: environment, log: log) else {
            throw AMQPError(.unreachable, "cannot run scripts/rabbitmq.sh")
        }
        guard status == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw AMQPError(
                .unreachable, "scripts/rabbitmq.sh \(verb) failed with status \(status): \(output.suffix(600))")
        }
    }
}
