/// forloeb's RabbitMQ topology (CONTRACT.md §1, §3, §4 and issue 4), as data.
///
/// ```
/// case systems ──► forloeb.events (topic) ──#──► forloeb.events.worker            (layout .single)
///                        │
///                        └──#──► forloeb.events.partitioned (x-consistent-hash on header caseId)
///                                   ├─1─► forloeb.events.worker.0 ┐ single-active-consumer,
///                                   └─1─► forloeb.events.worker.N ┘ worker k of N takes i % N == k
/// worker queues ──nack / dead letter / delivery limit──► forloeb.events.dlx (fanout) ──► forloeb.events.dead
/// worker ──"10s.<queue>"──► forloeb.events.retry (topic) ──► forloeb.events.retry.10s (TTL 10 s)
///        ──expires──► forloeb.events.return (topic) ──"*.<queue>"──► <queue>       (back to the same queue)
/// worker ──► forloeb.notifications (topic): state.changed, deadline.reminder, deadline.overdue, event.rejected
/// ```
///
/// Why consistent hashing for N workers: per-case order needs every event of a case in one queue with one
/// active consumer. A topic exchange cannot hash, and single-active-consumer alone gives fail-over, not
/// parallelism. The consistent-hash exchange (shipped with rabbitmq-server, plugin
/// `rabbitmq_consistent_hash_exchange`) spreads cases over N queues by the `caseId` header; each queue is also
/// single-active-consumer, so two workers that by mistake take the same partition still process it one at
/// a time. Publishers set the `caseId` header (`forloeb publish` and `Deploy/examples/publish.py` do); events
/// without it all hash alike and land in one partition (measured: the exchange hashes the missing value, it
/// does not drop the message), so nothing is lost, and the store's optimistic concurrency remains the safety
/// net for a case whose events arrive with and without the header.
///
/// Why retries go through TTL queues that dead-letter back: a transient failure (store unreachable) waits
/// 1 s, 10 s, then 60 s on the broker, never in a hot loop, and returns to the queue it came from (the routing
/// key carries the queue's name), so other consumers of `forloeb.events` never see a retry twice.
public struct ForloebTopology: Sendable, Hashable {
    /// The first word of every name: `forloeb` in production (CONTRACT.md fixes `forloeb.events` and
    /// `forloeb.notifications`); tests use a unique prefix so that they can run side by side on one broker.
    public var prefix: String
    /// Inbound events, routing key = the event's type (CONTRACT.md §1).
    public var eventsExchange: String { "\(prefix).events" }
    /// Outbound notifications (CONTRACT.md §4).
    public var notificationsExchange: String { "\(prefix).notifications" }
    /// Where worker queues dead-letter to; a fanout, so the routing key is kept as it was.
    public var deadLetterExchange: String { "\(prefix).events.dlx" }
    /// Messages that cannot be tied to a case, and those nacked without requeue (CONTRACT.md §3).
    public var deadLetterQueue: String { "\(prefix).events.dead" }
    /// The worker queue of the single layout.
    public var workerQueue: String { "\(prefix).events.worker" }
    /// The consistent-hash exchange of the partitioned layout.
    public var partitionExchange: String { "\(prefix).events.partitioned" }
    /// Where a worker sends a message to wait (routing key `<step>.<queue>`).
    public var retryExchange: String { "\(prefix).events.retry" }
    /// Where the retry queues dead-letter expired messages; routes them back to `<queue>`.
    public var returnExchange: String { "\(prefix).events.return" }
    /// The header publishers set to the event's `caseId`; the partition key.
    public static let caseIDHeader = "caseId"
    /// Headers a worker sets on a message it sends to `forloeb.events.dead` (CONTRACT.md §3).
    public static let deadLetterCodeHeader = "code"
    public static let deadLetterDetailHeader = "detail"
    /// How many times a message went through the retry queues.
    public static let attemptsHeader = "x-forloeb-attempts"

    /// One step of the retry ladder: a TTL queue named after its delay.
    public struct RetryStep: Sendable, Hashable {
        /// `1s`, `10s`, `60s`: the queue's suffix and the first word of the retry routing key.
        public var name: String
        public var milliseconds: Int

        public init(name: String, milliseconds: Int) {
            self.name = name
            self.milliseconds = milliseconds
        }

    }

    /// How the events are spread over worker queues.
    public enum Layout: Sendable, Hashable {
        /// One queue, `forloeb.events.worker`, for one worker (or several without per-case order).
        case single
        /// `count` partitions `forloeb.events.worker.<i>` behind the consistent-hash exchange.
        case partitioned(count: Int)
    }

    public var layout: Layout
    /// The type of the event, dead-letter and retry queues: quorum in production, classic where a single
    /// node's speed matters more than replication.
    public var queueKind: AMQPQueue.Kind
    public var retrySteps: [RetryStep]
    /// `x-delivery-limit` of the worker queues when they are quorum queues (classic queues have none): a message
    /// returned to its queue unacknowledged more often than this (each time a worker died, or its broker node
    /// did, while holding it) is dead-lettered to `forloeb.events.dead` instead of being delivered again. So a message
    /// that kills every worker stops after that many crashes instead of stopping every case for good. nil: none.
    ///
    /// Why 20 and not 1 or 2: a worker holds up to `prefetch` messages, and when it dies all of them come back
    /// with one more delivery, innocent or not; a graceful stop and a failover of a node the worker is not
    /// connected to count nothing. 20 leaves room for many such crashes while a backlog drains, and a poison
    /// message still ends within minutes under a supervisor that restarts the worker.
    ///
    /// nil by default: the shipped policy (`Deploy/rabbitmq/definitions-cluster.json`, `delivery-limit` 20) sets
    /// the limit, on queues declared before it existed too. As a queue argument it would make every quorum
    /// queue an earlier version declared refuse this one's declaration (`inequivalent arg`), and the upgraded
    /// worker would consume nothing.
    public var deliveryLimit: Int?

    /// The limit the shipped policy sets, and a new deployment may declare.
    public static let defaultDeliveryLimit = 20

    public static let defaultRetrySteps = [
        RetryStep(name: "1s", milliseconds: 1_000),
        RetryStep(name: "10s", milliseconds: 10_000),
        RetryStep(name: "60s", milliseconds: 60_000),
    ]

    public init(
        prefix: String = "forloeb",
        layout: Layout = .single,
        queueKind: AMQPQueue.Kind = .quorum,
        retrySteps: [RetryStep]? = nil,
        deliveryLimit: Int? = nil
    ) {
        self.prefix = prefix
        self.layout = layout
        self.queueKind = queueKind
        self.retrySteps = retrySteps ?? Self.defaultRetrySteps
        self.deliveryLimit = deliveryLimit
    }

    /// The name of partition `index`.
    public func partitionQueue(_ index: Int) -> String { "\(workerQueue).\(index)" }

    /// The TTL queue of a retry step.
    public func retryQueue(_ step: RetryStep) -> String { "\(retryExchange).\(step.name)" }

    /// Every queue a worker consumes from, over all workers.
    public var workerQueues: [String] {
        switch layout {
        case .single: [workerQueue]
        case .partitioned(let count): (0..<max(count, 1)).map(partitionQueue)
        }
    }

    /// The queues worker `index` of `workers` consumes from: partitions `i` with `i % workers == index`.
    public func queues(forWorker index: Int, of workers: Int) -> [String] {
        let all = workerQueues
        guard workers > 1 else { return all }
        return all.indices.filter { $0 % workers == index }.map { all[$0] }
    }

    /// The exchanges, queues and bindings to declare.
    public var topology: AMQPTopology {
        var exchanges = [
            AMQPExchange(eventsExchange, type: .topic),
            AMQPExchange(notificationsExchange, type: .topic),
            AMQPExchange(deadLetterExchange, type: .fanout),
            AMQPExchange(retryExchange, type: .topic),
            AMQPExchange(returnExchange, type: .topic),
        ]
        var queues = [AMQPQueue(deadLetterQueue, kind: queueKind)]
        var bindings = [AMQPBinding(from: deadLetterExchange, to: .queue(deadLetterQueue), routingKey: "")]
        switch layout {
        case .single:
            queues.append(
                AMQPQueue(
                    workerQueue, kind: queueKind, deadLetterExchange: deadLetterExchange, deliveryLimit: deliveryLimit))
            bindings.append(AMQPBinding(from: eventsExchange, to: .queue(workerQueue), routingKey: "#"))
        case .partitioned:
            exchanges.append(
                AMQPExchange(
                    partitionExchange, type: .consistentHash,
                    arguments: ["hash-header": .string(Self.caseIDHeader)]))
            bindings.append(
                AMQPBinding(from: eventsExchange, to: .exchange(partitionExchange), routingKey: "#"))
            for queue in workerQueues {
                queues.append(
                    AMQPQueue(
                        queue, kind: queueKind, deadLetterExchange: deadLetterExchange, singleActiveConsumer: true,
                        deliveryLimit: deliveryLimit))
                bindings.append(AMQPBinding(from: partitionExchange, to: .queue(queue), routingKey: "1"))
            }
        }
        for queue in workerQueues {
            bindings.append(AMQPBinding(from: returnExchange, to: .queue(queue), routingKey: "*.\(queue)"))
        }
        for step in retrySteps {
            queues.append(
                AMQPQueue(
                    retryQueue(step), kind: queueKind, deadLetterExchange: returnExchange,
                    messageTTLMilliseconds: step.milliseconds))
            bindings.append(
                AMQPBinding(from: retryExchange, to: .queue(retryQueue(step)), routingKey: "\(step.name).#"))
        }
        return AMQPTopology(exchanges: exchanges, queues: queues, bindings: bindings)
    }

    /// Declares the topology on `channel`; idempotent.
    public func declare(on channel: AMQPChannel) async throws {
        try await channel.declare(topology)
    }

    // MARK: - Messages the worker sends into the topology

    /// The message that sends `delivery` (taken from `queue`) to the next retry step, or nil when every step
    /// has been tried (then dead-letter it). Publish it, then ack the delivery.
    public func retry(_ delivery: AMQPDelivery, from queue: String) -> AMQPMessage? {
        let attempts = Int(delivery.headers[Self.attemptsHeader]?.intValue ?? 0)
        guard attempts < retrySteps.count else { return nil }
        var properties = delivery.properties
        properties.headers[Self.attemptsHeader] = .int(Int64(attempts + 1))
        properties.deliveryMode = .persistent
        return AMQPMessage(
            exchange: retryExchange, routingKey: "\(retrySteps[attempts].name).\(queue)", body: delivery.body,
            properties: properties, mandatory: true)
    }

    /// The message that sends `delivery` round the last retry step once more, its attempts as they are; nil when
    /// there are no retry steps. For a message whose retries are exhausted while the store cannot even record
    /// its dead letter: it waits on the broker instead of becoming a dead letter that only the queue knows.
    public func retryAgain(_ delivery: AMQPDelivery, from queue: String) -> AMQPMessage? {
        guard let last = retrySteps.last else { return nil }
        var properties = delivery.properties
        properties.deliveryMode = .persistent
        return AMQPMessage(
            exchange: retryExchange, routingKey: "\(last.name).\(queue)", body: delivery.body, properties: properties,
            mandatory: true)
    }

    /// The message that puts `delivery` into `forloeb.events.dead` with the rejection `code` and `detail` in
    /// headers (CONTRACT.md §3). Publish it, then ack the delivery.
    public func deadLetter(_ delivery: AMQPDelivery, code: String, detail: String) -> AMQPMessage {
        var properties = delivery.properties
        properties.headers[Self.deadLetterCodeHeader] = .string(code)
        properties.headers[Self.deadLetterDetailHeader] = .string(detail)
        properties.deliveryMode = .persistent
        return AMQPMessage(
            exchange: deadLetterExchange, routingKey: delivery.routingKey, body: delivery.body, properties: properties,
            mandatory: true)
    }
}
