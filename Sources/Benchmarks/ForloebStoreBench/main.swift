import ForloebCore
import ForloebPostgres
import ForloebSQLite
import ForloebStore
import ForloebWorkflows
import Foundation
import Logging
import PostgresNIO

// forloeb-bench: the durable store's figures for BENCHMARKS.md, with plain wall-clock timing.
//
//   swift build -c release --product forloeb-bench
//   FORLOEB_BENCH_POSTGRES_URL=$(scripts/postgres.sh url) .build/release/forloeb-bench \
//       [--cases 1000000] [--folder DIR] [--only throughput|deadlines|size]
//
// (The PostgreSQL URL comes from the environment only, never argv; without it PostgreSQL is skipped.) Each figure is
// measured next to its baseline in the same run on the same database: durable events per second through
// `CaseStore.apply` against bare inserts of the same events, in the same number per transaction.

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let openCases = Int(option("--cases") ?? "") ?? 1_000_000
/// `--only throughput|deadlines|size` runs one part.
let only = option("--only")
func runs(_ part: String) -> Bool { only == nil || only == part }
let folder = option("--folder") ?? FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-bench").path
let postgresURL = ProcessInfo.processInfo.environment["FORLOEB_BENCH_POSTGRES_URL"]
/// Writes a line at once (unbuffered), so that a long run shows its progress.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

let journey = try WorkflowLoader.load(directory: WorkflowLoader.sourceTreeDirectory).journey
let now = Instant(rfc3339: "2026-11-23T10:00:00Z")!
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A benchmark target: a fresh database of one back end, its store and its raw access.
struct Target {
    var name: String
    var open: (_ label: String) async throws -> (any CaseStore, any RawDatabase)
}

var targets: [Target] = [
    Target(name: "SQLite (WAL, synchronous=FULL, the default)") { label in
        let path = folder + "/\(label)-full.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try SQLiteCaseStore(path: path, durability: .full)
        _ = try await store.migrate()
        return (store, try SQLiteRaw(path: path, durability: .full))
    },
    Target(name: "SQLite (WAL, synchronous=NORMAL)") { label in
        let path = folder + "/\(label)-normal.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try SQLiteCaseStore(path: path, durability: .normal)
        _ = try await store.migrate()
        return (store, try SQLiteRaw(path: path, durability: .normal))
    },
]
if let postgresURL, case .postgres(let base) = try StoreURL(parsing: postgresURL) {
    targets.append(
        Target(name: "PostgreSQL 15 (fsync on, synchronous_commit on)") { label in
            var address = base
            address.database = "forloeb_bench_\(label)"
            try await admin(base, "DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)")
            try await admin(base, "CREATE DATABASE \(address.database)")
            let store = PostgresCaseStore(address)
            _ = try await store.migrate()
            return (store, try await PostgresRaw(address))
        })
}

/// Removes a benchmark database once its figures are taken (a million cases take gigabytes).
func discard(_ url: StoreURL) async throws {
    switch url {
    case .sqlite(let path):
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    case .postgres(let address):
        try await admin(address, "DROP DATABASE IF EXISTS \(address.database) WITH (FORCE)")
    }
}

func admin(_ address: StoreURL.PostgresAddress, _ sql: String) async throws {
    let connection = try await PostgresConnection.connect(
        configuration: .init(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: "postgres", tls: .disable),
        id: 9, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "bench"))
    try await connection.close()
}

// MARK: 1. Durable events per second against bare inserts

if runs("throughput") {
    emit("## Durable events per second (events per transaction: store vs bare inserts of the same events)\n")
    emit("| back end | events/tx | events | store events/s | bare inserts rows/s | ratio |")
    emit("| --- | ---: | ---: | ---: | ---: | ---: |")
    let sizes: [(perTransaction: Int, events: Int)] = [(1, 2_000), (10, 10_000), (100, 40_000)]
    for target in targets {
        for (perTransaction, count) in sizes {
            let (store, raw) = try await target.open("tx\(perTransaction)")
            let bodies = CaseStreamGenerator(seed: 42, caseIdPrefix: "S\(perTransaction)")
                .stream(cases: count / 15 + 50).prefix(count).map { $0.wireJSON() }
            let messages = bodies.map { InboundMessage(body: $0) }
            var applied = 0
            let storeTime = try await clock.measure {
                var start = 0
                while start < messages.count {
                    let end = min(start + perTransaction, messages.count)
                    for outcome in try await store.apply(Array(messages[start..<end]), journey: journey, at: now) {
                        if case .applied = outcome { applied += 1 }
                    }
                    start = end
                }
            }
            precondition(applied == messages.count, "every generated event should apply")
            try await raw.createRawTable()
            let rows = zip(messages.map(\.messageId), bodies.map { String(decoding: $0, as: UTF8.self) }).map {
                ($0, $1)
            }
            let rawTime = try await clock.measure {
                var start = 0
                while start < rows.count {
                    let end = min(start + perTransaction, rows.count)
                    try await raw.insertRaw(Array(rows[start..<end]))
                    start = end
                }
            }
            let storeRate = Double(count) / seconds(storeTime)
            let rawRate = Double(count) / seconds(rawTime)
            emit(
                "| \(target.name) | \(perTransaction) | \(count) | \(Int(storeRate)) | \(Int(rawRate)) | "
                    + String(format: "%.2f", storeRate / rawRate) + " |")
            try await store.close()
            try await raw.close()
            try await discard(store.url)
        }
    }

}

// MARK: 2. Finding 10,000 due deadlines among a million open cases

if runs("deadlines") {
    emit("\n## Finding 10,000 due deadlines among \(openCases) open cases (4 open deadlines each)\n")
    emit("| back end | seeding | due query (median of 5) | rows | full scan of the deadlines table |")
    emit("| --- | ---: | ---: | ---: | ---: |")
    let sampleSnapshot: String = {
        var book = CaseBook(journey: journey)
        for envelope in CaseStreamGenerator(seed: 3, until: CivilDate(iso: "2022-09-01")).journey(0) {
            book.ingest(envelope)
        }
        return book.cases.values.first!.canonicalJSON()
    }()
    for target in targets where !target.name.contains("NORMAL") {
        let (store, raw) = try await target.open("deadlines")
        let seeding = try await clock.measure {
            try await raw.seedOpenCases(
                openCases, snapshot: sampleSnapshot,
                kinds: ["followup", "course_end", "plan_review", "next_step_referral"])
        }
        let t = Instant(secondsSinceEpoch: try await raw.nthDueAt(10_000))
        var times: [Double] = []
        var found = 0
        for _ in 0..<5 {
            let elapsed = try await clock.measure {
                found = try await store.dueDeadlines(dueBy: t, limit: 1_000_000).count
            }
            times.append(seconds(elapsed))
        }
        var total = 0
        let scan = try await clock.measure { total = try await raw.countAllDeadlines() }
        let median = times.sorted()[2]
        emit(
            "| \(target.name) | \(String(format: "%.1f s", seconds(seeding))) | \(String(format: "%.1f ms", median * 1000)) | "
                + "\(found) | \(String(format: "%.0f ms", seconds(scan) * 1000)) (\(total) rows) |")
        try await store.close()
        try await raw.close()
        try await discard(store.url)
    }

}

// MARK: 3. Bytes on disk per case

if runs("size") {
    emit("\n## Size on disk per case (complete generated journeys, every event, snapshot, deadline and notification)\n")
    emit("| back end | cases | events | bytes/case | bytes/event |")
    emit("| --- | ---: | ---: | ---: | ---: |")
    let sizeCases = 5_000
    let journeys = CaseStreamGenerator(seed: 77, caseIdPrefix: "D").stream(cases: sizeCases).map { $0.wireJSON() }
    for target in targets where !target.name.contains("NORMAL") {
        let (store, raw) = try await target.open("size")
        let empty = try await raw.bytesOnDisk()
        var start = 0
        while start < journeys.count {
            let end = min(start + 500, journeys.count)
            _ = try await store.apply(journeys[start..<end].map { InboundMessage(body: $0) }, journey: journey, at: now)
            start = end
        }
        let counts = try await store.counts()
        let bytes = try await raw.bytesOnDisk() - empty
        emit(
            "| \(target.name) | \(counts.cases) | \(counts.events) | \(bytes / counts.cases) | \(bytes / counts.events) |"
        )
        try await store.close()
        try await raw.close()
        try await discard(store.url)
    }
}
