import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb rejections list`: recorded rejections, newest first.
struct RejectionsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recorded rejections, newest first, by code or case.",
        discussion: """
            Every attempt is listed (a replay rejected again is attempt 2, 3, …). Example:
              forloeb rejections list --code invalid_transition --case K-2026-000105 --json
            """
    )

    @Option(help: "Only this rejection code.")
    var code: RejectionCode?

    @Option(name: .customLong("case"), help: "Only rejections recorded on this case.")
    var caseId: String?

    @Option(help: "At most this many rejections.")
    var limit: Int = 100

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Entry: Encodable {
        var messageId: String
        var caseId: String?
        var type: String
        var code: RejectionCode
        var rule: RuleID?
        var detail: String
        var attempt: Int
        var attached: Bool
        var recordedAt: Instant
    }

    struct Document: Encodable {
        var rejections: [Entry]
    }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let found = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.rejections(matching: RejectionFilter(code: code, caseId: caseId, limit: limit))
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let entries = found.map {
            Entry(
                messageId: $0.messageId, caseId: $0.event.caseId, type: $0.event.type, code: $0.code,
                rule: $0.event.rejection.rule, detail: $0.event.rejection.detail, attempt: $0.attempt,
                attached: $0.attached, recordedAt: $0.recordedAt)
        }
        if json {
            try JSONOutput.print(Document(rejections: entries))
            return
        }
        var table = TextTable("MESSAGE", "CASE", "TYPE", "CODE", "RULE", "TRY")
        for e in entries {
            // When and why under the row: the detail is a sentence.
            table.add(
                [e.messageId, e.caseId ?? "-", e.type, e.code.rawValue, e.rule?.rawValue ?? "-", String(e.attempt)],
                notes: ["\(TextTable.instant(e.recordedAt)): \(e.detail)"], style: e.attached ? nil : .dim)
        }
        if !entries.isEmpty { print(table.render()) }
        print("\(entries.count) rejection(s).")
    }
}
