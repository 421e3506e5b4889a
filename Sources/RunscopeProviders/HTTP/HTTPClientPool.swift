import AsyncHTTPClient
import NIOCore
import RunscopeCore

/// The HTTP clients the models share: one per idle timeout, since AsyncHTTPClient
/// applies its read timeout (the longest wait for the next byte) per client.
/// Clients live for the whole process, like `HTTPClient.shared`, and are never shut down.
enum HTTPClientPool {
    private static let clients = Locked<[Int64: HTTPClient]>([:])

    /// The client whose read timeout is `idleTimeout` seconds.
    static func client(idleTimeout: Double) -> HTTPClient {
        let milliseconds = max(1, Int64((idleTimeout * 1000).rounded()))
        return clients.withLock { clients in
            if let client = clients[milliseconds] { return client }
            var configuration = HTTPClient.Configuration()
            let connect = min(milliseconds, 10_000)
            configuration.timeout = .init(connect: .milliseconds(connect), read: .milliseconds(milliseconds))
            // Connection failures are retried by the model (with backoff and retry events), not here.
            configuration.connectionPool.retryConnectionEstablishment = false
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[milliseconds] = client
            return client
        }
    }
}
