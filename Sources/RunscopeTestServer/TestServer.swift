import NIOCore
import NIOHTTP1
import NIOPosix

/// A scripted HTTP/1.1 server on loopback that speaks the streaming wire formats of
/// OpenAI (`POST /v1/chat/completions`), Anthropic (`POST /v1/messages`) and Ollama
/// (`POST /api/chat`), with real delays between chunks, every failure a client must
/// handle (see `Scenario`), multi-turn tool conversations served turn by turn
/// (`ScriptedConversation`), and a record of the requests it received.
///
/// ```swift
/// try await TestServer.with { server in
///     let model = ChatOpenAI(configuration: .init(model: "fail-429-then-ok", openaiApiBase: server.baseURL + "/v1"))
///     ...
///     #expect(server.requests.count == 2)
/// }
/// ```
public final class TestServer: Sendable {
    /// The address the server listens on.
    public let host: String
    /// The port the server listens on (the ephemeral port chosen when 0 was asked).
    public let port: Int
    private let channel: any Channel
    private let state: TestServerState

    private init(host: String, port: Int, channel: any Channel, state: TestServerState) {
        self.host = host
        self.port = port
        self.channel = channel
        self.state = state
    }

    /// `http://host:port`.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Starts a server on `host` (loopback by default) and `port` (0: an ephemeral port).
    public static func start(
        options: TestServerOptions = TestServerOptions(), host: String = "127.0.0.1", port: Int = 0
    ) async throws -> TestServer {
        let state = TestServerState()
        let planner = ResponsePlanner(options: options)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                state.opened(channel)
                channel.closeFuture.whenComplete { _ in state.closed(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(ProviderHTTPHandler(state: state, planner: planner))
                }
            }
            .bind(host: host, port: port).get()
        return TestServer(host: host, port: channel.localAddress?.port ?? port, channel: channel, state: state)
    }

    /// Starts a server, runs `body` with it, and stops it whatever happens.
    public static func with<T: Sendable>(
        options: TestServerOptions = TestServerOptions(), _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let server = try await start(options: options)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Stops listening and closes every open connection.
    public func stop() async {
        try? await channel.close()
        for child in state.channels { try? await child.close() }
    }

    /// Waits until the server is stopped (for the command-line server).
    public func waitUntilStopped() async throws {
        try await channel.closeFuture.get()
    }

    /// Every request received so far, in order.
    public var requests: [RecordedRequest] { state.requests }
    /// Responses sent to their end.
    public var completedResponses: Int { state.completed }
    /// Responses whose client disconnected before their end (cancellation, timeouts).
    public var abandonedResponses: Int { state.aborted }
    /// Connections open now.
    public var openConnections: Int { state.openConnections }

    /// Polls `condition` every 10 ms for at most `timeout` seconds; returns whether it held.
    public func waitUntil(timeout: Double = 5, _ condition: (TestServer) -> Bool) async -> Bool {
        let steps = max(1, Int(timeout * 100))
        for _ in 0..<steps {
            if condition(self) { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return condition(self)
    }
}
