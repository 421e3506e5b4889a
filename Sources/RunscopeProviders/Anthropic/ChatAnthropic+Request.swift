import RunscopeCore

extension ChatAnthropic {
    /// The JSON body of a streaming Messages request: system prompts joined into the
    /// top-level `system`, consecutive same-role messages merged (the API wants turns
    /// to alternate), tool calls as `tool_use` blocks and tool answers as `tool_result`
    /// blocks (`is_error` set for a handled tool error), all of one turn's results in one user turn.
    func requestBody(_ messages: [Message], options: ChatCallOptions) -> ValueObject {
        var body: ValueObject = ["model": .string(endpoint.model), "max_tokens": .int(maxTokens)]
        let system = messages.filter { $0.role == .system }.map(\.content)
        if !system.isEmpty { body["system"] = .string(system.joined(separator: "\n\n")) }
        body["messages"] = .array(Self.wireMessages(messages.filter { $0.role != .system }))
        if let temperature = configuration.temperature { body["temperature"] = .double(temperature) }
        if let stop = ProviderSupport.stop(options, configured: configuration.stop) {
            body["stop_sequences"] = .array(stop.map(Value.string))
        }
        if !options.tools.isEmpty { body["tools"] = .array(options.tools.map(Self.wireTool)) }
        body = body.merging(configuration.modelKwargs).merging(ProviderSupport.extraCallArguments(options))
        body["stream"] = true
        return body
    }

    /// A tool in Anthropic's format: `{name, description, input_schema}`.
    static func wireTool(_ tool: ToolSpec) -> Value {
        ["name": .string(tool.name), "description": .string(tool.description), "input_schema": tool.parameters]
    }

    /// The non-system messages as alternating `user`/`assistant` turns of content blocks.
    static func wireMessages(_ messages: [Message]) -> [Value] {
        var turns: [(role: String, blocks: [Value])] = []
        for message in messages {
            let role = message.role == .ai ? "assistant" : "user"
            let blocks = contentBlocks(message)
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].blocks += blocks
            } else {
                turns.append((role, blocks))
            }
        }
        return turns.map { turn in
            if turn.blocks.count == 1, turn.blocks[0]["type"]?.stringValue == "text", let text = turn.blocks[0]["text"] {
                return ["role": .string(turn.role), "content": text]
            }
            return ["role": .string(turn.role), "content": .array(turn.blocks)]
        }
    }

    /// The content blocks of one message.
    static func contentBlocks(_ message: Message) -> [Value] {
        switch message.role {
        case .tool:
            // `is_error` tells the model the tool failed (a handled tool error), as LangChain sends it.
            return [[
                "type": "tool_result", "tool_use_id": .string(message.toolCallId ?? ""), "content": .string(message.content),
                "is_error": .bool(message.status == .error),
            ]]
        case .ai:
            var blocks: [Value] = message.content.isEmpty ? [] : [["type": "text", "text": .string(message.content)]]
            for (index, call) in message.toolCalls.enumerated() {
                blocks.append([
                    "type": "tool_use", "id": .string(call.id ?? "toolu_\(index)"), "name": .string(call.name),
                    "input": .object(call.args),
                ])
            }
            return blocks.isEmpty ? [["type": "text", "text": ""]] : blocks
        case .human, .system:
            return [["type": "text", "text": .string(message.content)]]
        }
    }
}
