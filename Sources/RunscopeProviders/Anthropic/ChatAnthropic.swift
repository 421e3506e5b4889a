import Foundation
import RunscopeCore

/// A chat model served by Anthropic's Messages API, streamed token by token.
///
/// Requests always stream; the non-streaming `generate` collects the same stream.
/// Failures are thrown as `ProviderError`.
public struct ChatAnthropic: HTTPChatModel, ChatModel, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings, as given.
    public let configuration: Configuration
    public let callbacks: [any CallbackHandler]
    public let tags: [String]
    public let metadata: ValueObject
    /// Where requests go, with the key and limits resolved from settings and environment.
    let endpoint: ProviderEndpoint

    /// The default `max_tokens`.
    public static let defaultMaxTokens = 1024
    /// The default base URL.
    public static let defaultBaseURL = "https://api.anthropic.com"
    /// The default `anthropic-version` header.
    public static let defaultVersion = "2023-06-01"

    /// A model with the given settings; the key and base URL fall back to
    /// `ANTHROPIC_API_KEY` and `ANTHROPIC_BASE_URL` in `environment`.
    public init(
        configuration: Configuration = Configuration(), callbacks: [any CallbackHandler] = [], tags: [String] = [],
        metadata: ValueObject = [:], environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.configuration = configuration
        self.callbacks = callbacks
        self.tags = tags
        self.metadata = metadata
        let base = configuration.anthropicApiUrl ?? environment["ANTHROPIC_BASE_URL"] ?? Self.defaultBaseURL
        let (secret, source) = ProviderEndpoint.key(
            configured: configuration.anthropicApiKey, setting: "anthropic_api_key", variable: "ANTHROPIC_API_KEY",
            environment: environment)
        var headers: [String: String] = ["anthropic-version": Self.defaultVersion]
        for (name, value) in configuration.defaultHeaders { headers[name.lowercased()] = value }
        var endpoint = ProviderEndpoint(
            provider: "Anthropic", url: ProviderEndpoint.normalizedBase(base) + "/v1/messages",
            headers: ProviderSupport.orderedHeaders(headers), secret: secret, keySource: source,
            keyVariable: "ANTHROPIC_API_KEY", idleTimeout: configuration.timeout ?? ProviderSupport.defaultTimeout,
            maxRetries: configuration.maxRetries ?? ProviderSupport.defaultMaxRetries, model: configuration.model ?? "")
        endpoint.keyHeader = ("x-api-key", "")
        self.endpoint = endpoint
    }

    public var name: String { "ChatAnthropic" }
    public var streaming: Bool { configuration.streaming }
    public var providerName: String { "anthropic" }
    public var modelName: String? { configuration.model }
    /// The full URL requests are sent to.
    public var url: String { endpoint.url }
    /// The `max_tokens` sent.
    public var maxTokens: Int { configuration.maxTokens ?? Self.defaultMaxTokens }

    public var invocationParams: ValueObject {
        var params: ValueObject = ["model": .string(endpoint.model), "max_tokens": .int(maxTokens)]
        if let temperature = configuration.temperature { params["temperature"] = .double(temperature) }
        params["stream"] = .bool(streaming)
        for (key, value) in configuration.modelKwargs { params[key] = value }
        params["_type"] = "anthropic-chat"
        return params
    }

    public var serialized: Value {
        var kwargs: ValueObject = ["model": .string(endpoint.model)]
        if let temperature = configuration.temperature { kwargs["temperature"] = .double(temperature) }
        kwargs["max_tokens"] = .int(maxTokens)
        if let stop = configuration.stop { kwargs["stop_sequences"] = .array(stop.map(Value.string)) }
        if let timeout = configuration.timeout { kwargs["default_request_timeout"] = .double(timeout) }
        kwargs["max_retries"] = .int(endpoint.maxRetries)
        kwargs["anthropic_api_url"] = .string(
            ProviderEndpoint.normalizedBase(configuration.anthropicApiUrl ?? Self.defaultBaseURL))
        kwargs["anthropic_api_key"] = ProviderSupport.secretReference("ANTHROPIC_API_KEY")
        if !configuration.defaultHeaders.isEmpty {
            kwargs["default_headers"] = ProviderSupport.redactedHeaders(configuration.defaultHeaders)
        }
        if !configuration.modelKwargs.isEmpty { kwargs["model_kwargs"] = .object(configuration.modelKwargs) }
        kwargs["stream_usage"] = true
        if streaming { kwargs["streaming"] = true }
        return ProviderSupport.constructor(
            ["langchain", "chat_models", "anthropic", "ChatAnthropic"], name: name, kwargs: kwargs)
    }

    static func decoder(for endpoint: ProviderEndpoint) -> AnthropicStreamDecoder { AnthropicStreamDecoder(endpoint: endpoint) }

    public var description: String { RedactedDescription.describe("ChatAnthropic", configuration.redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { RedactedDescription.mirror(self, configuration.redactedFields) }
}
