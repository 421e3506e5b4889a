import RunscopeCore

/// A failure of a model provider call: an HTTP status, a connection problem, a
/// timeout, or a bad stream. Its message names the provider, the HTTP status and
/// the provider's own message, and never contains an API key.
public struct ProviderError: Error, Sendable, Equatable, RunscopeErrorDescribing, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The server answered with an HTTP error status.
        case http(status: Int)
        /// The server could not be reached (refused, DNS failure, reset before an answer).
        case connection
        /// The server sent nothing for longer than the timeout.
        case timeout
        /// The server reported an error inside a successful (200) stream.
        case streamError
        /// A stream chunk was not valid JSON.
        case malformedChunk
        /// The stream ended before its terminator: the answer is incomplete.
        case truncated
        /// The model is configured in a way that cannot work (e.g. a bad base URL).
        case configuration
    }

    /// What went wrong.
    public var kind: Kind
    /// The provider's display name: `OpenAI`, `Anthropic` or `Ollama`.
    public var provider: String
    /// The error type the provider gave (`rate_limit_exceeded`, `overloaded_error`, ...), if any.
    public var providerType: String?
    /// The whole message, as shown to a user.
    public var message: String
    /// How many attempts were made before giving up (1 when not retried).
    public var attempts: Int

    /// An error of the given kind with an already redacted message.
    public init(kind: Kind, provider: String, message: String, providerType: String? = nil, attempts: Int = 1) {
        self.kind = kind
        self.provider = provider
        self.message = message
        self.providerType = providerType
        self.attempts = attempts
    }

    /// The HTTP status, for HTTP errors.
    public var statusCode: Int? {
        if case .http(let status) = kind { return status }
        return nil
    }

    /// The type name shown in traces, after the Python SDKs' exception classes.
    public var errorType: String {
        switch kind {
        case .http(let status): return Self.typeName(status: status, providerType: providerType)
        case .connection: return "APIConnectionError"
        case .timeout: return "APITimeoutError"
        case .streamError: return providerType == "overloaded_error" ? "OverloadedError" : "APIError"
        case .malformedChunk: return "MalformedChunkError"
        case .truncated: return "TruncatedStreamError"
        case .configuration: return "ValueError"
        }
    }

    public var errorMessage: String {
        attempts > 1 ? "\(message) (gave up after \(attempts) attempts)" : message
    }

    public var description: String { "\(errorType): \(errorMessage)" }

    /// The Python SDK class name for an HTTP status.
    static func typeName(status: Int, providerType: String?) -> String {
        switch status {
        case 400: return "BadRequestError"
        case 401: return "AuthenticationError"
        case 403: return "PermissionDeniedError"
        case 404: return "NotFoundError"
        case 409: return "ConflictError"
        case 413: return "RequestTooLargeError"
        case 422: return "UnprocessableEntityError"
        case 429: return "RateLimitError"
        case 529: return "OverloadedError"
        case 500...: return providerType == "overloaded_error" ? "OverloadedError" : "InternalServerError"
        default: return "HTTPError"
        }
    }
}
