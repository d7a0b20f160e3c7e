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
/// It binds before the worker starts (`bind`), so that a port in use stops the worker before it consumes
/// anything; as a service it only waits for the shutdown, then stops listening.
public struct MetricsEndpoint: Service {
    let channel: any Channel
    let logger: Logger

    /// The port listened on (the system's choice when bound to port 0).
    public var port: Int { channel.localAddress?.port ?? 0 }

    public static func bind(registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger)
        async throws -> MetricsEndpoint
    {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // A client that connects and then sends nothing for 10 s is let go.
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: .seconds(10)))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsRequestHandler(registry: registry))
                }
            }
            .bind(host: host, port: port).get()
        logger.info("serving metrics", metadata: ["listen": "\(channel.localAddress.map { "\($0)" } ?? host)"])
        return MetricsEndpoint(channel: channel, logger: logger)
    }

    public func run() async throws {
        // Until the service group stops (or this task is cancelled): scrapes go on while the consumers drain.
        try? await gracefulShutdown()
        await close()
    }

    /// Stops listening (also for a worker that stops before running this service).
    public func close() async {
        try? await channel.close()
    }
}

/// Answers one request per connection: `GET` (or `HEAD`) `/metrics` with the registry's text, anything else
/// 404 or 405.
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

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.firstIndex(of: "?").map { String(head.uri[..<$0]) } ?? head.uri
        var headers = HTTPHeaders()
        let status: HTTPResponseStatus
        var body = context.channel.allocator.buffer(capacity: 0)
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            status = .ok
            headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
            body.writeBytes(registry.emitToBuffer())
        case (_, "/metrics"):
            status = .methodNotAllowed
            headers.add(name: "Allow", value: "GET, HEAD")
            headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            body.writeString("use GET\n")
        default:
            status = .notFound
            headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            body.writeString("forloeb serves /metrics only\n")
        }
        // One request per connection: a scrape every few seconds costs nothing to reconnect, and no idle
        // connection outlives the worker's shutdown. HEAD gets the length GET would have, and no body.
        headers.add(name: "Content-Length", value: "\(body.readableBytes)")
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        if head.method != .HEAD && body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
