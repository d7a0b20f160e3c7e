import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb approve`: a second operator approves a pending action, which then runs (four eyes).
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a pending action of another operator, and run it (four eyes).",
        discussion: """
            The approval is recorded in the audit chain under your identity, then the action runs and is audited
            as if you ran it, with the pending action's id in its detail. The identity that requested an action
            cannot approve it (exit 4). The approval is committed before the action runs: should the action then
            fail (a dead letter settled meanwhile: exit 1), the approval stays recorded and the audit log shows
            what ran. Example:
              forloeb pending list
              forloeb approve 3 --reason "checked the list of dead letters with jdoe"
            """
    )

    @Argument(help: "The pending action's id (from `pending list`).")
    var id: Int64

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @OptionGroup var amqpOptions: AMQPOptions

    @Option(help: .hidden)
    var prefix = "forloeb"

    func run() async throws {
        let who = try operatorOptions.required()
        let now = try CommandClock.now()
        try await storeOptions.withStoreToMend("approve") { store in
            let action: PendingAction
            do {
                action = try await store.approveAction(id, displayName: who.operatorId, reason: who.reason, at: now)
            } catch let error as StoreError where error.code == .notFound {
                throw CommandFailure.notFound(error.message)
            } catch let error as StoreError where error.code == .notPermitted && error.message.contains("four eyes") {
                // The identity that asked cannot approve (on PostgreSQL the trigger says the same).
                let identity = (try? await store.identity()) ?? "unknown"
                throw Permission.ownApproval(id, identity: identity, message: error.message)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
            print(
                "approved pending action \(action.id) (\(action.verb.rawValue), requested by \(action.requestedBy)); running it."
            )
            let origin = ["pendingAction": String(action.id), "requestedBy": action.requestedBy]
            switch action.verb {
            case .deadLettersDrop:
                let ids = try PendingArguments.deadLetterIds(action.arguments)
                try await DeadLettersDropCommand.drop(
                    ids, store: store, displayName: who.operatorId, reason: who.reason, now: now, origin: origin,
                    amqp: amqpOptions, prefix: prefix)
            case .rebuild:
                let workflow = try PendingArguments.workflow(action.arguments)
                try await RebuildCommand.rebuildNow(
                    store: store, workflow: workflow, displayName: who.operatorId, reason: who.reason, now: now,
                    origin: origin, json: false)
            }
        }
    }
}
