import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// POSTs encoded batches to the endpoint, one try at a time, on the exporter's thread
/// (it waits for each answer; the chain never does).
final class OTLPSender: Sendable {
    /// What one try came to.
    enum Attempt: Equatable {
        case sent(rejected: Int64, message: String)
        /// Worth another try (429/502/503/504, or no connection), after `retryAfter` if the server said.
        case retry(reason: String, retryAfter: TimeInterval?, connection: Bool)
        /// Not worth another try (another status, or a request that cannot be made).
        case failed(reason: String)
    }

    private let client: HTTPClient
    private let configuration: OTLPConfiguration

    /// A sender with a client of its own (shut down by `shutdown()`).
    init(configuration: OTLPConfiguration) {
        self.configuration = configuration
        var settings = HTTPClient.Configuration()
        let timeout = Int64(max(1, configuration.requestTimeout * 1000))
        settings.timeout = .init(connect: .milliseconds(min(timeout, 5000)), read: .milliseconds(timeout))
        // Retries are the exporter's (with backoff and a deadline), not the pool's.
        settings.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings)
    }

    /// Sends `body` once, waiting at most `timeout` seconds for the answer, and says how it went.
    func post(_ body: [UInt8], timeout: TimeInterval) -> Attempt {
        let request: HTTPClient.Request
        do {
            request = try makeRequest(body)
        } catch {
            return .failed(reason: "cannot make the request (\(error))")
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(max(0.1, timeout) * 1000))
        do {
            let response = try client.execute(request: request, deadline: deadline).wait()
            return answer(response)
        } catch {
            return .retry(reason: Self.describe(error), retryAfter: nil, connection: true)
        }
    }

    /// Closes the client's connections.
    func shutdown() {
        try? client.syncShutdown()
    }

    private func makeRequest(_ body: [UInt8]) throws -> HTTPClient.Request {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: configuration.encoding == .json ? "application/json" : "application/x-protobuf")
        headers.add(name: "User-Agent", value: "runscope-otlp")
        var payload = body
        if configuration.gzip, let compressed = Gzip.compress(body) {
            headers.add(name: "Content-Encoding", value: "gzip")
            payload = compressed
        }
        for (name, value) in configuration.headers { headers.replaceOrAdd(name: name, value: value) }
        return try HTTPClient.Request(url: configuration.endpoint, method: .POST, headers: headers, body: .bytes(payload))
    }

    private func answer(_ response: HTTPClient.Response) -> Attempt {
        let status = Int(response.status.code)
        let bytes = response.body.map { Array($0.readableBytesView) } ?? []
        if (200..<300).contains(status) { return partialSuccess(bytes, contentType: response.headers.first(name: "Content-Type")) }
        let text = String(decoding: bytes.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = "answered \(status)" + (text.isEmpty ? "" : " (\(text.replacingOccurrences(of: "\n", with: " ")))")
        if RetryPolicy.isRetryable(status: status) {
            return .retry(reason: reason, retryAfter: RetryPolicy.retryAfter(response.headers.first(name: "Retry-After")), connection: false)
        }
        return .failed(reason: reason)
    }

    /// A 2xx answer; its `partial_success`, when the body is a protobuf response that has one.
    private func partialSuccess(_ bytes: [UInt8], contentType: String?) -> Attempt {
        guard !bytes.isEmpty, contentType?.contains("protobuf") == true,
              let response = try? OTLPExportResponse(serializedBytes: bytes), response.hasPartialSuccess else {
            return .sent(rejected: 0, message: "")
        }
        return .sent(rejected: response.partialSuccess.rejectedSpans, message: response.partialSuccess.errorMessage)
    }

    /// A transport error in a few words (`connection refused`, `timed out`).
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .remoteConnectionClosed: return "the connection was closed"
            default: return String(describing: error)
            }
        }
        let text = String(describing: error)
        if text.contains("refused") { return "connection refused" }
        return text
    }
}
