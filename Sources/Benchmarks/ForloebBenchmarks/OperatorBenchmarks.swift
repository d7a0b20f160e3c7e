import Benchmark
import ForloebCore
import ForloebSQLite
import ForloebStore
import ForloebWorkflows
import Foundation
import GRDB

/// The seeded store the operator benchmarks read: `FORLOEB_BENCH_STORE` (a path made by
/// `forloeb seed --cases 1000000`), judged at `FORLOEB_NOW`. Without it the operator benchmarks are not
/// registered, so the core benchmarks run anywhere.
enum OperatorFixture {
    static let environment = ProcessInfo.processInfo.environment
    static let path = environment["FORLOEB_BENCH_STORE"]
    static let now = Instant(rfc3339: environment["FORLOEB_NOW"] ?? "2026-11-23T12:00:00Z")!
    static let journey = (try? WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey)!
    /// Stuck and overdue answer the operator's first page, as the verbs do by default.
    static let pageSize = 1000

    /// The store as the read verbs open it (read-only: one connection).
    static func store() -> SQLiteCaseStore { try! SQLiteCaseStore(readOnlyPath: path!) }
    static func queue() -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        return try! DatabaseQueue(path: path!, configuration: config)
    }

    /// The case `show` is measured on: the one with the longest history in the first thousand ids.
    static let showCase: String = {
        try! queue().read { db in
            try String.fetchOne(
                db,
                sql: "SELECT case_id FROM cases WHERE case_id IN (SELECT case_id FROM cases ORDER BY case_id LIMIT 1000) ORDER BY version DESC LIMIT 1")!
        }
    }()

    static let executable: String = {
        environment["FORLOEB_BIN"] ?? (WorkflowLoader.sourceTreeDirectory as NSString).deletingLastPathComponent + "/.build/release/forloeb"
    }()

    /// Starts `arguments[0]` and returns when the first byte of its stdout arrives (then lets it finish).
    static func firstByte(_ arguments: [String], environment extra: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        var env = environment
        env.merge(extra) { $1 }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let first = try pipe.fileHandleForReading.read(upToCount: 1)
        blackHole(first)
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
}

func operatorBenchmarks() {
    guard OperatorFixture.path != nil else { return }
    let config = Benchmark.Configuration(
        metrics: [.wallClock, .throughput], scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 200)

    // show: the store's case record (snapshot decoded, history, rejections, deadlines, pending outbox).
    Benchmark("operator: show (caseRecord of one case)", configuration: config) { benchmark in
        let store = OperatorFixture.store()
        let id = OperatorFixture.showCase
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await store.caseRecord(id))
        }
        benchmark.stopMeasurement()
        try await store.close()
    }
    Benchmark("baseline: bare SQL for show's rows", configuration: config) { benchmark in
        let queue = OperatorFixture.queue()
        let id = OperatorFixture.showCase
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let rows = try await queue.read { db in
                var rows = try Row.fetchAll(db, sql: "SELECT snapshot FROM cases WHERE case_id = ?", arguments: [id])
                rows += try Row.fetchAll(
                    db,
                    sql: "SELECT position, message_id, type, from_state, to_state, occurred_at, actor, rule_set, recorded_at FROM events WHERE case_id = ? ORDER BY position",
                    arguments: [id])
                rows += try Row.fetchAll(
                    db,
                    sql: "SELECT id, message_id, attempt, case_id, attached, type, code, rule, detail, occurred_at, recorded_at FROM rejections WHERE case_id = ? AND attached = 1 ORDER BY id",
                    arguments: [id])
                rows += try Row.fetchAll(db, sql: "SELECT case_id, kind, due_at FROM deadlines WHERE case_id = ?", arguments: [id])
                rows += try Row.fetchAll(
                    db,
                    sql: "SELECT id, message_id, routing_key, case_id, body, created_at, sent_at FROM outbox WHERE case_id = ? AND sent_at IS NULL ORDER BY id",
                    arguments: [id])
                return rows
            }
            blackHole(rows)
        }
        benchmark.stopMeasurement()
    }

    // stuck: keyset pages of the candidate ranges merged by urgency, each candidate diagnosed from its indexed
    // columns and open deadlines (first page).
    Benchmark("operator: stuck (first \(OperatorFixture.pageSize))", configuration: config) { benchmark in
        let store = OperatorFixture.store()
        let finder = StuckCaseFinder(store: store, journey: OperatorFixture.journey)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await finder.find(at: OperatorFixture.now, limit: OperatorFixture.pageSize))
        }
        benchmark.stopMeasurement()
        try await store.close()
    }
    // The same rows with GRDB and no decoding: every range's rows as urgent as the page's last case (what the
    // finder reads, less its last partial page per range), then those cases' indexed columns and deadlines.
    Benchmark("baseline: bare SQL for stuck's rows", configuration: config) { benchmark in
        let store = OperatorFixture.store()
        let found = try await StuckCaseFinder(store: store, journey: OperatorFixture.journey)
            .find(at: OperatorFixture.now, limit: OperatorFixture.pageSize)
        try await store.close()
        let queue = OperatorFixture.queue()
        let journey = OperatorFixture.journey
        let now = OperatorFixture.now
        let today = now.danishDate
        let least = found.last?.urgency ?? 0
        let kinds = DeadlineKind.allCases.filter { $0 != .courseEnd && $0.holdsUpTheCase }.map(\.rawValue)
        let running = CaseState.allCases.filter(\.hasRunningCourse).map(\.rawValue)
        func list(_ n: Int) -> String { "(" + Array(repeating: "?", count: n).joined(separator: ",") + ")" }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let rows = try await queue.read { db in
                var ids = try String.fetchAll(
                    db,
                    sql: "SELECT case_id FROM deadlines INDEXED BY deadlines_due WHERE due_at <= ? AND due_at < ? AND kind IN \(list(kinds.count)) ORDER BY due_at, case_id, kind",
                    arguments: StatementArguments(
                        [now.secondsSinceEpoch, today.adding(days: 1 - least).danishMidnight.secondsSinceEpoch] + kinds))
                ids += try String.fetchAll(
                    db,
                    sql: "SELECT case_id FROM cases INDEXED BY cases_course_end WHERE course_end IS NOT NULL AND course_end < ? AND course_end < ? AND state IN \(list(running.count)) ORDER BY course_end, case_id",
                    arguments: StatementArguments(
                        [today.adding(days: 1).description, today.adding(days: 1 - least).description] + running))
                for state in CaseState.allCases where !state.isFinal {
                    guard let days = journey.policy.idleThreshold(state) else { continue }
                    ids += try String.fetchAll(
                        db,
                        sql: "SELECT case_id FROM cases INDEXED BY cases_state_idle WHERE state = ? AND last_event_at < ? AND last_event_at < ? ORDER BY last_event_at, case_id",
                        arguments: [
                            state.rawValue, today.adding(days: -days).danishMidnight.secondsSinceEpoch,
                            today.adding(days: 1 - days - least).danishMidnight.secondsSinceEpoch,
                        ])
                }
                var seen = Set<String>()
                let unique = ids.filter { seen.insert($0).inserted }
                var rows: [Row] = []
                var start = 0
                while start < unique.count {
                    let chunk = Array(unique[start..<min(start + 500, unique.count)])
                    rows += try Row.fetchAll(
                        db, sql: "SELECT case_id, kind, due_at FROM deadlines WHERE case_id IN \(list(chunk.count))",
                        arguments: StatementArguments(chunk))
                    rows += try Row.fetchAll(
                        db,
                        sql: "SELECT case_id, state, municipality, caseworker, course_number, course_end, version, last_event_at FROM cases WHERE case_id IN \(list(chunk.count))",
                        arguments: StatementArguments(chunk))
                    start += chunk.count
                }
                return rows
            }
            blackHole(rows)
        }
        benchmark.stopMeasurement()
    }

    // overdue: the due-time index, most overdue first, streamed (first page).
    Benchmark("operator: overdue (first \(OperatorFixture.pageSize))", configuration: config) { benchmark in
        let store = OperatorFixture.store()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await store.forEachDueDeadline(dueBy: OperatorFixture.now, kind: nil, limit: OperatorFixture.pageSize) {
                blackHole($0)
            }
        }
        benchmark.stopMeasurement()
        try await store.close()
    }
    Benchmark("baseline: bare SQL for overdue's rows", configuration: config) { benchmark in
        let queue = OperatorFixture.queue()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let rows = try await queue.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT case_id, kind, due_at FROM deadlines WHERE due_at <= ? ORDER BY due_at, case_id, kind LIMIT ?",
                    arguments: [OperatorFixture.now.secondsSinceEpoch, OperatorFixture.pageSize])
            }
            blackHole(rows)
        }
        benchmark.stopMeasurement()
    }

    // overdue --kind: one kind's rows from the (kind, due_at) index (first page).
    Benchmark("operator: overdue --kind plan_review (first \(OperatorFixture.pageSize))", configuration: config) {
        benchmark in
        let store = OperatorFixture.store()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try await store.forEachDueDeadline(
                dueBy: OperatorFixture.now, kind: .planReview, limit: OperatorFixture.pageSize
            ) { blackHole($0) }
        }
        benchmark.stopMeasurement()
        try await store.close()
    }
    Benchmark("baseline: bare SQL for overdue --kind's rows", configuration: config) { benchmark in
        let queue = OperatorFixture.queue()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let rows = try await queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT case_id, kind, due_at FROM deadlines INDEXED BY deadlines_kind_due WHERE kind = 'plan_review' AND due_at <= ? ORDER BY due_at, case_id LIMIT ?",
                    arguments: [OperatorFixture.now.secondsSinceEpoch, OperatorFixture.pageSize])
            }
            blackHole(rows)
        }
        benchmark.stopMeasurement()
    }

    // stats: the counters, this week's due rows, each window's first hour of rejections and the outbox, counted
    // up to a limit.
    Benchmark("operator: stats", configuration: config) { benchmark in
        let store = OperatorFixture.store()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await store.statistics(at: OperatorFixture.now))
        }
        benchmark.stopMeasurement()
        try await store.close()
    }
    Benchmark("baseline: bare SQL for stats' rows", configuration: config) { benchmark in
        let queue = OperatorFixture.queue()
        let t = OperatorFixture.now.secondsSinceEpoch
        let week = Int(t) / CounterChanges.bucketSeconds
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let rows = try await queue.read { db in
                var rows = try Row.fetchAll(db, sql: "SELECT state, sum(cases) FROM case_counts GROUP BY state")
                rows += try Row.fetchAll(
                    db,
                    sql: "SELECT kind, sum(CASE WHEN bucket < ? THEN deadlines ELSE 0 END), sum(deadlines) FROM deadline_counts GROUP BY kind UNION ALL SELECT kind, count(*), 0 FROM deadlines WHERE due_at >= ? AND due_at <= ? GROUP BY kind",
                    arguments: [week, week * CounterChanges.bucketSeconds, t])
                let hour = Int64(CounterChanges.rejectionBucketSeconds)
                let (day, week) = (t - 86_400, t - 7 * 86_400)
                rows += try Row.fetchAll(
                    db,
                    sql: "SELECT code, sum(CASE WHEN bucket > ? THEN rejections ELSE 0 END), sum(rejections) FROM rejection_counts WHERE bucket > ? GROUP BY code UNION ALL SELECT code, count(*), 0 FROM rejections INDEXED BY rejections_recorded WHERE recorded_at >= ? AND recorded_at < ? GROUP BY code UNION ALL SELECT code, 0, count(*) FROM rejections INDEXED BY rejections_recorded WHERE recorded_at >= ? AND recorded_at < ? GROUP BY code",
                    arguments: [day / hour, week / hour, day, (day / hour + 1) * hour, week, (week / hour + 1) * hour])
                rows += try Row.fetchAll(
                    db,
                    sql: "SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE sent_at IS NULL LIMIT ?)), (SELECT created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1)",
                    arguments: [StoreStatistics.countLimit + 1])
                rows += try Row.fetchAll(db, sql: "SELECT count(*) FROM dead_letters WHERE resolution IS NULL")
                return rows
            }
            blackHole(rows)
        }
        benchmark.stopMeasurement()
    }

    // Process start to first byte: `forloeb show CASE` as an operator types it, against starting a
    // trivial process that prints at once.
    let spawn = Benchmark.Configuration(metrics: [.wallClock], scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 50)
    Benchmark("operator: forloeb show, process start to first byte", configuration: spawn) { benchmark in
        let arguments = [OperatorFixture.executable, "show", OperatorFixture.showCase]
        let env = ["FORLOEB_STORE": "sqlite:\(OperatorFixture.path!)"]
        for _ in benchmark.scaledIterations {
            try OperatorFixture.firstByte(arguments, environment: env)
        }
    }
    Benchmark("baseline: /bin/echo, process start to first byte", configuration: spawn) { benchmark in
        for _ in benchmark.scaledIterations {
            try OperatorFixture.firstByte(["/bin/echo", "x"])
        }
    }
}
