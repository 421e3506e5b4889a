import AsyncHTTPClient
import Foundation
import NIOCore
import RunscopeCore

/// The HTTP clients the models share: one per idle timeout, since AsyncHTTPClient
/// applies its read timeout (the longest wait for the next byte) per client.
/// Clients live for the whole process, like `HTTPClient.shared`, and are never shut down.
enum HTTPClientPool {
    private static let clients = Locked<[Int64: HTTPClient]>([:])

    /// The environment variable that sets the longest wait for a connection, in seconds
    /// (default 10, never more than the idle timeout): a slow network, or a test run under
    /// ThreadSanitizer on a loaded machine, may need more.
    static let connectTimeoutVariable = "RUNSCOPE_CONNECT_TIMEOUT"

    /// The connect timeout in milliseconds: ``connectTimeoutVariable`` when it is a positive
    /// number of seconds, else 10 s.
    static let connectMilliseconds = connectMilliseconds(from: ProcessInfo.processInfo.environment)

    /// The connect timeout that `environment` asks for (at most a day), or 10 s.
    static func connectMilliseconds(from environment: [String: String]) -> Int64 {
        guard let text = environment[connectTimeoutVariable], let seconds = Double(text),
              seconds.isFinite, seconds > 0 else { return 10_000 }
        return max(1, Int64((min(seconds, 86_400) * 1000).rounded()))
    }

    /// The client whose read timeout is `idleTimeout` seconds.
    static func client(idleTimeout: Double) -> HTTPClient {
        let milliseconds = max(1, Int64((idleTimeout * 1000).rounded()))
        return clients.withLock { clients in
            if let client = clients[milliseconds] { return client }
            var configuration = HTTPClient.Configuration()
            let connect = min(milliseconds, connectMilliseconds)
            configuration.timeout = .init(connect: .milliseconds(connect), read: .milliseconds(milliseconds))
            // Connection failures are retried by the model (with backoff and retry events), not here.
            configuration.connectionPool.retryConnectionEstablishment = false
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[milliseconds] = client
            return client
        }
    }
}
