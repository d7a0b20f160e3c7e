import ArgumentParser
import ForloebAMQP
import Foundation

/// `forloeb publish`: send a JSONL event stream to `forloeb.events`, as a case system does (CONTRACT.md §1, §5).
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a JSONL event stream to the forloeb.events exchange, with publisher confirms.",
        discussion: """
            Each line is sent as it is: routing key = the event's type, persistent, content type application/json,
            message id = its messageId, header caseId = its caseId (the partition key for several workers).
            Lines that are not readable events are sent too (routing key "unknown"), so that the worker's handling
            of bad input can be exercised; the worker rejects or dead-letters them.
            Messages are mandatory and confirmed in batches: the verb exits 0 only when the broker has taken
            responsibility for every line and routed it to a queue. Exit 3 when the broker cannot be reached,
            refuses a message, or no queue is bound (start a worker first, or pass --declare).
            Example:
              FORLOEB_AMQP_URL=amqp://guest:guest@127.0.0.1:25680/%2F forloeb publish Workflows/examples/sample-cases.jsonl
            """
    )

    @Argument(help: "A file with one event (CONTRACT.md §1) per line; - for standard input.")
    var file: String

    @OptionGroup var amqp: AMQPOptions

    @Option(help: "Messages per publisher-confirm round trip.")
    var batch = 100

    @Flag(help: "Declare forloeb's exchanges and queues first (as a worker does at start).")
    var declare = false

    @Option(help: "With --declare: the number of partitions (consistent-hash layout); 0 for one worker queue.")
    var partitions = 0

    @Option(help: .hidden)
    var prefix = "forloeb"

    @Flag(help: "Print one JSON document: {\"published\": N, \"exchange\": …}.")
    var json = false

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
        guard partitions >= 0 else { throw ValidationError("--partitions must not be negative") }
    }

    struct Report: Encodable {
        var published: Int
        var exchange: String
        var broker: String
    }

    func run() async throws {
        let lines = try JSONLines.read(file)
        let topology = ForloebTopology(
            prefix: prefix, layout: partitions > 0 ? .partitioned(count: partitions) : .single)
        let connection = try await amqp.connect()
        let broker = connection.url.redacted
        do {
            let channel = try await connection.openChannel(confirms: true)
            if declare { try await topology.declare(on: channel) }
            var published = 0
            for start in stride(from: 0, to: lines.count, by: batch) {
                let messages = lines[start..<min(start + batch, lines.count)].map {
                    Self.message(for: $0, exchange: topology.eventsExchange)
                }
                try await channel.publish(messages)
                published += messages.count
            }
            await connection.close()
            let report = Report(published: published, exchange: topology.eventsExchange, broker: broker)
            if json {
                try JSONOutput.print(report)
            } else {
                print("published \(published) event(s) to \(report.exchange) at \(broker)")
            }
        } catch let error as AMQPError {
            await connection.close()
            var hint = ""
            if error.code == .unroutable { hint = " (no queue is bound: start a worker first, or pass --declare)" }
            if error.replyCode == 404 {
                hint = " (the exchange does not exist: start a worker first, or pass --declare)"
            }
            throw CommandFailure.unreachable("publishing to \(broker) failed: \(error.message)\(hint)")
        }
    }

    /// The AMQP message for one line: the event's own fields set the routing key and properties.
    static func message(for line: Data, exchange: String) -> AMQPMessage {
        let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
        let type = (object?["type"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        var headers: AMQPTable = [:]
        if let caseID = object?["caseId"] as? String { headers[ForloebTopology.caseIDHeader] = .string(caseID) }
        return AMQPMessage(
            exchange: exchange, routingKey: type, body: Array(line),
            properties: AMQPProperties(
                contentType: "application/json", headers: headers, deliveryMode: .persistent,
                messageID: object?["messageId"] as? String, type: type),
            mandatory: true)
    }
}
