/// LangChain's serialized JSON form of runtime values.
extension Value {
    /// This value as plain JSON, with messages, prompt values and documents in
    /// LangChain's serialized form (`{"lc":1,"type":"constructor","id":[...],"kwargs":{...}}`).
    public func serialized() -> Value {
        switch self {
        case .null, .bool, .int, .double, .string: return self
        case .array(let items): return .array(items.map { $0.serialized() })
        case .object(let object): return .object(object.serializedValues())
        case .message(let message): return message.serialized()
        case .promptValue(let prompt): return prompt.serialized()
        case .document(let document): return document.serialized()
        }
    }

    /// A LangChain constructor entry.
    static func constructor(_ id: [String], _ kwargs: ValueObject) -> Value {
        .object(["lc": 1, "type": "constructor", "id": .array(id.map(Value.string)), "kwargs": .object(kwargs)])
    }
}

extension ValueObject {
    /// The object with every value serialized.
    func serializedValues() -> ValueObject {
        ValueObject(map { ($0.key, $0.value.serialized()) })
    }
}

extension Message {
    /// LangChain's serialized form of this message.
    public func serialized() -> Value {
        var kwargs: ValueObject = ["content": .string(content)]
        if role == .tool { kwargs["tool_call_id"] = .string(toolCallId ?? "") }
        if role == .tool, status == .error { kwargs["status"] = "error" }
        if let name { kwargs["name"] = .string(name) }
        kwargs["additional_kwargs"] = .object(additionalKwargs.serializedValues())
        kwargs["response_metadata"] = .object(responseMetadata.serializedValues())
        if role == .ai {
            kwargs["tool_calls"] = .array(toolCalls.map(\.asValue))
            kwargs["invalid_tool_calls"] = []
            if let usage { kwargs["usage_metadata"] = usage.asValue }
        }
        if let id { kwargs["id"] = .string(id) }
        return .constructor(["langchain_core", "messages", className], kwargs)
    }
}

extension PromptValue {
    /// LangChain's serialized form: `ChatPromptValue` or `StringPromptValue`.
    public func serialized() -> Value {
        switch self {
        case .string(let text):
            return .constructor(["langchain_core", "prompt_values", "StringPromptValue"], ["text": .string(text)])
        case .chat(let messages):
            return .constructor(
                ["langchain_core", "prompt_values", "ChatPromptValue"], ["messages": .array(messages.map { $0.serialized() })])
        }
    }
}

extension Document {
    /// LangChain's serialized form of this document.
    public func serialized() -> Value {
        var kwargs: ValueObject = [:]
        if let id { kwargs["id"] = .string(id) }
        kwargs["metadata"] = .object(metadata.serializedValues())
        kwargs["page_content"] = .string(pageContent)
        kwargs["type"] = "Document"
        return .constructor(["langchain_core", "documents", "base", "Document"], kwargs)
    }
}

extension LLMResult {
    /// LangChain's `LLMResult.model_dump()` form, messages serialized.
    public func serialized() -> Value {
        let rows: [Value] = generations.map { row in
            .array(row.map { $0.serialized() })
        }
        return .object([
            "generations": .array(rows),
            "llm_output": llmOutput.map { .object($0.serializedValues()) } ?? .null,
            "run": .null, "type": "LLMResult",
        ])
    }
}

extension Generation {
    /// LangChain's dict form of a generation.
    public func serialized() -> Value {
        var object: ValueObject = [
            "text": .string(text),
            "generation_info": generationInfo.map { .object($0.serializedValues()) } ?? .null,
            "type": message == nil ? "Generation" : "ChatGeneration",
        ]
        if let message { object["message"] = message.serialized() }
        return .object(object)
    }
}
