import ForloebAMQP
import Foundation

/// What one run of `forloeb-e2e-bench` measures. URLs come from the environment only (credentials never in argv).
struct BenchOptions {
    /// Events published in each throughput run.
    var events = 20_000
    /// Worker counts to measure, in order (PostgreSQL: 1 and 2; SQLite takes one worker only).
    var workers: [Int] = [1, 2]
    var queueKind: AMQPQueue.Kind = .classic
    /// `throughput`, `latency`, or both (the default).
    var only: String?
    /// Throughput runs: published while the workers run (`false`), drain of a pre-filled queue (`true`).
    var modes = [false, true]
    /// Steady publishing rate and length of the latency run.
    var latencyRate = 1_000
    var latencySeconds = 20
    /// Worker tuning (the same defaults as `Worker.Configuration`).
    var prefetch: UInt16 = 2000
    var batchSize = 1000
    var batchWindowMilliseconds = 20
    /// Messages per confirmed publish batch (the baseline confirms every 100).
    var confirmEvery = 100
    /// Store connections each PostgreSQL worker's consumer splits its batches over (`forloeb worker --lanes`).
    var lanes = 1
    /// The broker's and PostgreSQL's PIDs, to report their CPU time per run (optional).
    var brokerPID: Int32?
    var postgresPID: Int32?

    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            guard let value = iterator.next() else { fail("\(argument) needs a value") }
            switch argument {
            case "--events": options.events = Int(value) ?? options.events
            case "--workers": options.workers = value.split(separator: ",").compactMap { Int($0) }
            case "--queue-type":
                switch value {
                case "classic": options.queueKind = .classic
                case "quorum": options.queueKind = .quorum
                default: fail("--queue-type is classic or quorum")
                }
            case "--only": options.only = value
            case "--mode":
                switch value {
                case "concurrent": options.modes = [false]
                case "drain": options.modes = [true]
                default: fail("--mode is concurrent or drain")
                }
            case "--latency-rate": options.latencyRate = Int(value) ?? options.latencyRate
            case "--latency-seconds": options.latencySeconds = Int(value) ?? options.latencySeconds
            case "--prefetch": options.prefetch = UInt16(value) ?? options.prefetch
            case "--batch-size": options.batchSize = Int(value) ?? options.batchSize
            case "--batch-window-ms": options.batchWindowMilliseconds = Int(value) ?? options.batchWindowMilliseconds
            case "--broker-pid": options.brokerPID = Int32(value)
            case "--postgres-pid": options.postgresPID = Int32(value)
            case "--lanes": options.lanes = Int(value) ?? options.lanes
            case "--confirm-every": options.confirmEvery = Int(value) ?? options.confirmEvery
            default: fail("unknown option \(argument)")
            }
        }
        return options
    }

    func runs(_ part: String) -> Bool { only == nil || only == part }

    var queueTypeName: String { queueKind == .classic ? "classic" : "quorum" }
}

/// Prints a line at once, so that a run shows its progress.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("forloeb-e2e-bench: \(message)\n".utf8))
    exit(1)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
