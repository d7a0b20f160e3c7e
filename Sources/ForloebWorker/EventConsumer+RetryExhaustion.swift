import ForloebAMQP
import ForloebStore
import Foundation
import Logging

extension EventConsumer {
    /// The `detail` of a `retry_exhausted` dead letter, in the store and in the queue's header alike.
    static let retryExhaustedDetail =
        "the store failed on every retry; replay with `forloeb dead-letters replay` once it is back"

    /// Messages back from the last retry step that the store failed to apply once more.
    ///
    /// Each becomes a `retry_exhausted` dead letter in the store first, then (`dead`) in `forloeb.events.dead`
    /// with the same message id, code and detail: the header tells the operator to run `forloeb dead-letters
    /// replay`, which works only on what the store lists (issue 17: these used to reach the queue alone).
    ///
    /// When the store cannot record them either (it is still down), they go round the last retry step again
    /// (`again`): a dead letter that only the queue knows is one no operator verb can find, whereas a message
    /// kept waiting on the broker is simply applied once the store is back.
    func retriesExhausted(_ deliveries: [AMQPDelivery]) async -> (dead: [AMQPMessage], again: [AMQPMessage]) {
        let topology = settings.topology
        let code = DeadLetterCode.retryExhausted
        var entries: [DeadLetterEntry] = []
        var dead: [AMQPMessage] = []
        for delivery in deliveries {
            let messageId = InboundMessage(body: Data(delivery.body)).messageId
            entries.append(
                DeadLetterEntry(
                    messageId: messageId, body: Data(delivery.body), code: code, detail: Self.retryExhaustedDetail))
            var letter = topology.deadLetter(delivery, code: code.rawValue, detail: Self.retryExhaustedDetail)
            letter.properties.messageID = letter.properties.messageID ?? messageId
            dead.append(letter)
        }
        do {
            let recorded = try await store.recordDeadLetters(entries, at: clock())
            logger.warning(
                "the store failed on every retry; dead-lettered as retry_exhausted",
                metadata: ["messages": "\(entries.map(\.messageId))", "recorded": "\(recorded)"])
            return (dead, [])
        } catch {
            let again = deliveries.map {
                topology.retryAgain($0, from: settings.queue)
                    ?? topology.deadLetter($0, code: code.rawValue, detail: Self.retryExhaustedDetail)
            }
            logger.error(
                "the store cannot record the dead letters of exhausted retries either; they wait another round",
                metadata: ["error": "\(error)", "store": "\(store.url)", "messages": "\(entries.count)"])
            return ([], again)
        }
    }
}
