import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP/1.1 server that answers every request at once with the same
/// prepared body (no pacing), for ``ProviderBenchmark``.
final class BenchmarkServer: Sendable {
    private let channel: any Channel
    /// The port it listens on.
    let port: Int

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.port = port
    }

    /// Starts a server on 127.0.0.1 and an ephemeral port that answers with `body`.
    static func start(body: [UInt8], contentType: String) async throws -> BenchmarkServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(CannedResponder(body: body, contentType: contentType))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return BenchmarkServer(channel: channel, port: channel.localAddress?.port ?? 0)
    }

    /// Stops listening.
    func stop() async {
        try? await channel.close()
    }
}

/// Answers each request with the canned body.
private final class CannedResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let body: [UInt8]
    let contentType: String

    init(body: [UInt8], contentType: String) {
        self.body = body
        self.contentType = contentType
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: ["content-type": contentType])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
