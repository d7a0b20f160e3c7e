import CRabbitMQ
import Foundation

/// `--publish-file FILE --exchange NAME`: the case system of the end-to-end benchmark, as a process of its own.
///
/// The same bare librabbitmq publisher as the baseline's (persistent, confirmed every `--confirm-every`), sending
/// real events as a case system must (CONTRACT.md §1): to the events exchange, routing key = the event's type,
/// `messageId` property and `caseId` header. So the end-to-end run and the baseline differ only in the consumer:
/// the bare one, or forloeb's worker. FILE holds one event per line: `routingKey TAB messageId TAB caseId TAB body`.
func publishFile(_ target: Target, settings: Settings) {
    guard let path = settings.publishFile, var file = FileManager.default.contents(atPath: path).map({ [UInt8]($0) })
    else { fail("cannot read --publish-file") }
    // The constant strings go after the events, so that every field the publisher sends is an (offset, length) into
    // this one buffer, which stays put while the publisher runs.
    file.append(contentsOf: Array("\tapplication/json\tcaseId\t".utf8) + Array(settings.exchange.utf8))
    typealias Field = (offset: Int, length: Int)
    var records: [[Field]] = []
    var fields: [Field] = []
    var fieldStart = 0
    let end = file.count - settings.exchange.utf8.count - 25
    for index in 0..<end where file[index] == UInt8(ascii: "\t") || file[index] == UInt8(ascii: "\n") {
        fields.append((fieldStart, index - fieldStart))
        fieldStart = index + 1
        if file[index] == UInt8(ascii: "\n") {
            guard fields.count == 4 else { fail("a --publish-file line needs 4 tab-separated fields") }
            records.append(fields)
            fields = []
        }
    }
    let contentType: Field = (end + 1, 16)
    let headerKey: Field = (end + 18, 6)
    let exchange: Field = (end + 25, settings.exchange.utf8.count)
    let connection = connect(target)
    amqp_confirm_select(connection, 1)
    check(amqp_get_rpc_reply(connection), "confirm.select")
    var confirms = Confirms()
    let clock = ContinuousClock()
    let start = clock.now
    file.withUnsafeMutableBytes { buffer in
        func bytes(_ field: Field) -> amqp_bytes_t {
            amqp_bytes_t(len: field.length, bytes: buffer.baseAddress! + field.offset)
        }
        for record in records {
            var header = amqp_table_entry_t()
            header.key = bytes(headerKey)
            header.value.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
            header.value.value.bytes = bytes(record[2])
            withUnsafeMutablePointer(to: &header) { entry in
                var properties = amqp_basic_properties_t()
                properties._flags = amqp_flags_t(
                    AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_MESSAGE_ID_FLAG
                        | AMQP_BASIC_HEADERS_FLAG)
                properties.delivery_mode = 2
                properties.content_type = bytes(contentType)
                properties.message_id = bytes(record[1])
                properties.headers = amqp_table_t(num_entries: 1, entries: entry)
                if amqp_basic_publish(
                    connection, 1, bytes(exchange), bytes(record[0]), 0, 0, &properties, bytes(record[3])) != 0
                {
                    fail("publish")
                }
            }
            confirms.published += 1
            if confirms.published % UInt64(settings.confirmEvery) == 0 { confirms.wait(connection) }
        }
        confirms.wait(connection)
    }
    let elapsed = start.duration(to: clock.now)
    close(connection)
    print("published \(records.count) events in \(String(format: "%.3f", seconds(elapsed))) s")
}

/// Publisher confirms outstanding on channel 1.
struct Confirms {
    var published: UInt64 = 0
    var confirmed: UInt64 = 0

    /// Reads frames until the broker has confirmed everything published; a nack ends the run.
    mutating func wait(_ connection: amqp_connection_state_t) {
        var frame = amqp_frame_t()
        while confirmed < published {
            if amqp_simple_wait_frame(connection, &frame) != AMQP_STATUS_OK.rawValue { fail("waiting for confirms") }
            guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { continue }
            switch frame.payload.method.id {
            case FORLOEB_BASIC_ACK:
                let ack = frame.payload.method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
                confirmed = max(confirmed, ack.delivery_tag)
            case FORLOEB_BASIC_NACK:
                fail("the broker nacked a publish")
            default:
                break
            }
        }
        amqp_maybe_release_buffers(connection)
    }
}
