/// A value in an AMQP field table: message headers and queue, exchange or binding arguments.
///
/// Why an enum with literals: arguments read as data (`["x-message-ttl": 10_000, "x-queue-type": "quorum"]`)
/// and headers that RabbitMQ adds (`x-death`: an array of tables) decode without loss.
public enum AMQPFieldValue: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case double(Double)
    /// Seconds since 1970, as AMQP's timestamp field.
    case timestamp(UInt64)
    case bytes([UInt8])
    case array([AMQPFieldValue])
    case table([String: AMQPFieldValue])
    case void

    /// The value as text when it is a string (or UTF-8 bytes).
    public var stringValue: String? {
        switch self {
        case .string(let text): text
        case .bytes(let bytes): String(validating: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// The value as an integer when it is one.
    public var intValue: Int64? {
        if case .int(let value) = self { return value }
        if case .timestamp(let value) = self { return Int64(exactly: value) }
        return nil
    }
}

/// A field table: message headers or declaration arguments.
public typealias AMQPTable = [String: AMQPFieldValue]

extension AMQPFieldValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
}
