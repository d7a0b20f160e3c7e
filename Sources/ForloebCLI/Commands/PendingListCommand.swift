import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb pending list`: the actions waiting for approval (and, with `--all`, those approved).
struct PendingListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List pending actions, oldest first.",
        discussion: "Example: forloeb pending list --all --json"
    )

    @Flag(help: "Include approved actions.")
    var all = false

    @Option(help: "At most this many actions.")
    var limit: Int = 1000

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Entry: Encodable {
        var id: Int64
        var verb: String
        var arguments: String
        var requestedBy: String
        var requestedName: String?
        var reason: String
        var createdAt: Instant
        var status: String
        var approvedBy: String?
        var approvedName: String?
        var approvalReason: String?
        var approvedAt: Instant?

        init(_ action: PendingAction) {
            id = action.id
            verb = action.verb.rawValue
            arguments = action.arguments
            requestedBy = action.requestedBy
            requestedName = action.requestedName.isEmpty ? nil : action.requestedName
            reason = action.reason
            createdAt = action.createdAt
            status = action.status.rawValue
            approvedBy = action.approvedBy
            approvedName = action.approvedName.flatMap { $0.isEmpty ? nil : $0 }
            approvalReason = action.approvalReason
            approvedAt = action.approvedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, verb, arguments, requestedBy, requestedName, reason, createdAt, status, approvedBy, approvedName,
                approvalReason, approvedAt
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(verb, forKey: .verb)
            try c.encode(arguments, forKey: .arguments)
            try c.encode(requestedBy, forKey: .requestedBy)
            try c.encode(requestedName, forKey: .requestedName)
            try c.encode(reason, forKey: .reason)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(status, forKey: .status)
            try c.encode(approvedBy, forKey: .approvedBy)
            try c.encode(approvedName, forKey: .approvedName)
            try c.encode(approvalReason, forKey: .approvalReason)
            try c.encode(approvedAt, forKey: .approvedAt)
        }
    }

    struct Document: Encodable {
        var pendingActions: [Entry]
    }

    func run() async throws {
        let actions = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.pendingActions(includeApproved: all, limit: limit)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let entries = actions.map(Entry.init)
        if json {
            try JSONOutput.print(Document(pendingActions: entries))
            return
        }
        var table = TextTable("ID", "VERB", "ARGUMENTS", "REQUESTED BY", "AT", "REASON", "STATUS")
        for e in entries {
            let who = e.requestedName.map { "\(e.requestedBy) (\($0))" } ?? e.requestedBy
            let status = e.approvedBy.map { "approved by \($0)" } ?? e.status
            table.add([String(e.id), e.verb, e.arguments, who, e.createdAt.description, e.reason, status])
        }
        if !entries.isEmpty { print(table.render()) }
        print("\(entries.count) \(all ? "" : "pending ")action\(entries.count == 1 ? "" : "s").")
    }
}
