import Foundation
import RunscopeCore

extension ChatOpenAI.Configuration {
    /// Reads LangChain `ChatOpenAI` kwargs (names and aliases as in the field docs);
    /// unknown kwargs go to `model_kwargs`; throws `KwargsError` naming a kwarg of the wrong type.
    public init(kwargs: ValueObject, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var reader = KwargsReader(kwargs, environment: environment)
        self.init(
            model: try reader.string("model_name", "model"), temperature: try reader.double("temperature"),
            maxTokens: try reader.int("max_tokens", "max_completion_tokens"), stop: try reader.strings("stop", "stop_sequences"),
            streaming: try reader.bool("streaming") ?? false, openaiApiKey: try reader.secret("openai_api_key", "api_key"),
            openaiApiBase: try reader.string("openai_api_base", "base_url"),
            openaiOrganization: try reader.string("openai_organization", "organization"),
            timeout: try reader.double("request_timeout", "timeout"), maxRetries: try reader.int("max_retries"),
            defaultHeaders: try reader.headers("default_headers"), modelKwargs: try reader.object("model_kwargs"),
            streamUsage: try reader.bool("stream_usage") ?? true)
        modelKwargs = reader.unknown.merging(modelKwargs)
    }
}

extension ChatAnthropic.Configuration {
    /// Reads LangChain `ChatAnthropic` kwargs (names and aliases as in the field docs);
    /// unknown kwargs go to `model_kwargs`; throws `KwargsError` naming a kwarg of the wrong type.
    public init(kwargs: ValueObject, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var reader = KwargsReader(kwargs, environment: environment)
        self.init(
            model: try reader.string("model", "model_name"), temperature: try reader.double("temperature"),
            maxTokens: try reader.int("max_tokens", "max_tokens_to_sample"),
            stop: try reader.strings("stop_sequences", "stop"), streaming: try reader.bool("streaming") ?? false,
            anthropicApiKey: try reader.secret("anthropic_api_key", "api_key"),
            anthropicApiUrl: try reader.string("anthropic_api_url", "base_url"),
            timeout: try reader.double("default_request_timeout", "timeout"), maxRetries: try reader.int("max_retries"),
            defaultHeaders: try reader.headers("default_headers"), modelKwargs: try reader.object("model_kwargs"))
        _ = try reader.bool("stream_usage")
        modelKwargs = reader.unknown.merging(modelKwargs)
    }
}

extension ChatOllama.Configuration {
    /// Reads `ChatOllama` kwargs (names as in the field docs; `max_tokens` is read as
    /// `num_predict`); unknown kwargs go to `model_kwargs` (top-level body fields such as
    /// `keep_alive`, `format`); throws `KwargsError` naming a kwarg of the wrong type.
    public init(kwargs: ValueObject, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var reader = KwargsReader(kwargs, environment: environment)
        self.init(
            model: try reader.string("model"), temperature: try reader.double("temperature"),
            numPredict: try reader.int("num_predict", "max_tokens"), stop: try reader.strings("stop"),
            streaming: try reader.bool("streaming") ?? false, baseUrl: try reader.string("base_url"),
            timeout: try reader.double("timeout"), maxRetries: try reader.int("max_retries"),
            defaultHeaders: try reader.headers("default_headers"), modelKwargs: try reader.object("model_kwargs"))
        modelKwargs = reader.unknown.merging(modelKwargs)
    }
}
