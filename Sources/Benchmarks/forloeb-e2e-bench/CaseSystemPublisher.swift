import ForloebCore
import Foundation

/// The case system of a throughput run: `forloeb-amqp-baseline --publish-file`, a process of its own running the
/// baseline's bare librabbitmq publisher (persistent, confirmed every `--confirm-every`) over the run's events, with
/// the properties the contract asks of a case system. The end-to-end run and the baseline then differ only in the
/// consumer. The broker URL reaches it through the environment, never argv.
struct CaseSystemPublisher {
    let file: String
    let exchange: String
    let confirmEvery: Int

    /// Writes the feed as the publisher's input: `routingKey TAB messageId TAB caseId TAB body` per line.
    static func prepare(_ feed: EventFeed, exchange: String, confirmEvery: Int) throws -> CaseSystemPublisher {
        let file = NSTemporaryDirectory() + "forloeb-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tsv"
        var text: [UInt8] = []
        for (envelope, body) in zip(feed.envelopes, feed.bodies) {
            text += Array("\(envelope.type.rawValue)\t\(envelope.messageId)\t\(envelope.caseId)\t".utf8)
            text += body
            text.append(UInt8(ascii: "\n"))
        }
        try Data(text).write(to: URL(fileURLWithPath: file))
        return CaseSystemPublisher(file: file, exchange: exchange, confirmEvery: confirmEvery)
    }

    /// Publishes everything; returns when the broker confirmed the last event, with the wall time and the
    /// publisher process's CPU seconds.
    func run() async throws -> (elapsed: Duration, cpu: Double) {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let process = Process()
        process.executableURL = here.appendingPathComponent("forloeb-amqp-baseline")
        process.arguments = [
            "--publish-file", file, "--exchange", exchange, "--confirm-every", "\(confirmEvery)",
        ]
        process.standardOutput = FileHandle.nullDevice
        let before = Self.childrenCPU()
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        // Polled, not waitUntilExit: that can hang in an async context on Linux.
        while process.isRunning { try await Task.sleep(for: .milliseconds(2)) }
        let elapsed = start.duration(to: clock.now)
        guard process.terminationStatus == 0 else { fail("the case-system publisher failed") }
        return (elapsed, Self.childrenCPU() - before)
    }

    /// CPU seconds of this process's children that have ended.
    static func childrenCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: file)
    }
}
