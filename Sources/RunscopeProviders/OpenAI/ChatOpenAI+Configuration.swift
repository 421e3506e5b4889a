import RunscopeCore

extension ChatOpenAI {
    /// The settings of a `ChatOpenAI`, one field per LangChain `ChatOpenAI` kwarg
    /// (the kwarg names are given on each field). `nil` means "not set": the
    /// provider's default applies and nothing is sent.
    public struct Configuration: Sendable, Equatable {
        /// `model` / `model_name`: the model to call. Default `gpt-3.5-turbo` (LangChain's default).
        public var model: String?
        /// `temperature`: sampling temperature.
        public var temperature: Double?
        /// `max_tokens` (alias `max_completion_tokens`): the longest answer in tokens. Sent as
        /// `max_completion_tokens` to api.openai.com and as `max_tokens` to other servers.
        public var maxTokens: Int?
        /// `stop` (alias `stop_sequences`): stop sequences; stop sequences bound to a call win.
        public var stop: [String]?
        /// `streaming`: whether `invoke` streams and so reports every token (`on_llm_new_token`).
        public var streaming: Bool
        /// `openai_api_key` (alias `api_key`): the API key. Default: `OPENAI_API_KEY`.
        /// Without a key no `Authorization` header is sent (fine for local compatible servers).
        public var openaiApiKey: String?
        /// `openai_api_base` (alias `base_url`): the API base URL, e.g. `http://localhost:11434/v1`.
        /// Default: `OPENAI_BASE_URL`, else `OPENAI_API_BASE`, else `https://api.openai.com/v1`.
        public var openaiApiBase: String?
        /// `openai_organization` (alias `organization`): sent as `OpenAI-Organization`. Default: `OPENAI_ORG_ID`.
        public var openaiOrganization: String?
        /// `timeout` (alias `request_timeout`): seconds to wait for the answer to start and then
        /// for each next chunk before failing with a timeout. Default 60.
        public var timeout: Double?
        /// `max_retries`: retries after a connection error, timeout before the answer, 408, 409,
        /// 429 or 5xx. Default 2.
        public var maxRetries: Int?
        /// `default_headers`: headers added to every request.
        public var defaultHeaders: [String: String]
        /// `model_kwargs`: extra fields merged into the request body (e.g. `top_p`, `seed`).
        public var modelKwargs: ValueObject
        /// `stream_usage`: ask for token usage in the stream (`stream_options.include_usage`). Default true.
        public var streamUsage: Bool

        /// A configuration; every setting is optional.
        public init(
            model: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil, stop: [String]? = nil,
            streaming: Bool = false, openaiApiKey: String? = nil, openaiApiBase: String? = nil,
            openaiOrganization: String? = nil, timeout: Double? = nil, maxRetries: Int? = nil,
            defaultHeaders: [String: String] = [:], modelKwargs: ValueObject = [:], streamUsage: Bool = true
        ) {
            self.model = model
            self.temperature = temperature
            self.maxTokens = maxTokens
            self.stop = stop
            self.streaming = streaming
            self.openaiApiKey = openaiApiKey
            self.openaiApiBase = openaiApiBase
            self.openaiOrganization = openaiOrganization
            self.timeout = timeout
            self.maxRetries = maxRetries
            self.defaultHeaders = defaultHeaders
            self.modelKwargs = modelKwargs
            self.streamUsage = streamUsage
        }
    }
}

extension ChatOpenAI.Configuration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings with the key masked.
    var redactedFields: [(String, Any?)] {
        [
            ("model", model), ("temperature", temperature), ("maxTokens", maxTokens), ("stop", stop),
            ("streaming", streaming), ("openaiApiKey", RedactedDescription.key(openaiApiKey)),
            ("openaiApiBase", openaiApiBase), ("openaiOrganization", openaiOrganization), ("timeout", timeout),
            ("maxRetries", maxRetries), ("defaultHeaders", ProviderSupport.redactedHeaders(defaultHeaders).compactJSON()),
            ("modelKwargs", Value.object(modelKwargs).compactJSON()), ("streamUsage", streamUsage),
        ]
    }

    public var description: String { RedactedDescription.describe("ChatOpenAI.Configuration", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { RedactedDescription.mirror(self, redactedFields) }
}
