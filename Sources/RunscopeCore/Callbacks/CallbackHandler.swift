/// Receives the events of runs: one method per LangChain callback, all no-ops by default.
///
/// Attach a handler to one component when it is built (it sees that component's
/// runs only) or pass it in `RunConfig.callbacks` when a chain is run (it sees every
/// nested run). Methods are called synchronously on the task that runs the chain,
/// so keep them fast. A handler that throws is reported to the other handlers
/// (`onHandlerError`) and the chain goes on, unless `raiseError` is true.
public protocol CallbackHandler: AnyObject, Sendable {
    /// Rethrow this handler's errors into the chain instead of reporting them.
    var raiseError: Bool { get }
    var ignoreLLM: Bool { get }
    var ignoreChatModel: Bool { get }
    var ignoreChain: Bool { get }
    /// Ignores tool events (LangChain's name for the flag).
    var ignoreAgent: Bool { get }
    var ignoreRetriever: Bool { get }
    var ignoreRetry: Bool { get }
    var ignoreCustomEvent: Bool { get }

    func onChainStart(_ run: RunInfo, inputs: Value) throws
    /// `inputs` is set in stream mode, where the input is known only at the end.
    func onChainEnd(_ run: RunInfo, outputs: Value, inputs: Value?) throws
    func onChainError(_ run: RunInfo, error: RunError, inputs: Value?) throws
    func onLLMStart(_ run: RunInfo, prompts: [String]) throws
    func onChatModelStart(_ run: RunInfo, messages: [[Message]]) throws
    func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws
    func onLLMEnd(_ run: RunInfo, response: LLMResult) throws
    func onLLMError(_ run: RunInfo, error: RunError, response: LLMResult?) throws
    func onToolStart(_ run: RunInfo, input: String, inputs: Value?) throws
    func onToolEnd(_ run: RunInfo, output: Value) throws
    func onToolError(_ run: RunInfo, error: RunError) throws
    func onRetrieverStart(_ run: RunInfo, query: String) throws
    func onRetrieverEnd(_ run: RunInfo, documents: [Document]) throws
    func onRetrieverError(_ run: RunInfo, error: RunError) throws
    func onText(_ run: RunInfo, text: String) throws
    func onRetry(_ run: RunInfo, retry: RetryState) throws
    func onCustomEvent(_ run: RunInfo, name: String, data: Value) throws
    /// Another handler threw while handling `event` of `run`.
    func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo)
}

extension CallbackHandler {
    public var raiseError: Bool { false }
    public var ignoreLLM: Bool { false }
    public var ignoreChatModel: Bool { false }
    public var ignoreChain: Bool { false }
    public var ignoreAgent: Bool { false }
    public var ignoreRetriever: Bool { false }
    public var ignoreRetry: Bool { false }
    public var ignoreCustomEvent: Bool { false }

    public func onChainStart(_ run: RunInfo, inputs: Value) throws {}
    public func onChainEnd(_ run: RunInfo, outputs: Value, inputs: Value?) throws {}
    public func onChainError(_ run: RunInfo, error: RunError, inputs: Value?) throws {}
    public func onLLMStart(_ run: RunInfo, prompts: [String]) throws {}
    public func onChatModelStart(_ run: RunInfo, messages: [[Message]]) throws {}
    public func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {}
    public func onLLMEnd(_ run: RunInfo, response: LLMResult) throws {}
    public func onLLMError(_ run: RunInfo, error: RunError, response: LLMResult?) throws {}
    public func onToolStart(_ run: RunInfo, input: String, inputs: Value?) throws {}
    public func onToolEnd(_ run: RunInfo, output: Value) throws {}
    public func onToolError(_ run: RunInfo, error: RunError) throws {}
    public func onRetrieverStart(_ run: RunInfo, query: String) throws {}
    public func onRetrieverEnd(_ run: RunInfo, documents: [Document]) throws {}
    public func onRetrieverError(_ run: RunInfo, error: RunError) throws {}
    public func onText(_ run: RunInfo, text: String) throws {}
    public func onRetry(_ run: RunInfo, retry: RetryState) throws {}
    public func onCustomEvent(_ run: RunInfo, name: String, data: Value) throws {}
    public func onHandlerError(_ error: RunError, handler: String, event: String, run: RunInfo) {}
}
