import Foundation

/// One run of an agent: its run, the conversation so far and the step counter.
/// Driven by one task (invoke's loop, or the consumer pulling the stream); only the
/// tool nodes of one step run concurrently, on copies of what they need.
final class AgentLoop {
    let agent: Agent
    let config: RunConfig
    let root: RunManager
    let streaming: Bool
    private(set) var messages: [Message]
    private var stepNumber = 0
    private var modelNode: StreamingModelNode?
    private var finished = false

    /// Starts the agent's run on `input`.
    init(agent: Agent, input: Value, config: RunConfig, streaming: Bool = false) throws {
        self.agent = agent
        self.config = config
        self.streaming = streaming
        self.messages = try AgentInput.messages(input).map(Self.withId)
        var rootConfig = config
        rootConfig.metadata = rootConfig.metadata.merging(agent.agentMetadata)
        self.root = try rootConfig.startChainRun(name: agent.name, inputs: input)
        config.keep(agent, input: input, runId: root.runId)
    }

    /// The agent's output: the whole conversation.
    var output: Value { ["messages": .array(messages.map(Value.message))] }

    /// Ends the agent's run with the conversation and returns it.
    func finish() throws -> Value {
        try root.chainEnd(output)
        return output
    }

    /// The number of the next graph step, or `GraphRecursionError` past the limit.
    private func nextStep() throws -> Int {
        stepNumber += 1
        if stepNumber > agent.recursionLimit { throw GraphRecursionError(limit: agent.recursionLimit) }
        return stepNumber
    }

    /// Fails an answer given at the last allowed step: LangGraph checks the limit
    /// before it looks for more work, so that run ends with `GraphRecursionError` too.
    private func checkLimitAtAnswer() throws {
        if stepNumber >= agent.recursionLimit { throw GraphRecursionError(limit: agent.recursionLimit) }
    }

    /// The config for nested runs, with the agent's metadata inherited.
    private var nodeParentConfig: RunConfig {
        var copy = config
        copy.metadata = copy.metadata.merging(agent.agentMetadata)
        return copy
    }

    /// Runs one model step and, if it asked for tools, the tools step; `false` when
    /// the model answered without tool calls.
    func step() async throws -> Bool {
        let task = GraphTask.pulled("model", step: try nextStep())
        let answer = try await ModelNode(agent: agent, task: task).invoke(messages, root: root, config: nodeParentConfig)
        messages.append(Self.withId(answer))
        guard !answer.toolCalls.isEmpty else {
            try checkLimitAtAnswer()
            return false
        }
        try await runTools(answer.toolCalls)
        return true
    }

    /// Runs every tool call of the last answer as its own `tools` node, concurrently.
    private func runTools(_ calls: [ToolCall]) async throws {
        let step = try nextStep()
        let results = try await ToolsNode(tools: agent.tools).run(
            calls, step: step, root: root, config: nodeParentConfig)
        messages += results.map(Self.withId)
    }

    /// A message as the state keeps it: with an id (LangGraph's `add_messages` gives
    /// one to every message that has none).
    static func withId(_ message: Message) -> Message {
        guard message.id == nil else { return message }
        var copy = message
        copy.id = UUID().lowercasedString
        return copy
    }

    /// The next message chunk of a streaming run, running tool steps in between;
    /// `nil` (after the agent's run has ended) when the model is done.
    func nextChunk() async throws -> Value? {
        do {
            return try await pullChunk()
        } catch {
            try? root.chainError(error)
            throw error
        }
    }

    private func pullChunk() async throws -> Value? {
        while !finished {
            if modelNode == nil {
                let task = GraphTask.pulled("model", step: try nextStep())
                modelNode = try StreamingModelNode(
                    agent: agent, task: task, messages: messages, root: root, config: nodeParentConfig)
            }
            if let chunk = try await modelNode!.next() { return .message(chunk) }
            let answer = try modelNode!.finish()
            modelNode = nil
            messages.append(Self.withId(answer))
            if answer.toolCalls.isEmpty {
                try checkLimitAtAnswer()
                finished = true
                _ = try finish()
            } else {
                try await runTools(answer.toolCalls)
            }
        }
        return nil
    }
}
