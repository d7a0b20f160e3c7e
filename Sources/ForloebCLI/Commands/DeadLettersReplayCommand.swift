import ArgumentParser
import ForloebAMQP
import ForloebCore
import ForloebStore
import ForloebViews
import ForloebWorkflows
import Foundation

/// `forloeb dead-letters replay`: apply a dead letter (usually corrected) and settle it, audited.
struct DeadLettersReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Apply a dead letter again, optionally with a corrected body, and mark it replayed.",
        discussion: """
            One transaction: the message goes through the worker's code path (the law is checked as on
            delivery), the dead letter is marked replayed and the audit entry (with the dead letter's id and
            original message id: the link to the original) is written. Exit 1 when rejected again. Example:
              forloeb dead-letters replay 7 --body fixed.json --operator jdoe --reason "caseId restored"
            """
    )

    @Argument(help: "The dead letter's id (from `dead-letters list`).")
    var id: Int64

    @Option(help: "A corrected message body (JSON file; - for standard input).")
    var body: String?

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @OptionGroup var amqpOptions: AMQPOptions

    @Option(help: .hidden)
    var prefix = "forloeb"

    func run() async throws {
        let who = try operatorOptions.required()
        let corrected = try body.map(ReplayResult.readBody)
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        let (outcome, letter) = try await storeOptions.withStoreToMend("dead-letters replay") { store in
            let letter = try await DeadLetterView.find(id, in: store)
            guard letter.resolution == nil else {
                throw CommandFailure.notFound("dead letter \(id) was already \(letter.resolution!.rawValue)")
            }
            let message = InboundMessage(body: corrected ?? letter.body, isReplay: true)
            let audit = AuditEntry(
                operatorId: who.operatorId, at: now, action: "dead-letter.replay", caseId: message.caseId,
                reason: who.reason,
                detail: ReplayResult.auditDetail([
                    "deadLetter": String(id), "replayOf": letter.messageId, "messageId": message.messageId,
                    "corrected": corrected == nil ? "false" : "true",
                ]))
            do {
                let outcome = try await store.applyRetrying(
                    [message], journey: journey, at: now, options: ApplyOptions(audit: audit, resolvesDeadLetter: id))[
                        0]
                return (outcome, letter)
            } catch let error as StoreError where error.code == .notFound {
                throw CommandFailure.notFound("dead letter \(id) was settled meanwhile: \(error.message)")
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let result = ReplayResult(outcome, replayOf: letter.messageId)
        if json { try JSONOutput.print(result) } else { print(result.text()) }
        // The store's settlement is committed and reported; now the broker's copy, when one is configured.
        if let swept = try await DeadLetterQueueSweeper(amqp: amqpOptions, prefix: prefix).remove(body: letter.body),
            !json
        {
            print(DeadLettersDropCommand.queueNote(swept, prefix: prefix))
        }
        if !result.succeeded { throw ExitCode(1) }
    }
}
