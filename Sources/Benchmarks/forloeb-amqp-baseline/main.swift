// forloeb-amqp-baseline: the raw rate of the broker, measured by a bare librabbitmq publisher and consumer
// running together on the same queue: the denominator of issue 4's ratio (worker rate / raw rate).
//
// No forloeb code on the hot path: two threads, each with its own connection, calling librabbitmq directly.
// The publisher sends persistent messages of `--size` bytes to the default exchange and waits for publisher
// confirms every `--confirm-every` messages; the consumer uses basic.qos `--prefetch` and acks (multiple) every
// `--ack-every` deliveries. The rate is messages / (time from the first publish to the last delivery).
//
//   swift run -c release forloeb-amqp-baseline --url amqp://guest:guest@127.0.0.1:25680/%2F [--queue-type classic]
//   (the URL may come from FORLOEB_AMQP_URL or FORLOEB_TEST_AMQP_URL instead)
//
// Two more modes serve the end-to-end benchmark: `--publish-file FILE --exchange NAME` is its case system (the same
// publisher, sending real events; see FilePublisher.swift), and `--consume-queue NAME --count N` is the same bare
// consumer on an existing queue (to compare forloeb's worker with a consumer that does nothing, on the real topology).
import CRabbitMQ
import Foundation
import Synchronization

struct Settings {
    var url =
        ProcessInfo.processInfo.environment["FORLOEB_AMQP_URL"]
        ?? ProcessInfo.processInfo.environment["FORLOEB_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:25680/%2F"
    var count = 100_000
    var size = 300
    var queueType = "classic"
    var confirmEvery = 100
    var prefetch = 300
    var ackEvery = 50
    /// `librabbitmq` (bare C calls, the baseline) or `forloeb` (the same run through ForloebAMQP).
    var via = "librabbitmq"
    /// Publish the events of this file only (the end-to-end benchmark's case system; see `publishFile`).
    var publishFile: String?
    var exchange = "forloeb.events"
    var consumeQueue: String?
}

func parseArguments() -> Settings {
    var settings = Settings()
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
        guard let value = arguments.next() else { fail("\(argument) needs a value") }
        switch argument {
        case "--url": settings.url = value
        case "--count": settings.count = Int(value) ?? settings.count
        case "--size": settings.size = Int(value) ?? settings.size
        case "--queue-type": settings.queueType = value
        case "--confirm-every": settings.confirmEvery = Int(value) ?? settings.confirmEvery
        case "--prefetch": settings.prefetch = Int(value) ?? settings.prefetch
        case "--ack-every": settings.ackEvery = Int(value) ?? settings.ackEvery
        case "--via": settings.via = value
        case "--publish-file": settings.publishFile = value
        case "--exchange": settings.exchange = value
        case "--consume-queue": settings.consumeQueue = value
        default: fail("unknown option \(argument)")
        }
    }
    return settings
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("forloeb-amqp-baseline: \(message)\n".utf8))
    exit(1)
}

/// Host, port, user, password and vhost of an amqp:// URL (enough for a benchmark; TLS is not measured).
struct Target: Sendable {
    var host: String
    var port: Int32
    var user: String
    var password: String
    var vhost: String

    init(_ text: String) {
        guard let components = URLComponents(string: text), components.scheme == "amqp" else {
            fail("not an amqp:// URL")
        }
        host = components.host ?? "localhost"
        port = Int32(components.port ?? 5672)
        user = components.user ?? "guest"
        password = components.password ?? "guest"
        let path = components.path
        vhost = path.isEmpty || path == "/" ? "/" : String(path.dropFirst())
    }
}

func check(_ reply: amqp_rpc_reply_t, _ what: String) {
    if reply.reply_type != AMQP_RESPONSE_NORMAL { fail("\(what) failed (reply type \(reply.reply_type.rawValue))") }
}

func connect(_ target: Target) -> amqp_connection_state_t {
    guard let connection = amqp_new_connection(), let socket = amqp_tcp_socket_new(connection) else {
        fail("cannot allocate")
    }
    if amqp_socket_open(socket, target.host, target.port) != 0 { fail("cannot reach \(target.host):\(target.port)") }
    check(forloeb_amqp_login_plain(connection, target.vhost, 0, 131_072, 0, target.user, target.password), "login")
    amqp_channel_open(connection, 1)
    check(amqp_get_rpc_reply(connection), "channel.open")
    return connection
}

func close(_ connection: amqp_connection_state_t) {
    _ = amqp_channel_close(connection, 1, AMQP_REPLY_SUCCESS)
    _ = amqp_connection_close(connection, AMQP_REPLY_SUCCESS)
    amqp_destroy_connection(connection)
}

/// Runs `body` on a new thread; the returned closure waits for it.
func spawn(_ body: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
    let done = DispatchSemaphore(value: 0)
    Thread {
        body()
        done.signal()
    }.start()
    return { done.wait() }
}

func publish(_ target: Target, queue: String, settings: Settings) {
    let connection = connect(target)
    amqp_confirm_select(connection, 1)
    check(amqp_get_rpc_reply(connection), "confirm.select")
    var body = [UInt8](repeating: UInt8(ascii: "x"), count: settings.size)
    var properties = amqp_basic_properties_t()
    properties._flags = amqp_flags_t(AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_CONTENT_TYPE_FLAG)
    properties.delivery_mode = 2
    let contentType = strdup("application/json")!
    let queueName = strdup(queue)!
    defer {
        free(contentType)
        free(queueName)
    }
    properties.content_type = amqp_cstring_bytes(contentType)
    let exchange = amqp_bytes_t(len: 0, bytes: nil)
    let routingKey = amqp_cstring_bytes(queueName)
    var confirms = Confirms()
    body.withUnsafeMutableBytes { bytes in
        let message = amqp_bytes_t(len: bytes.count, bytes: bytes.baseAddress)
        for _ in 0..<settings.count {
            if amqp_basic_publish(connection, 1, exchange, routingKey, 0, 0, &properties, message) != 0 {
                fail("publish")
            }
            confirms.published += 1
            if confirms.published % UInt64(settings.confirmEvery) == 0 { confirms.wait(connection) }
        }
        confirms.wait(connection)
    }
    close(connection)
}

func consume(_ target: Target, queue: String, settings: Settings, ready: DispatchSemaphore) {
    let connection = connect(target)
    amqp_basic_qos(connection, 1, 0, UInt16(settings.prefetch), 0)
    check(amqp_get_rpc_reply(connection), "basic.qos")
    amqp_basic_consume(connection, 1, amqp_cstring_bytes(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table)
    check(amqp_get_rpc_reply(connection), "basic.consume")
    ready.signal()
    var received = 0
    var envelope = amqp_envelope_t()
    while received < settings.count {
        amqp_maybe_release_buffers(connection)
        let reply = amqp_consume_message(connection, &envelope, nil, 0)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else { fail("consume (library error \(reply.library_error))") }
        received += 1
        let tag = envelope.delivery_tag
        amqp_destroy_envelope(&envelope)
        if received % settings.ackEvery == 0 || received == settings.count {
            if amqp_basic_ack(connection, 1, tag, 1) != 0 { fail("ack") }
        }
    }
    close(connection)
}

let settings = parseArguments()
let target = Target(settings.url)
if settings.publishFile != nil {
    publishFile(target, settings: settings)
    exit(0)
}
if let queue = settings.consumeQueue {
    let clock = ContinuousClock()
    let start = clock.now
    consume(target, queue: queue, settings: settings, ready: DispatchSemaphore(value: 0))
    print("consumed \(settings.count) in \(String(format: "%.3f", seconds(start.duration(to: clock.now)))) s")
    exit(0)
}
let queue = "forloeb.baseline.\(settings.queueType)"

// A fresh, empty, durable queue of the asked type.
let setup = connect(target)
_ = amqp_queue_delete(setup, 1, amqp_cstring_bytes(queue), 0, 0)
check(amqp_get_rpc_reply(setup), "queue.delete")
var entry = amqp_table_entry_t()
let keyText = strdup("x-queue-type")!
let typeText = strdup(settings.queueType)!
entry.key = amqp_cstring_bytes(keyText)
entry.value.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
entry.value.value.bytes = amqp_cstring_bytes(typeText)
withUnsafeMutablePointer(to: &entry) { pointer in
    _ = amqp_queue_declare(
        setup, 1, amqp_cstring_bytes(queue), 0, 1, 0, 0, amqp_table_t(num_entries: 1, entries: pointer))
}
check(amqp_get_rpc_reply(setup), "queue.declare")
free(keyText)
free(typeText)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

let elapsed: Duration
let publishing: Duration
if settings.via == "forloeb" {
    do {
        (elapsed, publishing) = try await LayerRun.run(url: settings.url, queue: queue, settings: settings)
    } catch {
        fail("\(error)")
    }
} else {
    let ready = DispatchSemaphore(value: 0)
    let waitForConsumer = spawn { consume(target, queue: queue, settings: settings, ready: ready) }
    ready.wait()
    let clock = ContinuousClock()
    let start = clock.now
    let waitForPublisher = spawn { publish(target, queue: queue, settings: settings) }
    waitForPublisher()
    publishing = start.duration(to: clock.now)
    waitForConsumer()
    elapsed = start.duration(to: clock.now)
}

_ = amqp_queue_delete(setup, 1, amqp_cstring_bytes(queue), 0, 0)
close(setup)

print(
    """
    \(settings.via == "forloeb" ? "through ForloebAMQP" : "broker baseline"): \(settings.count) persistent \(settings.size)-byte messages, \(settings.queueType) queue, \
    confirm every \(settings.confirmEvery), prefetch \(settings.prefetch), ack every \(settings.ackEvery)
    publisher and consumer together: \(Int((Double(settings.count) / seconds(elapsed)).rounded())) messages/s \
    (\(String(format: "%.2f", seconds(elapsed))) s; publishing took \(String(format: "%.2f", seconds(publishing))) s)
    """)
