import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation

/// `forloeb import`: apply a JSONL stream straight to the store through the worker's code path.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply a JSONL event stream to the store, idempotently (backfills from a legacy case system).",
        discussion: """
            Each batch is one transaction through the same code as the worker: a message already stored is a
            duplicate, so an interrupted import is simply run again. An empty database is migrated first.
            Prints a progress line on a terminal and a summary at the end. Example:
              FORLOEB_STORE=sqlite:cases.sqlite forloeb import legacy.jsonl
              forloeb simulate --cases 1000 | forloeb import -
            """
    )

    @Argument(help: "A file with one event (CONTRACT.md §1) per line; - for standard input.")
    var file: String

    @Option(help: "Events per transaction.")
    var batchSize: Int = 500

    @Flag(help: "Print the summary as one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions
    @OptionGroup var operatorOptions: OperatorOptions

    func validate() throws {
        guard batchSize >= 1 && batchSize <= 10_000 else { throw ValidationError("--batch-size must be 1…10000") }
    }

    func run() async throws {
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        let reader = try JSONLineReader(file)
        let (tally, seconds, url) = try await storeOptions.withStoreToMend("import", policy: .migrateIfEmpty) { store in
            let ingestor = BatchIngestor(store: store, journey: journey)
            let progress = ProgressLine()
            var tally = IngestTally()
            let started = Date()
            do {
                var batch = try reader.next(batchSize)
                while !batch.isEmpty {
                    let following = try reader.next(batchSize)
                    // The last batch carries the audit entry, so the import's record commits with its end.
                    var options = ApplyOptions.none
                    if following.isEmpty {
                        options.audit = AuditEntry(
                            operatorId: operatorOptions.displayName, at: now, action: "import",
                            reason: operatorOptions.reason ?? "backfill", detail: "file \(file)")
                    }
                    tally.add(try await ingestor.ingest(batch, at: now, options: options))
                    progress.update(
                        "imported \(tally.messages) messages: \(tally.applied) applied, \(tally.duplicates) duplicates, "
                            + "\(tally.rejected) rejected\(percent(reader))")
                    batch = following
                }
            } catch let error as StoreError {
                progress.finish()
                throw CommandFailure.store(error, store.url)
            }
            progress.finish()
            return (tally, Date().timeIntervalSince(started), store.url)
        }
        let summary = ImportSummary(tally: tally, seconds: seconds, store: url.redacted)
        if json {
            try JSONOutput.print(summary)
        } else {
            print(summary.text())
        }
    }

    private func percent(_ reader: JSONLineReader) -> String {
        guard let total = reader.totalBytes, total > 0 else { return "" }
        return " (\(min(100, reader.bytesRead * 100 / total))% read)"
    }
}

/// What `forloeb import` prints at the end.
struct ImportSummary: Encodable {
    var store: String
    var messages: Int
    var applied: Int
    var duplicates: Int
    var rejected: Int
    var deadLettered: Int
    var rejections: [String: Int]
    var transactions: Int
    var seconds: Double

    init(tally: IngestTally, seconds: Double, store: String) {
        self.store = store
        messages = tally.messages
        applied = tally.applied
        duplicates = tally.duplicates
        rejected = tally.rejected
        deadLettered = tally.deadLettered
        rejections = Dictionary(uniqueKeysWithValues: tally.rejectionsByCode.map { ($0.key.rawValue, $0.value) })
        transactions = tally.batches
        self.seconds = (seconds * 1000).rounded() / 1000
    }

    func text() -> String {
        var out =
            "\(messages) message(s) into \(store): \(applied) applied, \(duplicates) duplicate(s), \(rejected) rejected"
        if deadLettered > 0 { out += " (\(deadLettered) dead-lettered: no readable case id)" }
        out += "."
        if !rejections.isEmpty {
            var table = TextTable("REJECTION CODE", "COUNT")
            for (code, count) in rejections.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                table.add([code, String(count)])
            }
            out += "\n" + table.render()
        }
        return out
    }
}
