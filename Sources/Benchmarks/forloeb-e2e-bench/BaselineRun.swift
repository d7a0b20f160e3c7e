import Foundation

/// The denominator: `forloeb-amqp-baseline` (bare librabbitmq publisher and consumer on one queue) run as a child
/// process against the same broker, with the same message count, size and queue type. It reads the broker URL from
/// the environment this process was given, so no credential goes through argv.
enum BaselineRun {
    struct Result {
        var rate: Double
        /// CPU seconds of the baseline process (publisher + consumer) and of the broker during the run.
        var clientCPU: Double
        var brokerCPU: Double
    }

    static func run(count: Int, size: Int, queueType: String, meter: CPUMeter) throws -> Result {
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
        let brokerBefore = meter.sample().broker
        var before = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &before)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var after = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &after)
        let brokerCPU = meter.sample().broker - brokerBefore
        func total(_ usage: rusage) -> Double {
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let range = text.range(of: "together: "),
            let rate = Double(text[range.upperBound...].prefix { $0.isNumber })
        else { fail("forloeb-amqp-baseline failed: \(text)") }
        return Result(rate: rate, clientCPU: total(after) - total(before), brokerCPU: brokerCPU)
    }
}
