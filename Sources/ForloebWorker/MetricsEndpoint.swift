import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus
import ServiceLifecycle

/// Serves the worker's metrics for Prometheus to scrape: `GET /metrics` in the text exposition format.
///
/// Why beside `MetricsFileWriter`: a scraping Prometheus expects an endpoint per target, and a worker on a host
/// without node_exporter has no textfile collector. The endpoint only ever reads the registry (counts and
/// durations, never a case id or CPR number), and listens where it is told (`127.0.0.1` keeps it on the host).
public struct MetricsEndpoint: Service {
    let registry: PrometheusCollectorRegistry
    let host: String
    let port: Int
    let logger: Logger
    /// Called with the port actually bound (port 0 asks the system for a free one).
    let onBound: (@Sendable (Int) -> Void)?

    public init(
        registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger,
        onBound: (@Sendable (Int) -> Void)? = nil
    ) {
        self.registry = registry
        self.host = host
        self.port = port
        self.logger = logger
        self.onBound = onBound
    }

    public func run() async throws {
        let registry = self.registry
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsRequestHandler(registry: registry))
                }
            }
            .bind(host: host, port: port).get()
        let bound = channel.localAddress?.port ?? port
        logger.info("serving metrics", metadata: ["listen": "\(host):\(bound)", "path": "/metrics"])
        onBound?(bound)
        // Until the service group stops (or this task is cancelled), then stop listening.
        try? await gracefulShutdown()
        try await channel.close()
    }
}

/// Answers one request per connection: `GET /metrics` with the registry's text, anything else 404 or 405.
final class MetricsRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let registry: PrometheusCollectorRegistry
    private var request: HTTPRequestHead?

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): request = head
        case .body: break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let status: HTTPResponseStatus
        let contentType: String
        var body = context.channel.allocator.buffer(capacity: 0)
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            status = .ok
            contentType = "text/plain; version=0.0.4; charset=utf-8"
            if head.method == .GET { body.writeBytes(registry.emitToBuffer()) }
        case (_, "/metrics"):
            status = .methodNotAllowed
            contentType = "text/plain; charset=utf-8"
            body.writeString("use GET\n")
        default:
            status = .notFound
            contentType = "text/plain; charset=utf-8"
            body.writeString("forloeb serves /metrics only\n")
        }
        // One request per connection: a scrape every few seconds costs nothing to reconnect, and no idle
        // connection outlives the worker's shutdown.
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        if body.readableBytes > 0 { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
