import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebWorkflows
import Foundation

/// `forloeb rejections replay`: a new, audited attempt of a rejected message.
struct RejectionsReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Apply a rejected message again, as a new attempt linked to the original, audited.",
        discussion: """
            The stored body (or a corrected one from --body) goes through the worker's own code path with the
            replay flag: the law is checked exactly as on delivery. The audit entry is written in the same
            transaction. Exit 0 when accepted, 1 when rejected again or unknown. Example:
              forloeb rejections replay MSG-123 --operator jdoe --reason "the plan arrived after the review"
            """
    )

    @Argument(help: "The rejected message's id.")
    var messageId: String

    @Option(help: "A corrected message body (JSON file; - for standard input).")
    var body: String?

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workflow: WorkflowOptions
    @OptionGroup var operatorOptions: OperatorOptions

    func run() async throws {
        let who = try operatorOptions.required()
        let corrected = try body.map(ReplayResult.readBody)
        let journey = try workflow.load().journey
        let now = try CommandClock.now()
        let outcome = try await storeOptions.withStoreToMend("rejections replay") { store in
            do {
                guard let original = try await store.rejectedMessage(messageId) else {
                    throw CommandFailure.notFound("no rejected message \(messageId) in \(store.url.redacted)")
                }
                let message = InboundMessage(body: corrected ?? original.body, isReplay: true)
                let audit = AuditEntry(
                    operatorId: who.operatorId, at: now, action: "rejection.replay",
                    caseId: message.caseId ?? original.rejection.event.caseId, reason: who.reason,
                    detail: ReplayResult.auditDetail([
                        "replayOf": messageId, "originalCode": original.rejection.code.rawValue,
                        "originalAttempt": String(original.rejection.attempt), "messageId": message.messageId,
                        "corrected": corrected == nil ? "false" : "true",
                    ]))
                return try await store.applyRetrying(
                    [message], journey: journey, at: now, options: ApplyOptions(audit: audit))[0]
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let result = ReplayResult(outcome, replayOf: messageId)
        if json { try JSONOutput.print(result) } else { print(result.text()) }
        if !result.succeeded { throw ExitCode(1) }
    }
}
