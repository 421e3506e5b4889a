/// One callback event as a value, for handlers that treat all events alike
/// (recorders, the inspector). Its `name` is LangChain's callback name.
public enum RunEvent: Sendable {
    case chainStart(inputs: Value)
    case chainEnd(outputs: Value, inputs: Value?)
    case chainError(RunError, inputs: Value?)
    case llmStart(prompts: [String])
    case chatModelStart(messages: [[Message]])
    case newToken(String, chunk: GenerationChunk?)
    case llmEnd(LLMResult)
    case llmError(RunError, response: LLMResult?)
    case toolStart(input: String, inputs: Value?)
    case toolEnd(output: Value)
    case toolError(RunError)
    case retrieverStart(query: String)
    case retrieverEnd(documents: [Document])
    case retrieverError(RunError)
    case text(String)
    case retry(RetryState)
    case custom(name: String, data: Value)

    /// LangChain's callback name: `on_chain_start`, `on_llm_new_token`, ...
    public var name: String {
        switch self {
        case .chainStart: return "on_chain_start"
        case .chainEnd: return "on_chain_end"
        case .chainError: return "on_chain_error"
        case .llmStart: return "on_llm_start"
        case .chatModelStart: return "on_chat_model_start"
        case .newToken: return "on_llm_new_token"
        case .llmEnd: return "on_llm_end"
        case .llmError: return "on_llm_error"
        case .toolStart: return "on_tool_start"
        case .toolEnd: return "on_tool_end"
        case .toolError: return "on_tool_error"
        case .retrieverStart: return "on_retriever_start"
        case .retrieverEnd: return "on_retriever_end"
        case .retrieverError: return "on_retriever_error"
        case .text: return "on_text"
        case .retry: return "on_retry"
        case .custom: return "on_custom_event"
        }
    }

    /// Whether this event starts a run.
    public var isStart: Bool {
        switch self {
        case .chainStart, .llmStart, .chatModelStart, .toolStart, .retrieverStart: return true
        default: return false
        }
    }

    /// The error, if this event ends a run with one.
    public var error: RunError? {
        switch self {
        case .chainError(let e, _), .llmError(let e, _), .toolError(let e), .retrieverError(let e): return e
        default: return nil
        }
    }

    /// Whether this event ends a run (successfully or not).
    public var isEnd: Bool {
        switch self {
        case .chainEnd, .llmEnd, .toolEnd, .retrieverEnd: return true
        default: return error != nil
        }
    }
}

extension RunEvent {
    /// Calls the matching method of `handler` (ignore flags respected).
    public func dispatch(to handler: any CallbackHandler, run: RunInfo) throws {
        switch self {
        case .chainStart(let inputs): if !handler.ignoreChain { try handler.onChainStart(run, inputs: inputs) }
        case .chainEnd(let outputs, let inputs): if !handler.ignoreChain { try handler.onChainEnd(run, outputs: outputs, inputs: inputs) }
        case .chainError(let error, let inputs): if !handler.ignoreChain { try handler.onChainError(run, error: error, inputs: inputs) }
        case .llmStart(let prompts): if !handler.ignoreLLM { try handler.onLLMStart(run, prompts: prompts) }
        case .chatModelStart(let messages): if !handler.ignoreChatModel { try handler.onChatModelStart(run, messages: messages) }
        case .newToken(let token, let chunk): if !handler.ignoreLLM { try handler.onLLMNewToken(run, token: token, chunk: chunk) }
        case .llmEnd(let result): if !handler.ignoreLLM { try handler.onLLMEnd(run, response: result) }
        case .llmError(let error, let response): if !handler.ignoreLLM { try handler.onLLMError(run, error: error, response: response) }
        case .toolStart(let input, let inputs): if !handler.ignoreAgent { try handler.onToolStart(run, input: input, inputs: inputs) }
        case .toolEnd(let output): if !handler.ignoreAgent { try handler.onToolEnd(run, output: output) }
        case .toolError(let error): if !handler.ignoreAgent { try handler.onToolError(run, error: error) }
        case .retrieverStart(let query): if !handler.ignoreRetriever { try handler.onRetrieverStart(run, query: query) }
        case .retrieverEnd(let documents): if !handler.ignoreRetriever { try handler.onRetrieverEnd(run, documents: documents) }
        case .retrieverError(let error): if !handler.ignoreRetriever { try handler.onRetrieverError(run, error: error) }
        case .text(let text): try handler.onText(run, text: text)
        case .retry(let state): if !handler.ignoreRetry { try handler.onRetry(run, retry: state) }
        case .custom(let name, let data): if !handler.ignoreCustomEvent { try handler.onCustomEvent(run, name: name, data: data) }
        }
    }
}

/// A handler that receives every event through one method, `handle(_:run:)`.
public protocol RunEventHandler: CallbackHandler {
    /// Handles one event of `run`.
    func handle(_ event: RunEvent, run: RunInfo) throws
}

extension RunEventHandler {
    public func onChainStart(_ run: RunInfo, inputs: Value) throws { try handle(.chainStart(inputs: inputs), run: run) }
    public func onChainEnd(_ run: RunInfo, outputs: Value, inputs: Value?) throws {
        try handle(.chainEnd(outputs: outputs, inputs: inputs), run: run)
    }
    public func onChainError(_ run: RunInfo, error: RunError, inputs: Value?) throws {
        try handle(.chainError(error, inputs: inputs), run: run)
    }
    public func onLLMStart(_ run: RunInfo, prompts: [String]) throws { try handle(.llmStart(prompts: prompts), run: run) }
    public func onChatModelStart(_ run: RunInfo, messages: [[Message]]) throws {
        try handle(.chatModelStart(messages: messages), run: run)
    }
    public func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        try handle(.newToken(token, chunk: chunk), run: run)
    }
    public func onLLMEnd(_ run: RunInfo, response: LLMResult) throws { try handle(.llmEnd(response), run: run) }
    public func onLLMError(_ run: RunInfo, error: RunError, response: LLMResult?) throws {
        try handle(.llmError(error, response: response), run: run)
    }
    public func onToolStart(_ run: RunInfo, input: String, inputs: Value?) throws {
        try handle(.toolStart(input: input, inputs: inputs), run: run)
    }
    public func onToolEnd(_ run: RunInfo, output: Value) throws { try handle(.toolEnd(output: output), run: run) }
    public func onToolError(_ run: RunInfo, error: RunError) throws { try handle(.toolError(error), run: run) }
    public func onRetrieverStart(_ run: RunInfo, query: String) throws { try handle(.retrieverStart(query: query), run: run) }
    public func onRetrieverEnd(_ run: RunInfo, documents: [Document]) throws {
        try handle(.retrieverEnd(documents: documents), run: run)
    }
    public func onRetrieverError(_ run: RunInfo, error: RunError) throws { try handle(.retrieverError(error), run: run) }
    public func onText(_ run: RunInfo, text: String) throws { try handle(.text(text), run: run) }
    public func onRetry(_ run: RunInfo, retry: RetryState) throws { try handle(.retry(retry), run: run) }
    public func onCustomEvent(_ run: RunInfo, name: String, data: Value) throws {
        try handle(.custom(name: name, data: data), run: run)
    }
}
