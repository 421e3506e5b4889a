import Foundation
import RunscopeCore

/// A chat model served by Ollama's native `/api/chat` API (NDJSON), streamed token by token.
///
/// Requests always stream; the non-streaming `generate` collects the same stream.
/// Failures are thrown as `ProviderError`. Ollama needs no key.
public struct ChatOllama: HTTPChatModel, ChatModel, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings, as given.
    public let configuration: Configuration
    public let callbacks: [any CallbackHandler]
    public let tags: [String]
    public let metadata: ValueObject
    /// Where requests go, with limits resolved from settings and environment.
    let endpoint: ProviderEndpoint

    /// The default server.
    public static let defaultBaseURL = "http://localhost:11434"

    /// A model with the given settings; the server falls back to `OLLAMA_HOST` in `environment`.
    public init(
        configuration: Configuration = Configuration(), callbacks: [any CallbackHandler] = [], tags: [String] = [],
        metadata: ValueObject = [:], environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.configuration = configuration
        self.callbacks = callbacks
        self.tags = tags
        self.metadata = metadata
        let base = configuration.baseUrl ?? environment["OLLAMA_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultBaseURL
        self.endpoint = ProviderEndpoint(
            provider: "Ollama", url: ProviderEndpoint.normalizedBase(base) + "/api/chat",
            headers: ProviderSupport.orderedHeaders(configuration.defaultHeaders), secret: nil, keySource: nil,
            keyVariable: nil, idleTimeout: configuration.timeout ?? ProviderSupport.defaultTimeout,
            maxRetries: configuration.maxRetries ?? ProviderSupport.defaultMaxRetries, model: configuration.model ?? "")
    }

    public var name: String { "ChatOllama" }
    public var streaming: Bool { configuration.streaming }
    public var providerName: String { "ollama" }
    public var modelName: String? { configuration.model }
    /// The full URL requests are sent to.
    public var url: String { endpoint.url }

    public var invocationParams: ValueObject {
        var params: ValueObject = ["model": .string(endpoint.model)]
        if let temperature = configuration.temperature { params["temperature"] = .double(temperature) }
        if let numPredict = configuration.numPredict { params["num_predict"] = .int(numPredict) }
        params["stream"] = .bool(streaming)
        for (key, value) in configuration.modelKwargs { params[key] = value }
        params["_type"] = "chat-ollama"
        return params
    }

    /// LangChain's form: `ChatOllama` does not implement serialization, so `dumpd` gives
    /// a `not_implemented` entry with a Python-style `repr`.
    public var serialized: Value {
        var fields: [String] = []
        if let model = configuration.model { fields.append("model='\(model)'") }
        if let temperature = configuration.temperature { fields.append("temperature=\(temperature)") }
        if let numPredict = configuration.numPredict { fields.append("num_predict=\(numPredict)") }
        if let baseUrl = configuration.baseUrl { fields.append("base_url='\(baseUrl)'") }
        return [
            "lc": 1, "type": "not_implemented", "id": ["langchain_ollama", "chat_models", "ChatOllama"],
            "repr": .string("ChatOllama(\(fields.joined(separator: ", ")))"), "name": "ChatOllama",
        ]
    }

    static func decoder(for endpoint: ProviderEndpoint) -> OllamaStreamDecoder { OllamaStreamDecoder(endpoint: endpoint) }

    public var description: String { RedactedDescription.describe("ChatOllama", configuration.redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { RedactedDescription.mirror(self, configuration.redactedFields) }
}
