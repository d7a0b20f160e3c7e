import CRabbitMQ

/// One AMQP connection to RabbitMQ over librabbitmq, owned by one dedicated thread.
///
/// Why an actor on its own thread: librabbitmq blocks and a connection is not thread-safe. The actor's
/// executor is an `AMQPThreadExecutor`, so every method below, and every C call it makes, runs on that one
/// thread, never on Swift's cooperative pool. The C state (`amqp_connection_state_t`) is a stored property of
/// the actor and never leaves it; everything received is copied into Swift values before a method returns.
///
/// All frames are read by one pump (`pump`), whatever the caller waits for: deliveries are buffered per channel,
/// publisher confirms and returns are counted per channel, and a channel.close or connection.close from the
/// broker is answered and recorded. So publishing with confirms and consuming may share a connection.
///
/// After a connection-level failure (socket error, missed heartbeat, connection.close) every call throws
/// `.connectionClosed`; make a new connection (the worker reconnects with backoff).
///
/// RabbitMQ advises one connection for consuming and another for heavy publishing: the broker throttles a
/// connection that publishes faster than it can take, and a consumer on it would stall too. The worker's consumer
/// uses one connection for both its channels (consuming, and the confirmed channel that routes failed messages to
/// the retry queues and the dead-letter exchange): its publishes are few, one per failed message; the outbox
/// relay, which publishes every notification, has a connection of its own. Operations on one connection run one
/// at a time; `AMQPChannel.receive` waits in short slices so others interleave.
public actor AMQPConnection {
    /// Where this connection goes (its description hides the password).
    public nonisolated let url: AMQPURL
    private let options: AMQPConnectionOptions
    private let executor: AMQPThreadExecutor

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private var state: amqp_connection_state_t?
    private var failure: AMQPError?
    private var channels: [UInt16: ChannelState] = [:]
    /// The heartbeat interval the broker agreed to, in seconds (0: none).
    public private(set) var heartbeat = 0

    /// What the connection knows about one open channel.
    struct ChannelState {
        var closeError: AMQPError?
        var confirms = false
        var nextPublishSequence: UInt64 = 1
        /// Publish sequence number → message id (or a placeholder), until the broker acks or nacks it.
        var unconfirmed: [UInt64: String] = [:]
        var nacked: [String] = []
        var returned: [String] = []
        var returnReason = ""
        var deliveries: [AMQPDelivery] = []
        var cancelledConsumers: [String] = []
    }

    private init(url: AMQPURL, options: AMQPConnectionOptions) {
        self.url = url
        self.options = options
        self.executor = AMQPThreadExecutor(name: "amqp \(url.host):\(url.port)")
    }

    isolated deinit {
        if let state { amqp_destroy_connection(state) }
        executor.shutdown()
    }

    /// Connects, logs in and starts heartbeats. Throws `.unreachable` when the broker cannot be reached,
    /// `.authenticationFailed` when it refuses the credentials or vhost, `.tls` when TLS fails.
    ///
    /// A URL with several nodes (`amqp://u:p@h1:5672,h2:5672,h3:5672/%2F`) is tried node by node, starting with
    /// the one `rotation` says worked last, until one accepts; the connection's `url` then names that node alone.
    /// When none does, the error lists each node's failure (its code is the common one, else `.unreachable`).
    /// Callers back off between such rounds; one round tries every node once, without waiting in between.
    public static func connect(
        to url: AMQPURL,
        options: AMQPConnectionOptions = AMQPConnectionOptions(),
        rotation: AMQPNodeRotation = .shared
    ) async throws -> AMQPConnection {
        guard url.nodes.count > 1 else {
            let connection = AMQPConnection(url: url, options: options)
            try await connection.open()
            return connection
        }
        var failures: [AMQPError] = []
        for index in rotation.order(for: url) {
            let node = url.pinned(to: index)
            do {
                let connection = AMQPConnection(url: node, options: options)
                try await connection.open()
                rotation.succeeded(index, of: url)
                return connection
            } catch let error as AMQPError {
                rotation.failed(index, of: url)
                failures.append(error)
            }
        }
        let codes = Set(failures.map(\.code))
        let code = codes.count == 1 ? codes.first! : .unreachable
        throw AMQPError(
            code, "no node of \(url) accepted a connection: " + failures.map(\.message).joined(separator: "; "),
            replyCode: failures.last?.replyCode, status: failures.last?.status)
    }

    /// True until closed or failed.
    public var isOpen: Bool { state != nil && failure == nil }

    /// Opens a channel. With `confirms`, the channel is put in publisher-confirm mode: `publish` then waits
    /// until the broker has taken responsibility for every message of the batch.
    public func openChannel(confirms: Bool = false) throws -> AMQPChannel {
        let state = try live()
        guard let number = (1...UInt16(2047)).first(where: { channels[$0] == nil }) else {
            throw AMQPError(.invalidArgument, "no free channel number")
        }
        amqp_channel_open(state, number)
        try rpc("open channel \(number)", channel: number)
        channels[number] = ChannelState()
        if confirms {
            amqp_confirm_select(state, number)
            try rpc("enable publisher confirms", channel: number)
            channels[number]?.confirms = true
        }
        return AMQPChannel(connection: self, number: number)
    }

    /// Reads whatever the broker has sent without waiting: sends and checks heartbeats, buffers deliveries.
    /// The connection's thread calls this by itself when idle; callers need not.
    public func poll() throws {
        _ = try live()
        while try pump(waitMicroseconds: 0) {}
    }

    /// Closes every channel and the connection, politely; then releases the C state. Idempotent.
    public func close() {
        guard let state else { return }
        if failure == nil {
            _ = amqp_connection_close(state, AMQP_REPLY_SUCCESS)
        }
        amqp_destroy_connection(state)
        self.state = nil
        channels.removeAll()
        failure = failure ?? AMQPError(.connectionClosed, "connection to \(url) closed by the client")
    }

    // MARK: - Opening

    private func open() throws {
        guard let state = amqp_new_connection() else { throw AMQPError(.library, "cannot allocate a connection") }
        self.state = state
        do {
            try connectSocket(state)
            let heartbeat = url.heartbeat ?? options.heartbeat
            let reply: amqp_rpc_reply_t
            switch url.authentication {
            case .plain:
                reply = forloeb_amqp_login_plain(
                    state, url.vhost, 0, Int32(options.frameMax), Int32(heartbeat), url.user, url.password)
            case .external:
                reply = forloeb_amqp_login_external(
                    state, url.vhost, 0, Int32(options.frameMax), Int32(heartbeat), url.user)
            }
            do {
                try AMQPStatus.check(reply, "log in to \(url)")
            } catch var error as AMQPError where error.replyCode == nil && error.code != .tls {
                // RabbitMQ drops the socket on bad credentials to clients that do not ask for a close reply.
                error.code = error.code == .connectionClosed ? .authenticationFailed : error.code
                throw error
            }
            self.heartbeat = Int(amqp_get_heartbeat(state))
            if self.heartbeat > 0 {
                // librabbitmq sends a heartbeat once one is due, and the broker gives up after two intervals of
                // silence: looking every quarter interval leaves three quarters of one for a busy machine to get
                // round to it (every half left only half, and idle connections dropped under load).
                let interval = Duration.milliseconds(self.heartbeat * 250)
                // The poll runs on the connection's own thread (its executor is also the task's), never waiting
                // for a thread of the shared pool: a CPU-bound stretch elsewhere in the process must not starve
                // the heartbeat until the broker closes the connection.
                executor.setIdle(interval: interval) { [weak self, executor] in
                    Task(executorPreference: executor) { try? await self?.poll() }
                }
            }
        } catch {
            amqp_destroy_connection(state)
            self.state = nil
            failure = error as? AMQPError
            throw error
        }
    }

    private func connectSocket(_ state: amqp_connection_state_t) throws {
        let socket: OpaquePointer?
        if let tls = url.tls {
            socket = amqp_ssl_socket_new(state)
            guard let socket else { throw AMQPError(.tls, "cannot create a TLS socket") }
            amqp_ssl_socket_set_verify_peer(socket, tls.verifyPeer ? 1 : 0)
            amqp_ssl_socket_set_verify_hostname(socket, tls.verifyHostname ? 1 : 0)
            if let caFile = tls.caFile {
                guard amqp_ssl_socket_set_cacert(socket, caFile) == AMQP_STATUS_OK.rawValue else {
                    throw AMQPError(.tls, "cannot load the CA file \(caFile)")
                }
            }
            switch (tls.certificateFile, tls.keyFile) {
            case (let certificate?, let key?):
                guard amqp_ssl_socket_set_key(socket, certificate, key) == AMQP_STATUS_OK.rawValue else {
                    throw AMQPError(.tls, "cannot load the client certificate \(certificate) with key \(key)")
                }
            case (nil, nil):
                break
            default:
                throw AMQPError(.tls, "a client certificate needs both a certificate file and a key file")
            }
        } else {
            socket = amqp_tcp_socket_new(state)
            guard socket != nil else { throw AMQPError(.library, "cannot create a TCP socket") }
        }
        try AMQPStatus.check(forloeb_amqp_set_handshake_timeout(state, options.rpcTimeout.microseconds), "set timeout")
        try AMQPStatus.check(forloeb_amqp_set_rpc_timeout(state, options.rpcTimeout.microseconds), "set timeout")
        let connectTimeout =
            url.connectionTimeoutMilliseconds.map { Duration.milliseconds($0) } ?? options.connectTimeout
        let status = forloeb_amqp_socket_open(socket, url.host, Int32(url.port), connectTimeout.microseconds)
        if status != AMQP_STATUS_OK.rawValue {
            var error = AMQPStatus.error(status: status, operation: "connect to \(url)")
            if error.code != .tls { error.code = .unreachable }
            throw error
        }
    }

    // MARK: - State checks

    /// The C state, or the error that ended it.
    func live() throws -> amqp_connection_state_t {
        if let failure { throw failure }
        guard let state else { throw AMQPError(.connectionClosed, "connection to \(url) is closed") }
        return state
    }

    /// The C state, if `channel` is open on it. Also frees the library's frame memory from earlier calls:
    /// at the start of an operation nothing points into it any more.
    func live(channel: UInt16) throws -> amqp_connection_state_t {
        let state = try live()
        amqp_maybe_release_buffers(state)
        guard let channelState = channels[channel] else {
            throw AMQPError(.invalidArgument, "channel \(channel) is not open on this connection")
        }
        if let error = channelState.closeError { throw error }
        return state
    }

    /// Checks a librabbitmq status; a failure of the socket ends the connection.
    func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
        guard status < 0 else { return }
        let error = AMQPStatus.error(status: status, operation: operation())
        if error.code != .invalidArgument { fail(error) }
        throw error
    }

    /// Checks the reply of the synchronous method just sent on `channel`; answers a close from the broker.
    func rpc(_ operation: @autoclosure () -> String, channel: UInt16) throws {
        guard let state else { throw AMQPError(.connectionClosed, "connection to \(url) is closed") }
        let reply = amqp_get_rpc_reply(state)
        do {
            try AMQPStatus.check(reply, operation())
        } catch let error as AMQPError {
            if error.code == .channelClosed {
                _ = forloeb_amqp_send_channel_close_ok(state, channel)
                channels[channel]?.closeError = error
            } else {
                if error.replyCode != nil { _ = forloeb_amqp_send_connection_close_ok(state) }
                fail(error)
            }
            throw error
        }
    }

    /// Marks the connection as failed: every later call throws `error`.
    private func fail(_ error: AMQPError) {
        guard failure == nil else { return }
        var final = error
        if final.code != .authenticationFailed { final.code = .connectionClosed }
        failure = final
        executor.setIdle(interval: nil, action: nil)
    }

    // MARK: - The frame pump

    /// Reads one frame, waiting at most `waitMicroseconds`; returns false when none came in time.
    ///
    /// Deliveries and returned messages are read in full (content header and body) and copied out; then the
    /// library's frame memory is released. Frames for channels already closed are dropped.
    func pump(waitMicroseconds: Int64) throws -> Bool {
        let state = try live()
        var frame = amqp_frame_t()
        let status = forloeb_amqp_wait_frame(state, &frame, waitMicroseconds)
        if status == AMQP_STATUS_TIMEOUT.rawValue { return false }
        try check(status, "read from \(url)")
        defer { amqp_maybe_release_buffers(state) }
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return true }
        let channel = frame.channel
        let method = frame.payload.method
        switch method.id {
        case FORLOEB_BASIC_DELIVER:
            let deliver = method.decoded.assumingMemoryBound(to: amqp_basic_deliver_t.self).pointee
            let tag = deliver.delivery_tag
            let redelivered = deliver.redelivered != 0
            let exchange = CBytes.string(deliver.exchange)
            let routingKey = CBytes.string(deliver.routing_key)
            let consumerTag = CBytes.string(deliver.consumer_tag)
            let (body, properties) = try readContent(state, channel: channel)
            channels[channel]?.deliveries.append(
                AMQPDelivery(
                    deliveryTag: tag, redelivered: redelivered, exchange: exchange, routingKey: routingKey,
                    consumerTag: consumerTag, body: body, properties: properties, channel: channel))
        case FORLOEB_BASIC_ACK:
            let ack = method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            settle(channel: channel, tag: ack.delivery_tag, multiple: ack.multiple != 0, nacked: false)
        case FORLOEB_BASIC_NACK:
            let nack = method.decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            settle(channel: channel, tag: nack.delivery_tag, multiple: nack.multiple != 0, nacked: true)
        case FORLOEB_BASIC_RETURN:
            let returned = method.decoded.assumingMemoryBound(to: amqp_basic_return_t.self).pointee
            let reason = "\(returned.reply_code) \(CBytes.string(returned.reply_text))"
            let routingKey = CBytes.string(returned.routing_key)
            let exchange = CBytes.string(returned.exchange)
            let (_, properties) = try readContent(state, channel: channel)
            // Only a confirm channel reports returns (with its batch); elsewhere they are dropped, not hoarded.
            if channels[channel]?.confirms == true {
                channels[channel]?.returned.append(properties.messageID ?? "\(exchange)/\(routingKey)")
                channels[channel]?.returnReason = reason
            }
        case FORLOEB_BASIC_CANCEL:
            let cancel = method.decoded.assumingMemoryBound(to: amqp_basic_cancel_t.self).pointee
            channels[channel]?.cancelledConsumers.append(CBytes.string(cancel.consumer_tag))
        case FORLOEB_CHANNEL_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            let error = AMQPError(
                .channelClosed, "broker closed channel \(channel): \(CBytes.string(close.reply_text))",
                replyCode: Int(close.reply_code))
            _ = forloeb_amqp_send_channel_close_ok(state, channel)
            channels[channel]?.closeError = error
        case FORLOEB_CONNECTION_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            let error = AMQPError(
                .connectionClosed, "broker closed the connection: \(CBytes.string(close.reply_text))",
                replyCode: Int(close.reply_code))
            _ = forloeb_amqp_send_connection_close_ok(state)
            fail(error)
            throw error
        default:
            break
        }
        return true
    }

    /// Reads the content header and body that follow a basic.deliver / basic.return / basic.get-ok.
    private func readContent(
        _ state: amqp_connection_state_t, channel: UInt16
    ) throws -> (body: [UInt8], properties: AMQPProperties) {
        var message = amqp_message_t()
        let reply = amqp_read_message(state, channel, &message, 0)
        do {
            try AMQPStatus.check(reply, "read a message on channel \(channel)")
        } catch let error as AMQPError {
            fail(error)
            throw error
        }
        defer { amqp_destroy_message(&message) }
        return (CBytes.array(message.body), AMQPProperties(message.properties))
    }

    private func settle(channel: UInt16, tag: UInt64, multiple: Bool, nacked: Bool) {
        guard var channelState = channels[channel] else { return }
        channels[channel] = nil  // mutate a unique copy, not a copy-on-write duplicate
        let settled: [UInt64] = multiple ? channelState.unconfirmed.keys.filter { $0 <= tag } : [tag]
        for sequence in settled {
            if let id = channelState.unconfirmed.removeValue(forKey: sequence), nacked {
                channelState.nacked.append(id)
            }
        }
        channels[channel] = channelState
    }

    // MARK: - Channel operations (called through AMQPChannel)

    func closeChannel(_ channel: UInt16) throws {
        guard let channelState = channels[channel] else { return }
        defer { channels[channel] = nil }
        guard channelState.closeError == nil, let state = try? live() else { return }
        _ = amqp_channel_close(state, channel, AMQP_REPLY_SUCCESS)
        try rpc("close channel \(channel)", channel: channel)
    }

    func declare(_ exchange: AMQPExchange, channel: UInt16) throws {
        let state = try live(channel: channel)
        CArena.with { arena in
            _ = amqp_exchange_declare(
                state, channel, arena.bytes(exchange.name), arena.bytes(exchange.type.rawValue), 0,
                exchange.durable ? 1 : 0, exchange.autoDelete ? 1 : 0, exchange.internal ? 1 : 0,
                arena.table(exchange.arguments))
        }
        try rpc("declare exchange \(exchange.name)", channel: channel)
    }

    func declare(_ queue: AMQPQueue, passive: Bool, channel: UInt16) throws -> AMQPQueueStatus {
        let state = try live(channel: channel)
        let ok = CArena.with { arena in
            amqp_queue_declare(
                state, channel, arena.bytes(queue.name), passive ? 1 : 0, queue.durable ? 1 : 0,
                queue.exclusive ? 1 : 0, queue.autoDelete ? 1 : 0,
                passive ? amqp_empty_table : arena.table(queue.arguments))
        }
        try rpc("declare queue \(queue.name)", channel: channel)
        guard let ok else { throw AMQPError(.library, "declare queue \(queue.name): no reply") }
        return AMQPQueueStatus(
            name: CBytes.string(ok.pointee.queue), messageCount: ok.pointee.message_count,
            consumerCount: ok.pointee.consumer_count)
    }

    func bind(_ binding: AMQPBinding, channel: UInt16) throws {
        let state = try live(channel: channel)
        CArena.with { arena in
            switch binding.destination {
            case .queue(let queue):
                _ = amqp_queue_bind(
                    state, channel, arena.bytes(queue), arena.bytes(binding.source), arena.bytes(binding.routingKey),
                    arena.table(binding.arguments))
            case .exchange(let exchange):
                _ = amqp_exchange_bind(
                    state, channel, arena.bytes(exchange), arena.bytes(binding.source),
                    arena.bytes(binding.routingKey), arena.table(binding.arguments))
            }
        }
        try rpc("bind \(binding.destination.name) to \(binding.source) with \(binding.routingKey)", channel: channel)
    }

    func purge(queue: String, channel: UInt16) throws -> UInt32 {
        let state = try live(channel: channel)
        let ok = CArena.with { arena in amqp_queue_purge(state, channel, arena.bytes(queue)) }
        try rpc("purge queue \(queue)", channel: channel)
        return ok?.pointee.message_count ?? 0
    }

    func delete(queue: String, channel: UInt16) throws -> UInt32 {
        let state = try live(channel: channel)
        let ok = CArena.with { arena in amqp_queue_delete(state, channel, arena.bytes(queue), 0, 0) }
        try rpc("delete queue \(queue)", channel: channel)
        return ok?.pointee.message_count ?? 0
    }

    func delete(exchange: String, channel: UInt16) throws {
        let state = try live(channel: channel)
        CArena.with { arena in _ = amqp_exchange_delete(state, channel, arena.bytes(exchange), 0) }
        try rpc("delete exchange \(exchange)", channel: channel)
    }

    func qos(prefetchCount: UInt16, channel: UInt16) throws {
        let state = try live(channel: channel)
        amqp_basic_qos(state, channel, 0, prefetchCount, 0)
        try rpc("set prefetch \(prefetchCount)", channel: channel)
    }

    func consume(queue: String, consumerTag: String, exclusive: Bool, arguments: AMQPTable, channel: UInt16) throws
        -> String
    {
        let state = try live(channel: channel)
        let ok = CArena.with { arena in
            amqp_basic_consume(
                state, channel, arena.bytes(queue), arena.bytes(consumerTag), 0, 0, exclusive ? 1 : 0,
                arena.table(arguments))
        }
        try rpc("consume from \(queue)", channel: channel)
        return ok.map { CBytes.string($0.pointee.consumer_tag) } ?? consumerTag
    }

    func cancel(consumerTag: String, channel: UInt16) throws {
        let state = try live(channel: channel)
        CArena.with { arena in _ = amqp_basic_cancel(state, channel, arena.bytes(consumerTag)) }
        try rpc("cancel consumer \(consumerTag)", channel: channel)
    }

    func publish(_ messages: [AMQPMessage], timeout: Duration, channel: UInt16) throws {
        let state = try live(channel: channel)
        for message in messages {
            let status = CArena.with { arena in
                var properties = message.properties.raw(in: arena)
                let exchange = arena.bytes(message.exchange)
                let routingKey = arena.bytes(message.routingKey)
                return message.body.withUnsafeBytes { body in
                    amqp_basic_publish(
                        state, channel, exchange, routingKey, message.mandatory ? 1 : 0, 0, &properties,
                        amqp_bytes_t(len: body.count, bytes: UnsafeMutableRawPointer(mutating: body.baseAddress)))
                }
            }
            try check(status, "publish to \(message.exchange.isEmpty ? "(default)" : message.exchange)")
            if channels[channel]?.confirms == true {
                let sequence = channels[channel]!.nextPublishSequence
                channels[channel]!.nextPublishSequence += 1
                channels[channel]!.unconfirmed[sequence] = message.properties.messageID ?? "#\(sequence)"
            }
        }
        guard channels[channel]?.confirms == true else { return }
        try waitForConfirms(timeout: timeout, channel: channel)
    }

    /// Waits until the broker has acked or nacked everything published on `channel`; then throws if any
    /// message was nacked or returned as unroutable.
    func waitForConfirms(timeout: Duration, channel: UInt16) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while channels[channel]?.unconfirmed.isEmpty == false {
            _ = try live(channel: channel)
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else {
                let count = channels[channel]?.unconfirmed.count ?? 0
                throw AMQPError(.timeout, "\(count) publish(es) not confirmed within \(timeout)")
            }
            _ = try pump(waitMicroseconds: remaining.microseconds)
        }
        _ = try live(channel: channel)
        let returned = channels[channel]?.returned ?? []
        let nacked = channels[channel]?.nacked ?? []
        let reason = channels[channel]?.returnReason ?? ""
        channels[channel]?.returned = []
        channels[channel]?.nacked = []
        if !returned.isEmpty {
            throw AMQPError(
                .unroutable, "\(returned.count) message(s) returned (\(reason)): \(Self.sample(returned))",
                replyCode: 312)
        }
        if !nacked.isEmpty {
            throw AMQPError(.publishNacked, "\(nacked.count) message(s) nacked by the broker: \(Self.sample(nacked))")
        }
    }

    private static func sample(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
    }

    func receive(max maximum: Int, timeout: Duration, channel: UInt16) throws -> [AMQPDelivery] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            _ = try live(channel: channel)
            let buffered = channels[channel]?.deliveries.count ?? 0
            if buffered >= maximum { break }
            if buffered == 0, let tag = channels[channel]?.cancelledConsumers.first {
                channels[channel]?.cancelledConsumers.removeFirst()
                throw AMQPError(.consumerCancelled, "the broker cancelled consumer \(tag)")
            }
            let wait = buffered > 0 ? 0 : clock.now.duration(to: deadline).microseconds
            if try !pump(waitMicroseconds: wait) {
                if buffered > 0 || clock.now >= deadline { break }
            }
        }
        guard var channelState = channels[channel] else { return [] }
        channels[channel] = nil
        let count = min(maximum, channelState.deliveries.count)
        let taken = Array(channelState.deliveries.prefix(count))
        channelState.deliveries.removeFirst(count)
        channels[channel] = channelState
        return taken
    }

    func get(queue: String, channel: UInt16) throws -> AMQPDelivery? {
        let state = try live(channel: channel)
        let reply = CArena.with { arena in amqp_basic_get(state, channel, arena.bytes(queue), 0) }
        do {
            try AMQPStatus.check(reply, "get from \(queue)")
        } catch let error as AMQPError {
            if error.code == .channelClosed {
                _ = forloeb_amqp_send_channel_close_ok(state, channel)
                channels[channel]?.closeError = error
            } else {
                fail(error)
            }
            throw error
        }
        guard reply.reply.id == FORLOEB_BASIC_GET_OK else { return nil }
        let ok = reply.reply.decoded.assumingMemoryBound(to: amqp_basic_get_ok_t.self).pointee
        let tag = ok.delivery_tag
        let redelivered = ok.redelivered != 0
        let exchange = CBytes.string(ok.exchange)
        let routingKey = CBytes.string(ok.routing_key)
        let (body, properties) = try readContent(state, channel: channel)
        amqp_maybe_release_buffers(state)
        return AMQPDelivery(
            deliveryTag: tag, redelivered: redelivered, exchange: exchange, routingKey: routingKey, consumerTag: "",
            body: body, properties: properties, channel: channel)
    }

    func ack(_ tag: UInt64, multiple: Bool, channel: UInt16) throws {
        let state = try live(channel: channel)
        try check(amqp_basic_ack(state, channel, tag, multiple ? 1 : 0), "ack \(tag)")
    }

    func nack(_ tag: UInt64, multiple: Bool, requeue: Bool, channel: UInt16) throws {
        let state = try live(channel: channel)
        try check(amqp_basic_nack(state, channel, tag, multiple ? 1 : 0, requeue ? 1 : 0), "nack \(tag)")
    }

    func reject(_ tag: UInt64, requeue: Bool, channel: UInt16) throws {
        let state = try live(channel: channel)
        try check(amqp_basic_reject(state, channel, tag, requeue ? 1 : 0), "reject \(tag)")
    }
}
