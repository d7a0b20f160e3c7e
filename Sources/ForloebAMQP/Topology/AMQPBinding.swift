/// A binding from an exchange to a queue or to another exchange.
public struct AMQPBinding: Sendable, Hashable {
    public enum Destination: Sendable, Hashable {
        case queue(String)
        case exchange(String)

        public var name: String {
            switch self {
            case .queue(let name), .exchange(let name): name
            }
        }
    }

    public var source: String
    public var destination: Destination
    /// A topic pattern (`#`, `case.*`), a direct key, or for a consistent-hash exchange the weight ("1").
    public var routingKey: String
    public var arguments: AMQPTable

    public init(from source: String, to destination: Destination, routingKey: String, arguments: AMQPTable = [:]) {
        self.source = source
        self.destination = destination
        self.routingKey = routingKey
        self.arguments = arguments
    }
}
