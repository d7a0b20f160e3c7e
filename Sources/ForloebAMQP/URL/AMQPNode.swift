/// One broker node of an `AMQPURL`: a host and a port.
///
/// A URL names one node, or several of one cluster (`amqp://user:pass@h1:5672,h2:5672,h3:5672/vhost`); the
/// connection tries them in turn (`AMQPNodeRotation`).
public struct AMQPNode: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with an IPv6 host in brackets, as in a URL.
    public var description: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }
}
