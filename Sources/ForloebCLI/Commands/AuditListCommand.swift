import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb audit list`: who did what, when and why.
struct AuditListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List audit entries, oldest first, optionally for one case.",
        discussion: """
            IDENTITY is who the system vouches for (PostgreSQL: the role the connection authenticated as; SQLite: the
            operating-system user); OPERATOR is the display name given with --operator, if any ("-": none, or a
            record written before identities were recorded).
            Example: forloeb audit list --case K-2026-000105 --json
            """
    )

    @Option(name: .customLong("case"), help: "Only entries about this case.")
    var caseId: String?

    @Option(help: "At most this many entries.")
    var limit: Int = 1000

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Entry: Encodable {
        var sequence: Int64
        var at: Instant
        /// Who the system vouches for; `nil` in records written before forloeb recorded it.
        var identity: String?
        /// The display name given with `--operator`; `nil` when none was given.
        var operatorId: String?
        var action: String
        var caseId: String?
        var reason: String
        var detail: String
        var hash: String

        enum CodingKeys: String, CodingKey {
            case sequence, at, identity, operatorId = "operator", action, caseId, reason, detail, hash
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sequence, forKey: .sequence)
            try c.encode(at, forKey: .at)
            try c.encode(identity, forKey: .identity)
            try c.encode(operatorId, forKey: .operatorId)
            try c.encode(action, forKey: .action)
            try c.encode(caseId, forKey: .caseId)
            try c.encode(reason, forKey: .reason)
            try c.encode(detail, forKey: .detail)
            try c.encode(hash, forKey: .hash)
        }
    }

    struct Document: Encodable {
        var entries: [Entry]
    }

    func run() async throws {
        let records = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.auditLog(caseId: caseId, limit: limit)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let entries = records.map {
            Entry(
                sequence: $0.sequence, at: $0.entry.at, identity: $0.entry.identity,
                operatorId: $0.entry.operatorId.isEmpty ? nil : $0.entry.operatorId, action: $0.entry.action,
                caseId: $0.entry.caseId, reason: $0.entry.reason, detail: $0.entry.detail, hash: $0.hash)
        }
        if json {
            try JSONOutput.print(Document(entries: entries))
            return
        }
        var table = TextTable("#", "AT", "IDENTITY", "OPERATOR", "ACTION", "CASE")
        for e in entries {
            // The reason and detail are sentences: each on its own lines under the row.
            table.add(
                [
                    String(e.sequence), TextTable.instant(e.at), e.identity ?? "-", e.operatorId ?? "-", e.action,
                    e.caseId ?? "-",
                ],
                notes: ["reason: \(e.reason)"] + (e.detail.isEmpty ? [] : ["detail: \(e.detail)"]))
        }
        if !entries.isEmpty { print(table.render()) }
        print("\(entries.count) audit entr\(entries.count == 1 ? "y" : "ies").")
    }
}
