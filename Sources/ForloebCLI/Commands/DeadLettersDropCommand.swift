import ArgumentParser
import ForloebAMQP
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb dead-letters drop`: settle a dead letter without applying it, audited.
struct DeadLettersDropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Mark a dead letter dropped (kept for the record, never applied), audited.",
        discussion: "Example: forloeb dead-letters drop 7 --operator jdoe --reason \"test message from the vendor\""
    )

    @Argument(help: "The dead letter's id (from `dead-letters list`).")
    var id: Int64

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @OptionGroup var amqpOptions: AMQPOptions

    @Option(help: .hidden)
    var prefix = "forloeb"

    func run() async throws {
        let who = try operatorOptions.required()
        let now = try CommandClock.now()
        let store = try await storeOptions.openToMend("dead-letters drop")
        let letter = try await DeadLetterView.find(id, in: store)
        let audit = AuditEntry(
            operatorId: who.operatorId, at: now, action: "dead-letter.drop", reason: who.reason,
            detail: ReplayResult.auditDetail(["deadLetter": String(id), "messageId": letter.messageId]))
        let dropped: Bool
        do {
            dropped = try await store.resolveDeadLetter(id, as: .dropped, at: now, audit: audit)
        } catch {
            throw CommandFailure.store(error, store.url)
        }
        try? await store.close()
        guard dropped else { throw CommandFailure.notFound("dead letter \(id) was already settled") }
        print("dropped dead letter \(id) (\(letter.messageId)), audited.")
        // The store's settlement is committed and reported; now the broker's copy, when one is configured.
        if let swept = try await DeadLetterQueueSweeper(amqp: amqpOptions, prefix: prefix).remove(body: letter.body) {
            print(Self.queueNote(swept, prefix: prefix))
        }
    }

    /// What the operator is told about the broker's copy.
    static func queueNote(_ removed: Bool, prefix: String) -> String {
        removed
            ? "removed its copy from \(prefix).events.dead."
            : "no copy in \(prefix).events.dead (already consumed, or it never reached the broker)."
    }
}
