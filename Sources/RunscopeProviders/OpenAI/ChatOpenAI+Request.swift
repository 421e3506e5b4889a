import RunscopeCore

extension ChatOpenAI {
    /// The JSON body of a streaming Chat Completions request.
    func requestBody(_ messages: [Message], options: ChatCallOptions) -> ValueObject {
        var body: ValueObject = ["model": .string(endpoint.model), "messages": .array(messages.map(Self.wireMessage))]
        if let temperature = configuration.temperature { body["temperature"] = .double(temperature) }
        if let maxTokens = configuration.maxTokens {
            let official = endpoint.url.hasPrefix("https://api.openai.com/")
            body[official ? "max_completion_tokens" : "max_tokens"] = .int(maxTokens)
        }
        if let stop = ProviderSupport.stop(options, configured: configuration.stop) {
            body["stop"] = .array(stop.map(Value.string))
        }
        if !options.tools.isEmpty { body["tools"] = .array(options.tools.map(Self.wireTool)) }
        body = body.merging(configuration.modelKwargs).merging(ProviderSupport.extraCallArguments(options))
        body["stream"] = true
        if configuration.streamUsage { body["stream_options"] = ["include_usage": true] }
        return body
    }

    /// A tool in OpenAI's format: `{"type":"function","function":{name,description,parameters}}`.
    static func wireTool(_ tool: ToolSpec) -> Value {
        [
            "type": "function",
            "function": ["name": .string(tool.name), "description": .string(tool.description), "parameters": tool.parameters],
        ]
    }

    /// A message in OpenAI's format (`tool_calls` on assistant messages, `role: tool` answers).
    static func wireMessage(_ message: Message) -> Value {
        var object: ValueObject = [:]
        switch message.role {
        case .system: object["role"] = "system"
        case .human: object["role"] = "user"
        case .ai: object["role"] = "assistant"
        case .tool: object["role"] = "tool"
        }
        let hasToolCalls = message.role == .ai && !message.toolCalls.isEmpty
        object["content"] = hasToolCalls && message.content.isEmpty ? .null : .string(message.content)
        if let name = message.name, message.role != .tool { object["name"] = .string(name) }
        if hasToolCalls {
            object["tool_calls"] = .array(message.toolCalls.enumerated().map { index, call in
                [
                    "id": .string(call.id ?? "call_\(index)"), "type": "function",
                    "function": ["name": .string(call.name), "arguments": .string(ProviderSupport.argumentsJSON(call.args))],
                ]
            })
        }
        if message.role == .tool { object["tool_call_id"] = .string(message.toolCallId ?? "") }
        return .object(object)
    }
}
