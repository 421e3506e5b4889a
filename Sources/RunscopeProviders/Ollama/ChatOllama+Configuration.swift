import RunscopeCore

extension ChatOllama {
    /// The settings of a `ChatOllama`, one field per LangChain `ChatOllama` kwarg (the
    /// kwarg names are given on each field; the ones LangChain does not have are marked
    /// "runscope"). `nil` means "not set": Ollama's default applies.
    public struct Configuration: Sendable, Equatable {
        /// `model`: the model to call, e.g. `llama3.2`. Required by the API.
        public var model: String?
        /// `temperature`: sampling temperature, sent as `options.temperature`.
        public var temperature: Double?
        /// `num_predict` (runscope also reads `max_tokens`): the longest answer in tokens,
        /// sent as `options.num_predict`.
        public var numPredict: Int?
        /// `stop`: stop sequences, sent as `options.stop`.
        public var stop: [String]?
        /// `streaming` (runscope, as ChatOpenAI's): whether `invoke` streams and so reports every token.
        public var streaming: Bool
        /// `base_url`: the server, e.g. `http://localhost:11434`. Default: `OLLAMA_HOST`
        /// (`host:port` gets `http://`), else `http://localhost:11434`.
        public var baseUrl: String?
        /// `timeout` (runscope; LangChain passes it in `client_kwargs`): seconds to wait for the
        /// answer to start and then for each next chunk. Default 60 (a model load can be slow).
        public var timeout: Double?
        /// `max_retries` (runscope): retries after a connection error, timeout before the answer,
        /// 408, 409, 429 or 5xx. Default 2.
        public var maxRetries: Int?
        /// `default_headers` (runscope; LangChain: `client_kwargs.headers`): headers added to every request.
        public var defaultHeaders: [String: String]
        /// `model_kwargs` (runscope): extra top-level body fields, e.g. `keep_alive`, `format`, `think`.
        public var modelKwargs: ValueObject

        /// A configuration; every setting is optional.
        public init(
            model: String? = nil, temperature: Double? = nil, numPredict: Int? = nil, stop: [String]? = nil,
            streaming: Bool = false, baseUrl: String? = nil, timeout: Double? = nil, maxRetries: Int? = nil,
            defaultHeaders: [String: String] = [:], modelKwargs: ValueObject = [:]
        ) {
            self.model = model
            self.temperature = temperature
            self.numPredict = numPredict
            self.stop = stop
            self.streaming = streaming
            self.baseUrl = baseUrl
            self.timeout = timeout
            self.maxRetries = maxRetries
            self.defaultHeaders = defaultHeaders
            self.modelKwargs = modelKwargs
        }
    }
}

extension ChatOllama.Configuration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings, sensitive header values masked.
    var redactedFields: [(String, Any?)] {
        [
            ("model", model), ("temperature", temperature), ("numPredict", numPredict), ("stop", stop),
            ("streaming", streaming), ("baseUrl", baseUrl), ("timeout", timeout), ("maxRetries", maxRetries),
            ("defaultHeaders", ProviderSupport.redactedHeaders(defaultHeaders).compactJSON()),
            ("modelKwargs", Value.object(modelKwargs).compactJSON()),
        ]
    }

    public var description: String { RedactedDescription.describe("ChatOllama.Configuration", redactedFields) }
    public var debugDescription: String { description }
    public var customMirror: Mirror { RedactedDescription.mirror(self, redactedFields) }
}
