import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RunscopeCore

/// Sends one chat request to a provider and opens its response stream: retries
/// retryable failures (connection errors, timeouts before the answer, 408, 409,
/// 429, 5xx) with backoff, reporting each retry on the model run, and turns every
/// failure into a `ProviderError` with the provider's own message.
struct ProviderTransport: Sendable {
    let endpoint: ProviderEndpoint
    /// The JSON request body.
    let body: [UInt8]

    /// The longest error body read, in bytes.
    static let errorBodyLimit = 64 * 1024

    /// Sends the request until it gets a 2xx answer or gives up; returns that answer.
    func open(run: RunManager?) async throws -> HTTPClientResponse {
        let client = HTTPClientPool.client(idleTimeout: endpoint.idleTimeout)
        let request = try makeRequest()
        var attempt = 1
        while true {
            try Task.checkCancellation()
            var failure: ProviderError
            var retryable: Bool
            var retryAfter: Double?
            do {
                let response = try await client.execute(request, deadline: .now() + timeAmount(endpoint.idleTimeout))
                if (200..<300).contains(response.status.code) { return response }
                let errorBody = try await readErrorBody(response)
                let header: (String) -> String? = { response.headers.first(name: $0) }
                failure = httpError(status: Int(response.status.code), body: errorBody)
                retryable = RetryPolicy.isRetryable(status: Int(response.status.code), header: header)
                retryAfter = RetryPolicy.retryAfter(header: header)
            } catch {
                let classified = classify(error, duringBody: false, chunks: 0)
                guard let providerError = classified as? ProviderError else { throw classified }
                failure = providerError
                retryable = providerError.kind == .connection || providerError.kind == .timeout
            }
            failure.attempts = attempt
            guard retryable, attempt <= endpoint.maxRetries else { throw failure }
            let wait = RetryPolicy.delay(retryIndex: attempt - 1, retryAfter: retryAfter)
            try run?.retry(RetryState(attemptNumber: attempt, error: RunError(failure), waitSeconds: wait))
            try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
            attempt += 1
        }
    }

    /// The HTTP request: POST, JSON body, the endpoint's headers.
    func makeRequest() throws -> HTTPClientRequest {
        guard let url = URL(string: endpoint.url), url.host != nil,
            url.scheme == "http" || url.scheme == "https"
        else {
            throw endpoint.error(.configuration, "\(endpoint.provider): the URL \(endpoint.url) is not a valid http(s) URL; check the base URL setting")
        }
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "accept", value: "text/event-stream, application/x-ndjson, application/json")
        request.headers.add(name: "user-agent", value: "runscope")
        for (name, value) in endpoint.allHeaders { request.headers.replaceOrAdd(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        return request
    }

    /// The body of an error answer, at most `errorBodyLimit` bytes.
    private func readErrorBody(_ response: HTTPClientResponse) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in response.body {
                bytes.append(contentsOf: buffer.readableBytesView.prefix(Self.errorBodyLimit - bytes.count))
                if bytes.count >= Self.errorBodyLimit { break }
            }
        } catch {
            if Task.isCancelled { throw CancellationError() }
        }
        return bytes
    }

    /// The error for an HTTP error status, with the provider's message and a hint.
    func httpError(status: Int, body: [UInt8]) -> ProviderError {
        let detail = ProviderErrorBody(bytes: body)
        let name = endpoint.provider
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        let label = "HTTP \(status)" + (detail.type.map { ", \($0)" } ?? "")
        let said = detail.message.map { ": \($0)" } ?? " (\(reason))"
        var message: String
        switch status {
        case 401, 403:
            message = "\(name) refused the request (\(label))\(said). Authentication failed: \(endpoint.keyHint)"
        case 404:
            message = "\(name) returned \(label)\(said). Check the model name '\(endpoint.model)' and the URL \(endpoint.url)"
        case 429:
            message = "\(name) is rate limiting requests (\(label))\(said)"
        case 500...:
            message = "\(name) server error (\(label))\(said)"
        default:
            message = "\(name) returned \(label)\(said)"
        }
        return endpoint.error(.http(status: status), message, providerType: detail.type)
    }

    /// A thrown transport error as a `ProviderError` (or `CancellationError`).
    func classify(_ error: any Error, duringBody: Bool, chunks: Int) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let providerError = error as? ProviderError { return providerError }
        let name = endpoint.provider
        let seconds = Self.format(endpoint.idleTimeout)
        let whereText = duringBody ? " after \(chunks) chunks" : ""
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .cancelled: return CancellationError()
            case .readTimeout, .deadlineExceeded:
                let what = duringBody ? "the server stalled" : "no answer"
                return endpoint.error(
                    .timeout,
                    "\(name) sent nothing for \(seconds) s\(whereText) (\(what); timeout is \(seconds) s, raise the timeout setting if the model is slow)")
            case .remoteConnectionClosed where duringBody:
                return endpoint.error(.truncated, "\(name) closed the connection\(whereText), before the stream was complete: the answer is truncated")
            case .connectTimeout:
                return endpoint.error(.connection, "could not connect to \(name) at \(endpoint.url): connect timed out")
            default: break
            }
        }
        let detail = Self.describeConnectionError(error)
        if duringBody {
            return endpoint.error(.truncated, "\(name) stream broke off\(whereText): \(detail); the answer is truncated")
        }
        return endpoint.error(.connection, "could not connect to \(name) at \(endpoint.url): \(detail)")
    }

    /// A short description of a connection error (refused, DNS, reset).
    static func describeConnectionError(_ error: any Error) -> String {
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("connection refused") || lower.contains("errno: 111") { return "connection refused" }
        if lower.contains("dnsaerror") || lower.contains("getaddrinfo") || lower.contains("name or service not known")
            || lower.contains("unknownhost") || lower.contains("no address")
        {
            return "the host name could not be resolved (DNS failure: \(ProviderErrorBody.excerpt(text, limit: 200)))"
        }
        return ProviderErrorBody.excerpt(text, limit: 300)
    }

    /// Seconds as NIO's `TimeAmount`.
    func timeAmount(_ seconds: Double) -> TimeAmount { .nanoseconds(Int64(seconds * 1e9)) }

    /// A number of seconds without a useless `.0`.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
