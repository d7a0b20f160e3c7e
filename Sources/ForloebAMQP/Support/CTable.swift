import CRabbitMQ

/// Decodes librabbitmq field tables into Swift values (copying everything out of the library's pools).
///
/// Tables and arrays nested deeper than `maximumDepth` are read as `.void`: a header is the sender's to shape,
/// and a table nested 10,000 levels deep would otherwise recurse here (and again wherever the value is copied,
/// compared or freed) until the thread's stack runs out, killing the worker on every redelivery. No header the
/// contract or the broker uses nests deeper than three (`x-death`: an array of tables of arrays).
enum CTable {
    static let maximumDepth = 16

    static func decode(_ table: amqp_table_t, depth: Int = 0) -> AMQPTable {
        var fields: AMQPTable = [:]
        guard table.num_entries > 0, let entries = table.entries else { return fields }
        for index in 0..<Int(table.num_entries) {
            let entry = entries[index]
            fields[CBytes.string(entry.key)] = decode(entry.value, depth: depth + 1)
        }
        return fields
    }

    static func decode(_ value: amqp_field_value_t, depth: Int) -> AMQPFieldValue {
        let kind = UInt32(value.kind)
        if depth >= maximumDepth, kind == AMQP_FIELD_KIND_TABLE.rawValue || kind == AMQP_FIELD_KIND_ARRAY.rawValue {
            return .void
        }
        return switch kind {
        case AMQP_FIELD_KIND_UTF8.rawValue: .string(CBytes.string(value.value.bytes))
        case AMQP_FIELD_KIND_BYTES.rawValue: .bytes(CBytes.array(value.value.bytes))
        case AMQP_FIELD_KIND_BOOLEAN.rawValue: .bool(value.value.boolean != 0)
        case AMQP_FIELD_KIND_I8.rawValue: .int(Int64(value.value.i8))
        case AMQP_FIELD_KIND_U8.rawValue: .int(Int64(value.value.u8))
        case AMQP_FIELD_KIND_I16.rawValue: .int(Int64(value.value.i16))
        case AMQP_FIELD_KIND_U16.rawValue: .int(Int64(value.value.u16))
        case AMQP_FIELD_KIND_I32.rawValue: .int(Int64(value.value.i32))
        case AMQP_FIELD_KIND_U32.rawValue: .int(Int64(value.value.u32))
        case AMQP_FIELD_KIND_I64.rawValue: .int(value.value.i64)
        case AMQP_FIELD_KIND_U64.rawValue: .int(Int64(truncatingIfNeeded: value.value.u64))
        case AMQP_FIELD_KIND_F32.rawValue: .double(Double(value.value.f32))
        case AMQP_FIELD_KIND_F64.rawValue: .double(value.value.f64)
        case AMQP_FIELD_KIND_TIMESTAMP.rawValue: .timestamp(value.value.u64)
        case AMQP_FIELD_KIND_TABLE.rawValue: .table(decode(value.value.table, depth: depth))
        case AMQP_FIELD_KIND_ARRAY.rawValue: .array(decode(value.value.array, depth: depth))
        case AMQP_FIELD_KIND_DECIMAL.rawValue:
            .double(Double(value.value.decimal.value) / pow10(Int(value.value.decimal.decimals)))
        default: .void
        }
    }

    static func decode(_ array: amqp_array_t, depth: Int) -> [AMQPFieldValue] {
        guard array.num_entries > 0, let entries = array.entries else { return [] }
        return (0..<Int(array.num_entries)).map { decode(entries[$0], depth: depth + 1) }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return result
    }
}
