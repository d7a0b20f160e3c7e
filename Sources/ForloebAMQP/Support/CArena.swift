import CRabbitMQ
import Foundation

/// C memory for one call into librabbitmq: strings, tables and arrays built from Swift values, freed together.
///
/// Why an arena: `amqp_cstring_bytes("…")` on a Swift string compiles and dangles, and tables nest byte strings
/// inside entry arrays. Everything an argument needs is copied into `malloc`ed memory owned here, and `with`
/// frees it when the call returns, so no C pointer outlives the call or escapes the layer.
final class CArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    private init() {}

    /// Runs `body` with a fresh arena and frees all its memory afterwards.
    static func with<Result>(_ body: (CArena) throws -> Result) rethrows -> Result {
        let arena = CArena()
        defer { arena.free() }
        return try body(arena)
    }

    private func free() {
        for pointer in allocations { Foundation.free(pointer) }
        allocations.removeAll()
    }

    private func allocate(_ count: Int) -> UnsafeMutableRawPointer {
        let pointer = malloc(max(count, 1))!
        allocations.append(pointer)
        return pointer
    }

    /// A NUL-terminated copy, for the few functions that take `const char *`.
    func cString(_ text: String) -> UnsafePointer<CChar> {
        let utf8 = Array(text.utf8CString)
        let pointer = allocate(utf8.count).bindMemory(to: CChar.self, capacity: utf8.count)
        pointer.initialize(from: utf8, count: utf8.count)
        return UnsafePointer(pointer)
    }

    func bytes(_ text: String) -> amqp_bytes_t {
        bytes(Array(text.utf8))
    }

    func bytes(_ array: [UInt8]) -> amqp_bytes_t {
        let pointer = allocate(array.count)
        array.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return amqp_bytes_t(len: array.count, bytes: pointer)
    }

    /// A byte string that is absent on the wire when `text` is nil.
    func optionalBytes(_ text: String?) -> amqp_bytes_t {
        guard let text else { return amqp_bytes_t(len: 0, bytes: nil) }
        return bytes(text)
    }

    func table(_ fields: AMQPTable) -> amqp_table_t {
        guard !fields.isEmpty else { return amqp_table_t(num_entries: 0, entries: nil) }
        let entries = allocate(MemoryLayout<amqp_table_entry_t>.stride * fields.count)
            .bindMemory(to: amqp_table_entry_t.self, capacity: fields.count)
        // Sorted so that the same table always encodes the same way.
        for (index, key) in fields.keys.sorted().enumerated() {
            (entries + index).initialize(to: amqp_table_entry_t(key: bytes(key), value: value(fields[key]!)))
        }
        return amqp_table_t(num_entries: Int32(fields.count), entries: entries)
    }

    func value(_ field: AMQPFieldValue) -> amqp_field_value_t {
        var value = amqp_field_value_t()
        switch field {
        case .string(let text):
            value.kind = kind(AMQP_FIELD_KIND_UTF8)
            value.value.bytes = bytes(text)
        case .int(let number):
            value.kind = kind(AMQP_FIELD_KIND_I64)
            value.value.i64 = number
        case .bool(let flag):
            value.kind = kind(AMQP_FIELD_KIND_BOOLEAN)
            value.value.boolean = flag ? 1 : 0
        case .double(let number):
            value.kind = kind(AMQP_FIELD_KIND_F64)
            value.value.f64 = number
        case .timestamp(let seconds):
            value.kind = kind(AMQP_FIELD_KIND_TIMESTAMP)
            value.value.u64 = seconds
        case .bytes(let data):
            value.kind = kind(AMQP_FIELD_KIND_BYTES)
            value.value.bytes = bytes(data)
        case .array(let items):
            value.kind = kind(AMQP_FIELD_KIND_ARRAY)
            let entries = allocate(MemoryLayout<amqp_field_value_t>.stride * max(items.count, 1))
                .bindMemory(to: amqp_field_value_t.self, capacity: max(items.count, 1))
            for (index, item) in items.enumerated() { (entries + index).initialize(to: self.value(item)) }
            value.value.array = amqp_array_t(num_entries: Int32(items.count), entries: entries)
        case .table(let fields):
            value.kind = kind(AMQP_FIELD_KIND_TABLE)
            value.value.table = table(fields)
        case .void:
            value.kind = kind(AMQP_FIELD_KIND_VOID)
        }
        return value
    }

    private func kind(_ kind: amqp_field_value_kind_t) -> UInt8 { UInt8(kind.rawValue) }
}
