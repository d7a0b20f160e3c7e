import Foundation

/// The denominator: `forloeb-amqp-baseline` (bare librabbitmq publisher and consumer on one queue) run as a child
/// process against the same broker, with the same message count, size and queue type. It reads the broker URL from
/// the environment this process was given, so no credential goes through argv.
enum BaselineRun {
    static func rate(count: Int, size: Int, queueType: String) throws -> Double {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let executable = here.appendingPathComponent("forloeb-amqp-baseline")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            fail("build forloeb-amqp-baseline next to this executable: swift build -c release --product forloeb-amqp-baseline")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--count", "\(count)", "--size", "\(size)", "--queue-type", queueType]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let range = text.range(of: "together: "),
            let rate = Double(text[range.upperBound...].prefix { $0.isNumber })
        else { fail("forloeb-amqp-baseline failed: \(text)") }
        return rate
    }
}
