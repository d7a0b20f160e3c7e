import CRabbitMQ

/// Copies between Swift values and librabbitmq's `amqp_bytes_t` (pointer + length, not NUL-terminated).
///
/// Why copies: `amqp_bytes_t` handed out by the library points into its frame pools, which the next
/// `amqp_maybe_release_buffers` or `amqp_destroy_message` frees; nothing pointing there may outlive the call.
enum CBytes {
    static func string(_ bytes: amqp_bytes_t) -> String {
        guard bytes.len > 0, let base = bytes.bytes else { return "" }
        let buffer = UnsafeRawBufferPointer(start: base, count: bytes.len)
        return String(decoding: buffer, as: UTF8.self)
    }

    static func array(_ bytes: amqp_bytes_t) -> [UInt8] {
        guard bytes.len > 0, let base = bytes.bytes else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: bytes.len))
    }

    /// `nil` for an absent (empty, null) byte string.
    static func optionalString(_ bytes: amqp_bytes_t) -> String? {
        bytes.bytes == nil ? nil : string(bytes)
    }
}
