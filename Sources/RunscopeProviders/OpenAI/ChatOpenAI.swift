import Foundation
import RunscopeCore

/// A chat model served by OpenAI's Chat Completions API or any compatible server
/// (Ollama's `/v1`, vLLM, llama.cpp, LM Studio), streamed token by token.
///
/// Requests always stream (`stream: true`, with `stream_options.include_usage`); the
/// non-streaming `generate` collects the same stream, so both report usage, tool
/// calls and truncation the same way. Failures are thrown as `ProviderError`.
public struct ChatOpenAI: HTTPChatModel, ChatModel, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings, as given.
    public let configuration: Configuration
    public let callbacks: [any CallbackHandler]
    public let tags: [String]
    public let metadata: ValueObject
    /// Where requests go, with the key and limits resolved from settings and environment.
    let endpoint: ProviderEndpoint

    /// LangChain's default model.
    public static let defaultModel = "gpt-3.5-turbo"
    /// The default base URL.
    public static let defaultBaseURL = "https://api.openai.com/v1"

    /// A model with the given settings; the key and base URL fall back to `OPENAI_API_KEY`,
    /// `OPENAI_BASE_URL` (or `OPENAI_API_BASE`) and `OPENAI_ORG_ID` in `environment`.
    public init(
        configuration: Configuration = Configuration(), callbacks: [any CallbackHandler] = [], tags: [String] = [],
        metadata: ValueObject = [:], environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.configuration = configuration
        self.callbacks = callbacks
        self.tags = tags
        self.metadata = metadata
        let base = configuration.openaiApiBase ?? environment["OPENAI_BASE_URL"] ?? environment["OPENAI_API_BASE"]
        let (secret, source) = ProviderEndpoint.key(
            configured: configuration.openaiApiKey, setting: "openai_api_key", variable: "OPENAI_API_KEY",
            environment: environment)
        var headers = ProviderSupport.orderedHeaders(configuration.defaultHeaders)
        if let organization = configuration.openaiOrganization ?? environment["OPENAI_ORG_ID"] {
            headers.append(("openai-organization", organization))
        }
        self.endpoint = ProviderEndpoint(
            provider: "OpenAI",
            url: ProviderEndpoint.normalizedBase(base ?? Self.defaultBaseURL) + "/chat/completions",
            headers: headers, secret: secret, keySource: source, keyVariable: "OPENAI_API_KEY",
            idleTimeout: configuration.timeout ?? ProviderSupport.defaultTimeout,
            maxRetries: configuration.maxRetries ?? ProviderSupport.defaultMaxRetries,
            model: configuration.model ?? Self.defaultModel)
    }

    public var name: String { "ChatOpenAI" }
    public var streaming: Bool { configuration.streaming }
    public var providerName: String { "openai" }
    public var modelName: String? { endpoint.model }
    /// The full URL requests are sent to.
    public var url: String { endpoint.url }

    public var invocationParams: ValueObject {
        var params: ValueObject = [
            "model": .string(endpoint.model), "model_name": .string(endpoint.model), "stream": .bool(streaming), "n": 1,
        ]
        if let temperature = configuration.temperature { params["temperature"] = .double(temperature) }
        if let maxTokens = configuration.maxTokens { params["max_tokens"] = .int(maxTokens) }
        for (key, value) in configuration.modelKwargs { params[key] = value }
        params["_type"] = "openai-chat"
        return params
    }

    public var serialized: Value {
        var kwargs: ValueObject = ["model_name": .string(endpoint.model)]
        if let temperature = configuration.temperature { kwargs["temperature"] = .double(temperature) }
        if let maxTokens = configuration.maxTokens { kwargs["max_tokens"] = .int(maxTokens) }
        if let stop = configuration.stop { kwargs["stop"] = .array(stop.map(Value.string)) }
        if let base = configuration.openaiApiBase { kwargs["openai_api_base"] = .string(base) }
        if let organization = configuration.openaiOrganization { kwargs["openai_organization"] = .string(organization) }
        if let timeout = configuration.timeout { kwargs["request_timeout"] = .double(timeout) }
        if let maxRetries = configuration.maxRetries { kwargs["max_retries"] = .int(maxRetries) }
        if !configuration.defaultHeaders.isEmpty {
            kwargs["default_headers"] = ProviderSupport.redactedHeaders(configuration.defaultHeaders)
        }
        if !configuration.modelKwargs.isEmpty { kwargs["model_kwargs"] = .object(configuration.modelKwargs) }
        kwargs["openai_api_key"] = ProviderSupport.secretReference("OPENAI_API_KEY")
        kwargs["stream_usage"] = .bool(configuration.streamUsage)
        if streaming { kwargs["streaming"] = true }
        return ProviderSupport.constructor(["langchain", "chat_models", "openai", "ChatOpenAI"], name: name, kwargs: kwargs)
    }

    static func decoder(for endpoint: ProviderEndpoint) -> OpenAIStreamDecoder { OpenAIStreamDecoder(endpoint: endpoint) }

    public var description: String { RedactedDescription.describe("ChatOpenAI", configuration.redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { RedactedDescription.mirror(self, configuration.redactedFields) }
}
