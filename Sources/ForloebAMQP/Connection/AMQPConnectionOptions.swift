/// Tuning of one connection: heartbeats and timeouts. The defaults suit a worker on a LAN.
public struct AMQPConnectionOptions: Sendable, Hashable {
    /// Heartbeat interval asked of the broker, in seconds (0: none). The URL's `heartbeat` query wins.
    /// librabbitmq sends and checks heartbeats whenever the connection reads or writes; an idle connection
    /// is polled by its own thread every half interval so that heartbeats flow even when nobody calls it.
    public var heartbeat: Int
    /// Time allowed for TCP (and TLS) connect. The URL's `connection_timeout` wins.
    public var connectTimeout: Duration
    /// Time allowed for the AMQP handshake and for every synchronous RPC (declare, bind, qos, close).
    public var rpcTimeout: Duration
    /// Largest frame size asked of the broker.
    public var frameMax: Int

    public init(
        heartbeat: Int = 30,
        connectTimeout: Duration = .seconds(10),
        rpcTimeout: Duration = .seconds(30),
        frameMax: Int = 131_072
    ) {
        self.heartbeat = heartbeat
        self.connectTimeout = connectTimeout
        self.rpcTimeout = rpcTimeout
        self.frameMax = frameMax
    }
}

extension Duration {
    /// Whole microseconds, clamped at zero: what the C shims take.
    var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
    }
}
