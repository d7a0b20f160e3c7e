import Foundation

extension AMQPTopology {
    /// The topology in RabbitMQ's definitions format (`rabbitmqctl import_definitions`, the management
    /// plugin's `load_definitions`), as pretty, key-sorted JSON: what `Deploy/rabbitmq/definitions.json` holds.
    public func definitionsJSON(vhost: String = "/") throws -> Data {
        func json(_ table: AMQPTable) -> [String: Any] { table.mapValues(json) }
        func json(_ value: AMQPFieldValue) -> Any {
            switch value {
            case .string(let text): text
            case .int(let number): number
            case .bool(let flag): flag
            case .double(let number): number
            case .timestamp(let seconds): seconds
            case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
            case .array(let items): items.map(json)
            case .table(let fields): json(fields)
            case .void: NSNull()
            }
        }
        let document: [String: Any] = [
            "vhosts": [["name": vhost]],
            "exchanges": exchanges.map { exchange in
                [
                    "name": exchange.name, "vhost": vhost, "type": exchange.type.rawValue, "durable": exchange.durable,
                    "auto_delete": exchange.autoDelete, "internal": exchange.internal,
                    "arguments": json(exchange.arguments),
                ] as [String: Any]
            },
            "queues": queues.map { queue in
                [
                    "name": queue.name, "vhost": vhost, "durable": queue.durable, "auto_delete": queue.autoDelete,
                    "arguments": json(queue.arguments),
                ] as [String: Any]
            },
            "bindings": bindings.map { binding in
                let type: String
                switch binding.destination {
                case .queue: type = "queue"
                case .exchange: type = "exchange"
                }
                return [
                    "source": binding.source, "vhost": vhost, "destination": binding.destination.name,
                    "destination_type": type, "routing_key": binding.routingKey, "arguments": json(binding.arguments),
                ] as [String: Any]
            },
        ]
        return try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
