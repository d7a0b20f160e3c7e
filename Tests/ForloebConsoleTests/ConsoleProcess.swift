import ForloebTestSupport
import Foundation

/// `forloeb console` running on a free loopback port against a store, as a user starts it; stopped with SIGTERM.
final class ConsoleProcess {
    let process = Process()
    let port: Int
    let errors = Pipe()

    init(environment: [String: String], arguments: [String] = []) throws {
        port = try HTTPProbe.freePort()
        process.executableURL = ForloebExecutable.executable
        process.arguments = ["console", "--listen", "127.0.0.1:\(port)"] + arguments
        process.currentDirectoryURL = ForloebExecutable.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Ready when it answers; a console that exits early has failed.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !process.isRunning {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw HTTPProbe.Failure(message: "forloeb console exited \(process.terminationStatus): \(text)")
            }
            if HTTPProbe.accepts(port: port) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw HTTPProbe.Failure(message: "forloeb console did not answer on port \(port)")
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
