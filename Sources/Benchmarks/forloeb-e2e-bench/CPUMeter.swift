import Foundation

/// CPU seconds (user + system) used so far by this process, the broker and the database server: where a run's
/// time goes. The servers are given by PID (`--broker-pid`, `--postgres-pid`); a server's direct children count as
/// its own (PostgreSQL serves each connection in a child of the postmaster).
struct CPUMeter {
    var brokerPID: Int32?
    var postgresPID: Int32?

    struct Sample {
        var worker: Double
        var broker: Double
        var postgres: Double

        static func - (a: Sample, b: Sample) -> Sample {
            Sample(worker: a.worker - b.worker, broker: a.broker - b.broker, postgres: a.postgres - b.postgres)
        }
    }

    func sample() -> Sample {
        Sample(
            worker: Self.seconds(of: getpid()), broker: brokerPID.map { Self.withChildren($0) } ?? 0,
            postgres: postgresPID.map { Self.withChildren($0) } ?? 0)
    }

    static let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// utime + stime of one process, from /proc/PID/stat (fields 14 and 15, after the parenthesised name).
    static func fields(of pid: Int32) -> (parent: Int32, seconds: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count > 13, let parent = Int32(rest[1]), let user = Double(rest[11]), let system = Double(rest[12])
        else { return nil }
        return (parent, (user + system) / ticks)
    }

    static func seconds(of pid: Int32) -> Double { fields(of: pid)?.seconds ?? 0 }

    static func withChildren(_ pid: Int32) -> Double {
        var total = seconds(of: pid)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let child = Int32(entry), child != pid, let info = fields(of: child), info.parent == pid else { continue }
            total += info.seconds
        }
        return total
    }
}
