import Foundation

/// How every chat model runs: the run and its events, around `chatStream`/`generate`.
extension ChatModel {
    /// The metadata LangChain adds to model runs (`ls_provider`, `ls_model_type`, ...).
    var runMetadata: ValueObject {
        var object: ValueObject = ["ls_provider": .string(providerName), "ls_model_type": "chat"]
        if let modelName { object["ls_model_name"] = .string(modelName) }
        if let temperature = invocationParams["temperature"] { object["ls_temperature"] = temperature }
        return object.merging(metadata)
    }

    /// Starts a model run for `messages`.
    func startRun(_ messages: [Message], config: RunConfig) throws -> RunManager {
        var manager = CallbackManager.configure(config, localHandlers: callbacks, localTags: tags)
        guard !manager.handlers.isEmpty else {
            // Nobody listens: the run's metadata, parameters and serialized form would go unread.
            return manager.makeRun(name: config.runName ?? name, runType: .chatModel, runId: config.runId)
        }
        manager.addMetadata(runMetadata, inherit: false)
        let options = ChatCallOptions(kwargs: config.callKwargs)
        var params = invocationParams
        params["stop"] = options.stop.map { .array($0.map(Value.string)) } ?? .null
        let extra: ValueObject = [
            "invocation_params": .object(params),
            "options": ["stop": params["stop"]!], "batch_size": 1,
        ]
        let run = manager.makeRun(
            name: config.runName ?? name, runType: .chatModel, runId: config.runId, serialized: serialized,
            extra: extra)
        try run.startChatModel(messages: [messages])
        return run
    }

    /// The messages a model input stands for.
    func messages(from input: Value) throws -> [Message] {
        switch input {
        case .promptValue(let prompt): return prompt.toMessages()
        case .string(let text): return [.human(text)]
        case .message(let message): return [message]
        case .array: return try Message.list(from: input, variable: "input")
        default:
            throw ScriptedError("a chat model takes a prompt value, a string or messages, got \(input.kindName)", type: "ValueError")
        }
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        let messages = try self.messages(from: input)
        let run = try startRun(messages, config: config)
        config.keep(self, input: input, runId: run.runId)
        var options = ChatCallOptions(kwargs: config.callKwargs)
        options.run = run
        var message: Message
        if streaming {
            message = try await streamAll(messages, options: options, run: run)
        } else {
            do {
                message = try await generate(messages, options: options)
            } catch {
                try? run.llmError(error, response: LLMResult(generations: [[]]))
                throw error
            }
            if message.id == nil { message.id = "lc_run--\(run.runId.lowercasedString)-0" }
        }
        message.isChunk = false
        try run.llmEnd(LLMResult(generations: [[Generation(text: message.content, message: message)]]))
        return .message(message)
    }

    /// Streams the answer to completion, emitting token events; returns the whole message.
    private func streamAll(_ messages: [Message], options: ChatCallOptions, run: RunManager) async throws -> Message {
        let iterator = TokenEmitter(stream: chatStream(messages, options: options), run: run)
        while try await iterator.next() != nil {}
        return iterator.total ?? Message(role: .ai, content: "", id: iterator.messageId)
    }

    public func streamValues(_ input: Value, config: RunConfig) -> ValueStream {
        modelStream(.single(input), config: config)
    }

    /// Waits for the whole input, then streams the answer (one layer: no separate
    /// buffering stream in front of the model's own).
    public func transform(_ input: ValueStream, config: RunConfig) -> ValueStream {
        modelStream(input, config: config)
    }

    /// The model's run over a stream of input chunks: the run starts when the whole
    /// input has arrived, each chunk is a token event, the end reports the whole answer.
    private func modelStream(_ source: ValueStream, config: RunConfig) -> ValueStream {
        ValueStream(iterators: {
            let state = ModelStreamState(model: self, source: source, config: config)
            return ValueStream.AsyncIterator(pull: state.next, poll: state.poll)
        })
    }
}
