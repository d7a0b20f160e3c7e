import ArgumentParser
import ForloebAMQP
import ForloebCore
import ForloebStore
import ForloebViews
import Foundation

/// `forloeb dead-letters drop`: settle dead letters without applying them, audited; more than one waits for a
/// second operator's approval (four eyes).
struct DeadLettersDropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Mark dead letters dropped (kept for the record, never applied), audited.",
        discussion: """
            One dead letter is dropped at once. Several are a bulk action: they become a pending action that
            another operator approves with `forloeb approve ID --reason TEXT` (four eyes); its id is printed.
            Example:
              forloeb dead-letters drop 7 --operator jdoe --reason "test message from the vendor"
              forloeb dead-letters drop 7 8 9 --reason "the vendor's test run"     # pending until approved
            """
    )

    @Argument(help: "The dead letters' ids (from `dead-letters list`).")
    var ids: [Int64]

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @OptionGroup var amqpOptions: AMQPOptions

    @Option(help: .hidden)
    var prefix = "forloeb"

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("name at least one dead letter") }
    }

    func run() async throws {
        let who = try operatorOptions.required()
        let now = try CommandClock.now()
        try await storeOptions.withStoreToMend("dead-letters drop") { store in
            let unique = ids.reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
            guard unique.count > 1 else {
                try await Self.drop(
                    unique, store: store, displayName: who.operatorId, reason: who.reason, now: now, origin: [:],
                    amqp: amqpOptions, prefix: prefix)
                return
            }
            // Four eyes: every letter must exist and be open now, then the drop waits for a second identity.
            for id in unique {
                let letter = try await DeadLetterView.find(id, in: store)
                guard letter.resolution == nil else {
                    throw CommandFailure.notFound("dead letter \(id) was already settled")
                }
            }
            let action: PendingAction
            do {
                action = try await store.requestAction(
                    .deadLettersDrop, arguments: PendingArguments.encode(PendingArguments.Drop(deadLetters: unique)),
                    displayName: who.operatorId, reason: who.reason, at: now)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
            print(
                """
                pending action \(action.id): drop of \(unique.count) dead letters (\(unique.map(String.init).joined(separator: ", "))), \
                requested by \(action.requestedBy), audited.
                Nothing is dropped yet: another operator approves it with `forloeb approve \(action.id) --reason TEXT` (four eyes).
                """)
        }
    }

    /// Drops `ids`, each audited in its own transaction (with `origin`'s fields in the detail: the pending action
    /// an approval ran), then removes the broker's copies when a broker is configured.
    static func drop(
        _ ids: [Int64], store: any CaseStore, displayName: String, reason: String, now: Instant,
        origin: [String: String], amqp: AMQPOptions, prefix: String
    ) async throws {
        var dropped: [DeadLetter] = []
        for id in ids {
            let letter = try await DeadLetterView.find(id, in: store)
            let audit = AuditEntry(
                operatorId: displayName, at: now, action: "dead-letter.drop", reason: reason,
                detail: ReplayResult.auditDetail(
                    origin.merging(["deadLetter": String(id), "messageId": letter.messageId]) { $1 }))
            let settled: Bool
            do {
                settled = try await store.resolveDeadLetter(id, as: .dropped, at: now, audit: audit)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
            guard settled else {
                throw CommandFailure.notFound("dead letter \(id) was already settled")
            }
            print("dropped dead letter \(id) (\(letter.messageId)), audited.")
            dropped.append(letter)
        }
        // The store's settlements are committed and reported; now the broker's copies, when one is configured.
        let sweeper = DeadLetterQueueSweeper(amqp: amqp, prefix: prefix)
        for letter in dropped {
            if let swept = try await sweeper.remove(body: letter.body) {
                print(queueNote(swept, prefix: prefix))
            }
        }
    }

    /// What the operator is told about the broker's copy.
    static func queueNote(_ removed: Bool, prefix: String) -> String {
        removed
            ? "removed its copy from \(prefix).events.dead."
            : "no copy in \(prefix).events.dead (already consumed, or it never reached the broker)."
    }
}
