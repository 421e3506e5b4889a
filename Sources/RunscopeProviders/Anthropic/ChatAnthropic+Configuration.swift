import RunscopeCore

extension ChatAnthropic {
    /// The settings of a `ChatAnthropic`, one field per LangChain `ChatAnthropic` kwarg
    /// (the kwarg names are given on each field). `nil` means "not set".
    public struct Configuration: Sendable, Equatable {
        /// `model` (alias `model_name`): the model to call, e.g. `claude-3-5-sonnet-latest`. Required by the API.
        public var model: String?
        /// `temperature`: sampling temperature.
        public var temperature: Double?
        /// `max_tokens` (alias `max_tokens_to_sample`): the longest answer in tokens. The API
        /// requires it: default 1024.
        public var maxTokens: Int?
        /// `stop` (alias `stop_sequences`): stop sequences, sent as `stop_sequences`.
        public var stop: [String]?
        /// `streaming`: whether `invoke` streams and so reports every token.
        public var streaming: Bool
        /// `anthropic_api_key` (alias `api_key`): the API key, sent as `x-api-key`. Default: `ANTHROPIC_API_KEY`.
        public var anthropicApiKey: String?
        /// `anthropic_api_url` (alias `base_url`): the API base URL, without `/v1`.
        /// Default: `ANTHROPIC_BASE_URL`, else `https://api.anthropic.com`.
        public var anthropicApiUrl: String?
        /// `default_request_timeout` (alias `timeout`): seconds to wait for the answer to start and
        /// then for each next chunk before failing with a timeout. Default 60.
        public var timeout: Double?
        /// `max_retries`: retries after a connection error, timeout before the answer, 408, 409,
        /// 429, 5xx or 529. Default 2.
        public var maxRetries: Int?
        /// `default_headers`: headers added to every request; `anthropic-version` here replaces
        /// the default `2023-06-01`, `anthropic-beta` enables betas.
        public var defaultHeaders: [String: String]
        /// `model_kwargs`: extra fields merged into the request body (e.g. `top_k`, `thinking`).
        public var modelKwargs: ValueObject

        /// A configuration; every setting is optional.
        public init(
            model: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil, stop: [String]? = nil,
            streaming: Bool = false, anthropicApiKey: String? = nil, anthropicApiUrl: String? = nil,
            timeout: Double? = nil, maxRetries: Int? = nil, defaultHeaders: [String: String] = [:],
            modelKwargs: ValueObject = [:]
        ) {
            self.model = model
            self.temperature = temperature
            self.maxTokens = maxTokens
            self.stop = stop
            self.streaming = streaming
            self.anthropicApiKey = anthropicApiKey
            self.anthropicApiUrl = anthropicApiUrl
            self.timeout = timeout
            self.maxRetries = maxRetries
            self.defaultHeaders = defaultHeaders
            self.modelKwargs = modelKwargs
        }
    }
}

extension ChatAnthropic.Configuration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings with the key masked.
    var redactedFields: [(String, Any?)] {
        [
            ("model", model), ("temperature", temperature), ("maxTokens", maxTokens), ("stop", stop),
            ("streaming", streaming), ("anthropicApiKey", RedactedDescription.key(anthropicApiKey)),
            ("anthropicApiUrl", anthropicApiUrl), ("timeout", timeout), ("maxRetries", maxRetries),
            ("defaultHeaders", ProviderSupport.redactedHeaders(defaultHeaders).compactJSON()),
            ("modelKwargs", Value.object(modelKwargs).compactJSON()),
        ]
    }

    public var description: String { RedactedDescription.describe("ChatAnthropic.Configuration", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { RedactedDescription.mirror(self, redactedFields) }
}
