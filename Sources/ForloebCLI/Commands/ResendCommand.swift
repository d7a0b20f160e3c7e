import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb resend`: queue a case's notifications again, with their deterministic ids.
struct ResendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend",
        abstract: "Re-emit a case's sent notifications or reminders (same message ids, so receivers deduplicate).",
        discussion: """
            The sent outbox rows are marked pending again, audited in the same transaction; the worker's relay
            publishes them. --kind is a routing key (state.changed, deadline.reminder, deadline.overdue,
            event.rejected) or a deadline kind (decision_due, …: that deadline's reminders and overdue notices).
            Exit 1 when the case is unknown or nothing matched. Example:
              forloeb resend K-2026-000123 --kind decision_due --operator jdoe --reason "case system lost it"
            """
    )

    @Argument(help: "The case id.")
    var caseId: String

    @Option(help: "A routing key or a deadline kind (default: every notification about the case).")
    var kind: String?

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var operatorOptions: OperatorOptions

    func validate() throws {
        if let kind {
            let routingKeys = ["state.changed", "deadline.reminder", "deadline.overdue", "event.rejected"]
            guard routingKeys.contains(kind) || DeadlineKind(rawValue: kind) != nil else {
                throw ValidationError(
                    "--kind must be a routing key (\(routingKeys.joined(separator: ", "))) or a deadline kind")
            }
        }
    }

    func run() async throws {
        let who = try operatorOptions.required()
        let now = try CommandClock.now()
        let (requeued, matched) = try await storeOptions.withStoreToMend("resend") { store in
            do {
                guard try await store.snapshots([caseId])[caseId] != nil else {
                    throw CommandFailure.notFound("no case \(caseId) in \(store.url.redacted)")
                }
                let matched = try await store.outbox(caseId: caseId).filter(matches)
                guard !matched.isEmpty else {
                    throw CommandFailure.notFound(
                        "case \(caseId) has no notification\(kind.map { " of kind \($0)" } ?? "") to resend")
                }
                let audit = AuditEntry(
                    operatorId: who.operatorId, at: now, action: "resend", caseId: caseId, reason: who.reason,
                    detail: ReplayResult.auditDetail([
                        "kind": kind ?? "all", "messageIds": matched.map(\.messageId).joined(separator: ","),
                    ]))
                return (try await store.requeueOutbox(matched.map(\.id), audit: audit), matched)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        var table = TextTable("MESSAGE", "ROUTING KEY", "WAS")
        for m in matched {
            table.add([m.messageId, m.routingKey, m.sentAt == nil ? "still pending" : "sent \(m.sentAt!)"])
        }
        print(table.render())
        print(
            "\(requeued) notification(s) queued again for case \(caseId) (\(matched.count - requeued) were still pending), audited."
        )
    }

    private func matches(_ message: OutboxMessage) -> Bool {
        guard let kind else { return true }
        if kind.contains(".") { return message.routingKey == kind }
        guard message.routingKey.hasPrefix("deadline."),
            let object = try? JSONSerialization.jsonObject(with: message.body) as? [String: Any]
        else { return false }
        return object["kind"] as? String == kind
    }
}
