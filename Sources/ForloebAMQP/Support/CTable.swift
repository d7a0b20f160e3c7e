import CRabbitMQ

/// Decodes librabbitmq field tables into Swift values (copying everything out of the library's pools).
enum CTable {
    static func decode(_ table: amqp_table_t) -> AMQPTable {
        var fields: AMQPTable = [:]
        guard table.num_entries > 0, let entries = table.entries else { return fields }
        for index in 0..<Int(table.num_entries) {
            let entry = entries[index]
            fields[CBytes.string(entry.key)] = decode(entry.value)
        }
        return fields
    }

    static func decode(_ value: amqp_field_value_t) -> AMQPFieldValue {
        switch UInt32(value.kind) {
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
        case AMQP_FIELD_KIND_TABLE.rawValue: .table(decode(value.value.table))
        case AMQP_FIELD_KIND_ARRAY.rawValue: .array(decode(value.value.array))
        case AMQP_FIELD_KIND_DECIMAL.rawValue:
            .double(Double(value.value.decimal.value) / pow10(Int(value.value.decimal.decimals)))
        default: .void
        }
    }

    static func decode(_ array: amqp_array_t) -> [AMQPFieldValue] {
        guard array.num_entries > 0, let entries = array.entries else { return [] }
        return (0..<Int(array.num_entries)).map { decode(entries[$0]) }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return result
    }
}
