import CRabbitMQ

/// The basic properties of a message: the parts of AMQP's content header forloeb uses.
public struct AMQPProperties: Sendable, Hashable {
    public var contentType: String?
    public var contentEncoding: String?
    public var headers: AMQPTable
    public var deliveryMode: AMQPDeliveryMode?
    public var priority: UInt8?
    public var correlationID: String?
    public var replyTo: String?
    /// Per-message TTL in milliseconds, as text (AMQP's `expiration`).
    public var expiration: String?
    /// Makes delivery idempotent: CONTRACT.md's `messageId`.
    public var messageID: String?
    /// Seconds since 1970.
    public var timestamp: UInt64?
    public var type: String?
    public var appID: String?

    public init(
        contentType: String? = nil,
        contentEncoding: String? = nil,
        headers: AMQPTable = [:],
        deliveryMode: AMQPDeliveryMode? = nil,
        priority: UInt8? = nil,
        correlationID: String? = nil,
        replyTo: String? = nil,
        expiration: String? = nil,
        messageID: String? = nil,
        timestamp: UInt64? = nil,
        type: String? = nil,
        appID: String? = nil
    ) {
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.headers = headers
        self.deliveryMode = deliveryMode
        self.priority = priority
        self.correlationID = correlationID
        self.replyTo = replyTo
        self.expiration = expiration
        self.messageID = messageID
        self.timestamp = timestamp
        self.type = type
        self.appID = appID
    }
}

extension AMQPProperties {
    /// Copies the properties out of a received content header.
    init(_ raw: amqp_basic_properties_t) {
        let flags = raw._flags
        func has(_ flag: Int32) -> Bool { flags & amqp_flags_t(flag) != 0 }
        self.init(
            contentType: has(AMQP_BASIC_CONTENT_TYPE_FLAG) ? CBytes.string(raw.content_type) : nil,
            contentEncoding: has(AMQP_BASIC_CONTENT_ENCODING_FLAG) ? CBytes.string(raw.content_encoding) : nil,
            headers: has(AMQP_BASIC_HEADERS_FLAG) ? CTable.decode(raw.headers) : [:],
            deliveryMode: has(AMQP_BASIC_DELIVERY_MODE_FLAG) ? AMQPDeliveryMode(rawValue: raw.delivery_mode) : nil,
            priority: has(AMQP_BASIC_PRIORITY_FLAG) ? raw.priority : nil,
            correlationID: has(AMQP_BASIC_CORRELATION_ID_FLAG) ? CBytes.string(raw.correlation_id) : nil,
            replyTo: has(AMQP_BASIC_REPLY_TO_FLAG) ? CBytes.string(raw.reply_to) : nil,
            expiration: has(AMQP_BASIC_EXPIRATION_FLAG) ? CBytes.string(raw.expiration) : nil,
            messageID: has(AMQP_BASIC_MESSAGE_ID_FLAG) ? CBytes.string(raw.message_id) : nil,
            timestamp: has(AMQP_BASIC_TIMESTAMP_FLAG) ? raw.timestamp : nil,
            type: has(AMQP_BASIC_TYPE_FLAG) ? CBytes.string(raw.type) : nil,
            appID: has(AMQP_BASIC_APP_ID_FLAG) ? CBytes.string(raw.app_id) : nil
        )
    }

    /// The C form, with every string copied into `arena` (valid until the arena is freed).
    func raw(in arena: CArena) -> amqp_basic_properties_t {
        var raw = amqp_basic_properties_t()
        var flags: Int32 = 0
        func set(_ text: String?, _ flag: Int32, _ field: WritableKeyPath<amqp_basic_properties_t, amqp_bytes_t>) {
            guard let text else { return }
            raw[keyPath: field] = arena.bytes(text)
            flags |= flag
        }
        set(contentType, AMQP_BASIC_CONTENT_TYPE_FLAG, \.content_type)
        set(contentEncoding, AMQP_BASIC_CONTENT_ENCODING_FLAG, \.content_encoding)
        set(correlationID, AMQP_BASIC_CORRELATION_ID_FLAG, \.correlation_id)
        set(replyTo, AMQP_BASIC_REPLY_TO_FLAG, \.reply_to)
        set(expiration, AMQP_BASIC_EXPIRATION_FLAG, \.expiration)
        set(messageID, AMQP_BASIC_MESSAGE_ID_FLAG, \.message_id)
        set(type, AMQP_BASIC_TYPE_FLAG, \.type)
        set(appID, AMQP_BASIC_APP_ID_FLAG, \.app_id)
        if !headers.isEmpty {
            raw.headers = arena.table(headers)
            flags |= AMQP_BASIC_HEADERS_FLAG
        }
        if let deliveryMode {
            raw.delivery_mode = deliveryMode.rawValue
            flags |= AMQP_BASIC_DELIVERY_MODE_FLAG
        }
        if let priority {
            raw.priority = priority
            flags |= AMQP_BASIC_PRIORITY_FLAG
        }
        if let timestamp {
            raw.timestamp = timestamp
            flags |= AMQP_BASIC_TIMESTAMP_FLAG
        }
        raw._flags = amqp_flags_t(flags)
        return raw
    }
}
