import RunscopeCore

extension ChatOllama {
    /// The JSON body of a streaming `/api/chat` request; sampling settings go in `options`.
    func requestBody(_ messages: [Message], options: ChatCallOptions) -> ValueObject {
        var body: ValueObject = ["model": .string(endpoint.model), "messages": .array(Self.wireMessages(messages))]
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

    /// The messages in Ollama's format; a tool answer without a name gets the name of
    /// the call it answers (Ollama's `tool_name` tells the model which tool spoke).
    static func wireMessages(_ messages: [Message]) -> [Value] {
        var toolNames: [String: String] = [:]
        return messages.map { message in
            for call in message.toolCalls { if let id = call.id { toolNames[id] = call.name } }
            var message = message
            if message.role == .tool, message.name == nil { message.name = message.toolCallId.flatMap { toolNames[$0] } }
            return wireMessage(message)
        }
    }

    /// A message in Ollama's format: tool calls with `id` and `arguments` as an object,
    /// tool answers as `role: tool` with `tool_name` and `tool_call_id`.
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
                var wire: ValueObject = ["function": ["name": .string(call.name), "arguments": .object(call.args)]]
                if let id = call.id { wire["id"] = .string(id) }
                return .object(wire)
            })
        }
        if message.role == .tool {
            if let name = message.name { object["tool_name"] = .string(name) }
            if let id = message.toolCallId { object["tool_call_id"] = .string(id) }
        }
        return .object(object)
    }
}
