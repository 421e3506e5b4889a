/// The agent's `model` node: one model call on the conversation (after the system
/// prompt), with the agent's tools bound, inside a `model` chain run.
struct ModelNode {
    let agent: Agent
    let task: GraphTask

    /// What the model is given: the system prompt, then the conversation.
    static func modelInput(_ agent: Agent, _ messages: [Message]) -> Value {
        let system = agent.systemPrompt.map { [Message.system($0)] } ?? []
        return .array((system + messages).map(Value.message))
    }

    /// The model's config: the node's, with the tools' specs bound to the call.
    static func modelConfig(_ agent: Agent, _ inner: RunConfig) -> RunConfig {
        var config = inner
        if !agent.tools.isEmpty {
            config.callKwargs = config.callKwargs.merging(["tools": .array(agent.tools.map { $0.spec.asValue })])
        }
        return config
    }

    /// The node's input and output form: `{"messages": [...]}`.
    static func state(_ messages: [Message]) -> Value {
        ["messages": .array(messages.map(Value.message))]
    }

    /// The model's answer as a message, or an error naming what came instead.
    static func answer(_ output: Value) throws -> Message {
        guard var message = output.messageValue, message.role == .ai else {
            throw ScriptedError("the agent's model must answer with an AI message, got \(output.kindName)", type: "ValueError")
        }
        message.isChunk = false
        return message
    }

    /// Runs the node: the model's whole answer.
    func invoke(_ messages: [Message], root: RunManager, config: RunConfig) async throws -> Message {
        let (run, inner) = try task.start(under: root, config: config, inputs: Self.state(messages))
        let answer: Message
        do {
            let output = try await agent.model.invoke(
                Self.modelInput(agent, messages), config: Self.modelConfig(agent, inner))
            answer = try Self.answer(output)
        } catch {
            try? run.chainError(error)
            throw error
        }
        try run.chainEnd(Self.state([answer]))
        return answer
    }
}

/// The `model` node of a streaming agent run: the model's chunks as they arrive,
/// then the whole answer when the node ends.
final class StreamingModelNode {
    private let run: RunManager
    private var iterator: ValueStream.AsyncIterator
    private var total: Message?

    /// Starts the node's run and the model's stream.
    init(agent: Agent, task: GraphTask, messages: [Message], root: RunManager, config: RunConfig) throws {
        let (run, inner) = try task.start(under: root, config: config, inputs: ModelNode.state(messages))
        self.run = run
        self.iterator = agent.model.streamValues(
            ModelNode.modelInput(agent, messages), config: ModelNode.modelConfig(agent, inner)
        ).makeAsyncIterator()
    }

    /// The next chunk of the answer, or `nil` at its end.
    func next() async throws -> Message? {
        do {
            guard let value = try await iterator.next() else { return nil }
            guard let chunk = value.messageValue else { return try ModelNode.answer(value) }
            if total == nil { total = chunk } else { total!.append(chunk) }
            return chunk
        } catch {
            try? run.chainError(error)
            throw error
        }
    }

    /// Ends the node's run; returns the whole answer.
    func finish() throws -> Message {
        let answer = try ModelNode.answer(.message(total ?? .ai("")))
        try run.chainEnd(ModelNode.state([answer]))
        return answer
    }
}
