import Foundation

/// One started run: reports its events to the run's handlers and hands a child
/// config (with the inheritable handlers, tags and metadata) to nested runs.
public final class RunManager: Sendable {
    /// Who the run is.
    public let info: RunInfo
    let manager: CallbackManager

    init(info: RunInfo, manager: CallbackManager) {
        self.info = info
        self.manager = manager
    }

    /// The run's id.
    public var runId: UUID { info.runId }

    /// Whether any handler listens (checked before building costly payloads).
    public var hasHandlers: Bool { !manager.handlers.isEmpty }

    /// The config for a nested run: inheritable handlers, tags and metadata, this
    /// run as parent, and `tag` (a step tag) for that child only.
    public func childConfig(_ config: RunConfig, tag: String? = nil) -> RunConfig {
        var child = CallbackManager(parentRunId: info.runId)
        let handlers = manager.inheritableHandlers
        if !handlers.isEmpty {
            child.handlers = handlers
            child.inheritableHandlers = handlers
        }
        child.addTags(manager.inheritableTags, inherit: true)
        child.addMetadata(manager.inheritableMetadata, inherit: true)
        if let tag { child.addTags([tag], inherit: false) }
        var result = config
        result.parent = child
        result.runName = nil
        result.runId = nil
        result.callKwargs = [:]
        return result
    }

    private func send(_ event: String, ignore: (any CallbackHandler) -> Bool, _ call: (any CallbackHandler) throws -> Void)
        throws
    {
        guard !manager.handlers.isEmpty else { return }
        try manager.dispatch(event: event, run: info, ignore: ignore, call)
    }

    // MARK: start

    func startChain(inputs: Value) throws {
        try send("on_chain_start", ignore: { $0.ignoreChain }) { try $0.onChainStart(info, inputs: inputs) }
    }

    func startChatModel(messages: [[Message]]) throws {
        try send("on_chat_model_start", ignore: { $0.ignoreChatModel }) {
            try $0.onChatModelStart(info, messages: messages)
        }
    }

    func startLLM(prompts: [String]) throws {
        try send("on_llm_start", ignore: { $0.ignoreLLM }) { try $0.onLLMStart(info, prompts: prompts) }
    }

    func startTool(input: String, inputs: Value?) throws {
        try send("on_tool_start", ignore: { $0.ignoreAgent }) { try $0.onToolStart(info, input: input, inputs: inputs) }
    }

    func startRetriever(query: String) throws {
        try send("on_retriever_start", ignore: { $0.ignoreRetriever }) { try $0.onRetrieverStart(info, query: query) }
    }

    // MARK: chain

    /// Reports the end of a chain-like run.
    public func chainEnd(_ outputs: Value, inputs: Value? = nil) throws {
        try send("on_chain_end", ignore: { $0.ignoreChain }) { try $0.onChainEnd(info, outputs: outputs, inputs: inputs) }
    }

    /// Reports the failure of a chain-like run.
    public func chainError(_ error: any Error, inputs: Value? = nil) throws {
        let runError = RunError(error)
        try send("on_chain_error", ignore: { $0.ignoreChain }) {
            try $0.onChainError(info, error: runError, inputs: inputs)
        }
    }

    // MARK: model

    /// Reports a streamed token of a model run.
    public func newToken(_ token: String, chunk: GenerationChunk? = nil) throws {
        try send("on_llm_new_token", ignore: { $0.ignoreLLM }) { try $0.onLLMNewToken(info, token: token, chunk: chunk) }
    }

    /// Reports the end of a model run.
    public func llmEnd(_ response: LLMResult) throws {
        try send("on_llm_end", ignore: { $0.ignoreLLM }) { try $0.onLLMEnd(info, response: response) }
    }

    /// Reports the failure of a model run, with what was generated before it.
    public func llmError(_ error: any Error, response: LLMResult? = nil) throws {
        let runError = RunError(error)
        try send("on_llm_error", ignore: { $0.ignoreLLM }) {
            try $0.onLLMError(info, error: runError, response: response)
        }
    }

    // MARK: tool and retriever

    /// Reports the end of a tool run.
    public func toolEnd(_ output: Value) throws {
        try send("on_tool_end", ignore: { $0.ignoreAgent }) { try $0.onToolEnd(info, output: output) }
    }

    /// Reports the failure of a tool run.
    public func toolError(_ error: any Error) throws {
        let runError = RunError(error)
        try send("on_tool_error", ignore: { $0.ignoreAgent }) { try $0.onToolError(info, error: runError) }
    }

    /// Reports the end of a retriever run.
    public func retrieverEnd(_ documents: [Document]) throws {
        try send("on_retriever_end", ignore: { $0.ignoreRetriever }) { try $0.onRetrieverEnd(info, documents: documents) }
    }

    /// Reports the failure of a retriever run.
    public func retrieverError(_ error: any Error) throws {
        let runError = RunError(error)
        try send("on_retriever_error", ignore: { $0.ignoreRetriever }) {
            try $0.onRetrieverError(info, error: runError)
        }
    }

    // MARK: other

    /// Reports text written by the run.
    public func text(_ text: String) throws {
        try send("on_text", ignore: { _ in false }) { try $0.onText(info, text: text) }
    }

    /// Reports that a failed attempt will be retried.
    public func retry(_ state: RetryState) throws {
        try send("on_retry", ignore: { $0.ignoreRetry }) { try $0.onRetry(info, retry: state) }
    }

    /// Reports the end of a run of any type, with the matching event.
    public func end(_ error: any Error) throws {
        switch info.runType {
        case .chain, .prompt, .parser: try chainError(error)
        case .llm, .chatModel: try llmError(error)
        case .tool: try toolError(error)
        case .retriever: try retrieverError(error)
        }
    }
}
