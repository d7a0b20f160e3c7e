import ForloebAMQP
import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebWorker
import Foundation
import InMemoryLogging
import Logging
import MetricsTestKit
import Testing

/// An SQLite store on a file system that fills up (issue 17): the worker pauses, holding its batch, and goes on
/// in order once there is room again. The file system is a small tmpfs of the test's own; permissions cannot
/// stand in for it, because the tests run as root, whom they do not stop. A filler takes all its room while the
/// stream is published; once the filler is gone, the room left must hold the rest of the stream, WAL included (it
/// grows to a few MB before a checkpoint can restart it, more while readers hold it): at 6 MB a loaded CI machine
/// filled it again with the last batch.
@Suite(.enabled(if: WorkerHarness.enabled, "needs FORLOEB_TEST_AMQP_URL (scripts/rabbitmq.sh)"), .serialized)
struct FullFileSystemTests {
    /// Runs a command, returning whether it exited 0.
    static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Fills the file system under `folder` with one file, until a write fails for want of room.
    static func fill(_ folder: String) throws -> String {
        let path = folder + "/filler"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let chunk = Data(repeating: 0x55, count: 16_384)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        return path
    }

    @Test func aFullFileSystemPausesTheWorkerUntilThereIsRoomAgain() async throws {
        let folder = NSTemporaryDirectory() + "forloeb-full-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard Self.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", folder]) else {
            // Only root may mount; as anyone else the test cannot make a full file system here.
            if getuid() == 0 { Issue.record("cannot mount a tmpfs at \(folder) as root") }
            try? FileManager.default.removeItem(atPath: folder)
            return
        }
        defer {
            // Unmounted before the test ends, whatever happened: a lazy unmount lets go even of open files.
            _ = Self.run(["umount", "-l", folder])
            try? FileManager.default.removeItem(atPath: folder)
        }
        let store = try SQLiteCaseStore(path: folder + "/forloeb.sqlite", durability: .normal)
        let harness = try WorkerHarness("full", store: store)
        do {
            try await outageOfTheDisk(harness, store: store, folder: folder)
        } catch {
            await harness.tearDown()
            throw error
        }
        await harness.tearDown()
    }

    func outageOfTheDisk(_ harness: WorkerHarness, store: SQLiteCaseStore, folder: String) async throws {
        let outage = StoreOutageTests()
        let lines = Array(StoreOutageTests.lines.prefix(1_500))
        let reference = WorkerTests.reference(lines)
        let channel = try await harness.prepare()
        let filler = try Self.fill(folder)
        try await harness.publish(lines, on: channel)
        let log = InMemoryLogHandler()
        let metrics = TestMetrics()
        try await harness.running([outage.worker(harness, store: store, log: log, metrics: metrics)]) {
            // The worker finds the disk full and holds its batch.
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline,
                !log.entries.contains(where: { $0.message.description.hasPrefix("store unavailable") })
            {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(log.entries.contains { $0.message.description.hasPrefix("store unavailable") })
            #expect(try await store.counts().processed < lines.count, "nothing can be written on a full disk")
            try FileManager.default.removeItem(atPath: filler)
            _ = try await harness.waitUntilProcessed(lines.count, timeout: .seconds(120))
        }
        let counts = try await store.counts()
        #expect(counts.processed == lines.count)
        #expect(counts.events == lines.count)
        #expect(counts.rejections == 0, "no event overtook another while the disk was full")
        for (caseId, expected) in reference.cases {
            #expect(try await store.caseRecord(caseId)?.snapshot == expected, "\(caseId)")
        }
        #expect(try metrics.expectCounter("forloeb_events_retried_total").totalValue == 0)
        #expect(try metrics.expectGauge("forloeb_store_up").values.contains(0))
        #expect(try metrics.expectGauge("forloeb_store_up").lastValue == 1)
        #expect(log.entries.contains { $0.message.description.hasPrefix("store available again") })
    }
}
