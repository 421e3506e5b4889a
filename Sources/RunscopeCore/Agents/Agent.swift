/// A tool-calling agent, run the way LangGraph runs LangChain 1.x's `create_agent`:
/// a model step; if the answer has tool calls, every call runs (concurrently, each
/// in its own `tools` node run, as LangGraph's `Send` does) and its result goes back
/// as a tool message; then the next model step; it stops when the model answers
/// without tool calls.
///
/// Input: `{"messages": [...]}` or a plain string (one human message). Output:
/// `{"messages": [...]}`, the whole conversation. The system prompt is given to the
/// model on every step but is not part of the conversation. Its runs are the ones
/// LangGraph records: the agent (`LangGraph` or its name), node runs `model` and
/// `tools` tagged `graph:step:N` with `langgraph_*` metadata, and below each node the
/// model or tool run tagged `seq:step:1`.
public struct Agent: Runnable {
    /// The chat model (any model runnable; tools are bound to every call).
    public let model: any Runnable
    /// The tools the model may call.
    public let tools: [any Tool]
    /// Given to the model before the conversation on every step.
    public let systemPrompt: String?
    /// At most this many graph steps (LangGraph's `recursion_limit`); one more fails
    /// with `GraphRecursionError`.
    public let recursionLimit: Int
    private let customName: String?

    /// An agent of `model` and `tools`.
    public init(
        model: any Runnable, tools: [any Tool], systemPrompt: String? = nil, recursionLimit: Int = 25,
        name: String? = nil
    ) {
        self.model = model
        self.tools = tools
        self.systemPrompt = systemPrompt
        self.recursionLimit = recursionLimit
        self.customName = name
    }

    /// `LangGraph`, or the name the agent was given.
    public var name: String { customName ?? "LangGraph" }

    /// The metadata of every run of the agent, as `create_agent` sets it
    /// (`ls_integration`, and `lc_agent_name` for a named agent).
    var agentMetadata: ValueObject {
        var metadata: ValueObject = ["ls_integration": "langchain_create_agent"]
        if let customName { metadata["lc_agent_name"] = .string(customName) }
        return metadata
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        let loop = try AgentLoop(agent: self, input: input, config: config)
        do {
            while try await loop.step() {}
        } catch {
            try? loop.root.chainError(error)
            throw error
        }
        return try loop.finish()
    }

    /// Streams the model's message chunks as they arrive, step after step
    /// (LangGraph's `stream_mode="messages"`); the agent's run ends with the whole
    /// conversation, as in `invoke`.
    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        let agent = self
        return ValueStream {
            var loop: AgentLoop?
            return {
                if loop == nil { loop = try AgentLoop(agent: agent, input: input, config: config, streaming: true) }
                return try await loop!.nextChunk()
            }
        }
    }
}
