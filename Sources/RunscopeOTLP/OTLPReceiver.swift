import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import RunscopeCore

/// An OTLP/HTTP trace receiver: `POST /v1/traces` with protobuf or JSON bodies,
/// optionally gzipped, each decoded request handed to `accept`.
///
/// Answers as collectors do: 200 with an empty `ExportTraceServiceResponse` in the
/// request's encoding; 400 with a `google.rpc.Status` that says what is wrong; 401 when a
/// bearer token is required and missing; 404 for another path, 405 for another method; 413 for
/// a body over `OTLPBody.limit` (on the wire or inflated); 415 for another content type; 503
/// with `Retry-After` when `accept` says it is behind. None of them stops the receiver.
public final class OTLPReceiver: Sendable {
    /// What the receiver does with a request: `true` when taken, `false` to ask for a retry (503).
    public typealias Accept = @Sendable (OTLPExportRequest) -> Bool
    /// The same for a request's spans as the translator reads them (`OTLPBody.batch`).
    public typealias AcceptSpans = @Sendable (SpanBatch) -> Bool

    /// What the receiver hands on: decoded requests, or their spans.
    enum Delivery: Sendable {
        case requests(Accept)
        case spans(AcceptSpans)
    }

    /// The address it listens on.
    public let host: String
    /// The port it listens on (the one the system chose when 0 was asked).
    public let port: Int
    private let channel: any Channel
    private let connections: Locked<[ObjectIdentifier: any Channel]>
    private let counters: Locked<Counters>

    /// What the receiver has answered so far.
    public struct Counters: Sendable, Equatable {
        public var accepted = 0
        public var spans = 0
        public var refused = 0
    }

    private init(host: String, port: Int, channel: any Channel, connections: Locked<[ObjectIdentifier: any Channel]>, counters: Locked<Counters>) {
        self.host = host
        self.port = port
        self.channel = channel
        self.connections = connections
        self.counters = counters
    }

    /// `http://host:port/v1/traces` (IPv6 hosts in brackets).
    public var url: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/v1/traces"
    }

    /// Requests accepted, spans in them, and requests refused so far.
    public var counts: Counters { counters.withLock { $0 } }

    /// Starts listening on `host`:`port` (0: a free port). With `token`, every request must
    /// carry `Authorization: Bearer <token>`.
    public static func start(
        host: String = "127.0.0.1", port: Int = 4318, token: String? = nil, limit: Int = OTLPBody.limit, accept: @escaping Accept
    ) async throws -> OTLPReceiver {
        try await start(host: host, port: port, token: token, limit: limit, delivery: .requests(accept))
    }

    /// As `start(host:port:token:limit:accept:)`, handing on each request's spans as the
    /// translator reads them: protobuf bodies read straight into a `SpanBatch`, the fast way.
    public static func start(
        host: String = "127.0.0.1", port: Int = 4318, token: String? = nil, limit: Int = OTLPBody.limit,
        acceptSpans: @escaping AcceptSpans
    ) async throws -> OTLPReceiver {
        try await start(host: host, port: port, token: token, limit: limit, delivery: .spans(acceptSpans))
    }

    private static func start(host: String, port: Int, token: String?, limit: Int, delivery: Delivery) async throws -> OTLPReceiver {
        let connections = Locked<[ObjectIdentifier: any Channel]>([:])
        let counters = Locked(Counters())
        let rules = OTLPRequestHandler.Rules(token: token, limit: limit)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.withLock { $0[ObjectIdentifier(channel)] = channel }
                channel.closeFuture.whenComplete { _ in _ = connections.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) } }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(OTLPRequestHandler(rules: rules, counters: counters, delivery: delivery))
                }
            }
            .bind(host: host, port: port).get()
        return OTLPReceiver(host: host, port: channel.localAddress?.port ?? port, channel: channel, connections: connections, counters: counters)
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        try? await channel.close()
        for connection in connections.withLock({ Array($0.values) }) { try? await connection.close() }
    }
}
