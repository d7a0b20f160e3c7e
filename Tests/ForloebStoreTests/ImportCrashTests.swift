import ForloebCore
import ForloebStore
import ForloebTestSupport
import Foundation
import Testing

/// `forloeb import` killed for real (SIGKILL, mid-batch) and run again: no accepted event is lost or
/// doubled, and what was committed before the kill is always a whole number of batches.
@Suite(.serialized, .blocking) struct ImportCrashTests {
    static var repositoryRoot: URL { ForloebExecutable.repositoryRoot }
    static var executable: URL { ForloebExecutable.executable }

    static func importProcess(_ file: URL, store: StoreURL, batchSize: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["import", file.path, "--batch-size", String(batchSize), "--json"]
        process.currentDirectoryURL = repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["FORLOEB_STORE"] = Self.unredacted(store)
        environment["FORLOEB_WORKFLOWS"] = repositoryRoot.appendingPathComponent("Workflows").path
        environment["FORLOEB_NOW"] = "2026-11-23T10:00:00Z"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    static func unredacted(_ url: StoreURL) -> String {
        switch url {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let a): "postgres://\(a.user):\(a.password ?? "")@\(a.host):\(a.port)/\(a.database)"
        }
    }

    @Test(arguments: StoreBackend.available)
    func aKilledImportRunAgainLosesNothingAndDoublesNothing(_ backend: StoreBackend) async throws {
        let journey = try StoreFixture.journey()
        let bodies = StoreFixture.messyStream(cases: 1500, seed: 21)
        let batchSize = 50
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-crash-\(UUID()).jsonl")
        var text = Data()
        for body in bodies {
            text.append(body)
            text.append(UInt8(ascii: "\n"))
        }
        try text.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        try await backend.withStore { db in
            let observer = try await db.open()
            let (process, _) = try Self.importProcess(file, store: db.url, batchSize: batchSize)
            // Wait for the first commits, then kill it without warning, mid-stream.
            while process.isRunning, try await observer.counts().processed < bodies.count / 10 {
                try await Task.sleep(nanoseconds: 5_000_000)
            }
            guard process.isRunning else {
                Issue.record("the import finished before it could be killed; use a longer stream")
                return
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            // What survived is exactly the first k whole batches, for some k.
            let survived = try await observer.counts()
            var book = CaseBook(journey: journey)
            var boundaries: [Int: Int] = [0: 0]  // processed messages → batches
            var processed = Set<String>()
            for (index, body) in bodies.enumerated() {
                book.ingest(body)
                processed.insert(InboundMessage(body: body).messageId)
                if (index + 1) % batchSize == 0 || index + 1 == bodies.count {
                    boundaries[processed.count] = (index + batchSize) / batchSize
                }
            }
            let batches = try #require(
                boundaries[survived.processed], "\(survived.processed) processed is not a batch boundary")
            #expect(batches > 0 && batches < (bodies.count + batchSize - 1) / batchSize)
            let prefix = StoreFixture.book(Array(bodies.prefix(batches * batchSize)), journey: journey)
            #expect(survived.events == prefix.history.values.map(\.count).reduce(0, +))

            // Run it again to the end: everything committed before is a duplicate, the rest applies once.
            let (again, output) = try Self.importProcess(file, store: db.url, batchSize: batchSize)
            let data = output.fileHandleForReading.readDataToEndOfFile()
            again.waitUntilExit()
            #expect(again.terminationStatus == 0)
            let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let acceptedBefore = prefix.history.values.map(\.count).reduce(0, +)
            let acceptedInAll = book.history.values.map(\.count).reduce(0, +)
            #expect(summary["applied"] as? Int == acceptedInAll - acceptedBefore)
            try await StoreComparison.expectAgreement(observer, book)
            // The second run's audit entry; the killed run never reached its last batch.
            #expect(try await observer.auditLog(caseId: nil, limit: 10).map(\.entry.action) == ["import"])
        }
    }
}
