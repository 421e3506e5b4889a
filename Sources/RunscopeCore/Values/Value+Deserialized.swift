/// Reading LangChain's serialized JSON form back into runtime values: the inverse
/// of `serialized()`, lenient (what does not decode stays as it is), for event logs
/// written by runscope or by LangChain's Python handler.
extension Value {
    /// This value with serialized messages, prompt values and documents turned into
    /// runtime values, and `{"__lc_escaped__": ...}` unwrapped.
    public func deserialized() -> Value {
        containsSerialized ? decoded() : self
    }

    /// Whether anything inside is in LangChain's serialized form (a quick scan that
    /// lets plain values through without copying them).
    private var containsSerialized: Bool {
        switch self {
        case .object(let object):
            return object["lc"] != nil || object["__lc_escaped__"] != nil || object.values.contains { $0.containsSerialized }
        case .array(let items): return items.contains { $0.containsSerialized }
        default: return false
        }
    }

    private func decoded() -> Value {
        switch self {
        case .array(let items): return .array(items.map { $0.deserialized() })
        case .object(let object):
            if object.keys == ["__lc_escaped__"] { return object["__lc_escaped__"]! }
            if let decoded = Self.constructed(object) { return decoded }
            return .object(ValueObject(object.map { ($0.key, $0.value.deserialized()) }))
        default: return self
        }
    }

    private static let roles: [String: Message.Role] = [
        "SystemMessage": .system, "HumanMessage": .human, "AIMessage": .ai, "ToolMessage": .tool,
    ]

    /// A runtime value for a LangChain constructor entry of a value class, or `nil`.
    private static func constructed(_ object: ValueObject) -> Value? {
        guard object["lc"]?.intValue == 1, object["type"]?.stringValue == "constructor",
              let className = object["id"]?.arrayValue?.last?.stringValue,
              let kwargs = object["kwargs"]?.objectValue
        else { return nil }
        switch className {
        case "ChatPromptValue":
            let messages = (kwargs["messages"]?.arrayValue ?? []).compactMap { $0.deserialized().messageValue }
            return .promptValue(.chat(messages))
        case "StringPromptValue":
            return kwargs["text"]?.stringValue.map { .promptValue(.string($0)) }
        case "Document":
            guard let text = kwargs["page_content"]?.stringValue else { return nil }
            return .document(Document(
                pageContent: text, metadata: kwargs["metadata"]?.objectValue ?? [:], id: kwargs["id"]?.stringValue))
        default:
            guard let role = roles[className.replacingOccurrences(of: "Chunk", with: "")] else { return nil }
            return .message(message(role, kwargs, chunk: className.hasSuffix("Chunk")))
        }
    }

    /// A message from its role and serialized kwargs.
    private static func message(_ role: Message.Role, _ kwargs: ValueObject, chunk: Bool) -> Message {
        var message = Message(role: role, content: content(kwargs["content"]))
        message.isChunk = chunk
        message.id = kwargs["id"]?.stringValue
        message.name = kwargs["name"]?.stringValue
        message.toolCallId = kwargs["tool_call_id"]?.stringValue
        if kwargs["status"]?.stringValue == "error" { message.status = .error }
        message.toolCalls = kwargs["tool_calls"]?.arrayValue?.compactMap(ToolCall.init(value:)) ?? []
        message.usage = UsageMetadata(value: kwargs["usage_metadata"])
        message.responseMetadata = kwargs["response_metadata"]?.objectValue ?? [:]
        message.additionalKwargs = kwargs["additional_kwargs"]?.objectValue ?? [:]
        return message
    }

    /// Message content: a string, or content blocks whose texts are joined.
    private static func content(_ value: Value?) -> String {
        if let text = value?.stringValue { return text }
        return (value?.arrayValue ?? []).map { $0.stringValue ?? $0["text"]?.stringValue ?? "" }.joined()
    }
}
