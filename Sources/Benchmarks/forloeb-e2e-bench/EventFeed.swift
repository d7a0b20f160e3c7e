import ForloebAMQP
import ForloebCore
import Foundation

/// Pre-generated realistic events, ready to publish as a case system does: routing key = the event's type,
/// persistent, `messageId` property and the `caseId` header (the partition key).
struct EventFeed {
    /// The header the latency run sets at publish: wall-clock nanoseconds since the epoch.
    static let publishedAtHeader = "x-forloeb-published-at"

    var envelopes: [EventEnvelope]
    var bodies: [[UInt8]]

    /// `count` events of complete journeys from `CaseStreamGenerator(seed:)`, interleaved by date; the case ids carry
    /// `label` so that runs on one store never share a case.
    init(count: Int, seed: UInt64, label: String) {
        let generated = CaseStreamGenerator(seed: seed, caseIdPrefix: label).stream(cases: count / 15 + 50)
        guard generated.count >= count else { fail("the generator gave \(generated.count) events, fewer than \(count)") }
        envelopes = Array(generated.prefix(count))
        bodies = envelopes.map { [UInt8]($0.wireJSON()) }
    }

    var count: Int { envelopes.count }

    /// The mean body size in bytes: the baseline publishes messages of this size.
    var averageSize: Int { bodies.isEmpty ? 0 : bodies.reduce(0) { $0 + $1.count } / bodies.count }

    func message(_ index: Int, exchange: String, publishedAt: Int64? = nil) -> AMQPMessage {
        let envelope = envelopes[index]
        var headers: AMQPTable = [ForloebTopology.caseIDHeader: .string(envelope.caseId)]
        if let publishedAt { headers[Self.publishedAtHeader] = .int(publishedAt) }
        return AMQPMessage(
            exchange: exchange, routingKey: envelope.type.rawValue, body: bodies[index],
            properties: AMQPProperties(
                contentType: "application/json", headers: headers, deliveryMode: .persistent,
                messageID: envelope.messageId))
    }
}

/// Wall-clock nanoseconds since the epoch (the latency header's unit).
func wallNanoseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}
