import RunscopeCore

extension ChatOllama {
    /// The JSON body of a streaming `/api/chat` request; sampling settings go in `options`.
    func requestBody(_ messages: [Message], options: ChatCallOptions) -> ValueObject {
        var body: ValueObject = ["model": .string(endpoint.model), "messages": .array(messages.map(Self.wireMessage))]
        var modelOptions: ValueObject = [:]
        if let temperature = configuration.temperature { modelOptions["temperature"] = .double(temperature) }
        if let numPredict = configuration.numPredict { modelOptions["num_predict"] = .int(numPredict) }
        if let stop = ProviderSupport.stop(options, configured: configuration.stop) {
            modelOptions["stop"] = .array(stop.map(Value.string))
        }
        if !modelOptions.isEmpty { body["options"] = .object(modelOptions) }
        if !options.tools.isEmpty { body["tools"] = .array(options.tools.map(ChatOpenAI.wireTool)) }
        body = body.merging(configuration.modelKwargs).merging(ProviderSupport.extraCallArguments(options))
        body["stream"] = true
        return body
    }

    /// A message in Ollama's format: tool calls with `arguments` as an object, tool answers as `role: tool`.
    static func wireMessage(_ message: Message) -> Value {
        var object: ValueObject = [:]
        switch message.role {
        case .system: object["role"] = "system"
        case .human: object["role"] = "user"
        case .ai: object["role"] = "assistant"
        case .tool: object["role"] = "tool"
        }
        object["content"] = .string(message.content)
        if message.role == .ai, !message.toolCalls.isEmpty {
            object["tool_calls"] = .array(message.toolCalls.map { call in
                ["function": ["name": .string(call.name), "arguments": .object(call.args)]]
            })
        }
        if message.role == .tool {
            if let name = message.name { object["tool_name"] = .string(name) }
            if let id = message.toolCallId { object["tool_call_id"] = .string(id) }
        }
        return .object(object)
    }
}
