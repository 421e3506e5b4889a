/// Turning loosely written values into messages, as LangChain's `convert_to_messages`.
extension Message.Role {
    /// A role from its name: `system`, `human`/`user`, `ai`/`assistant`, `tool`.
    public init?(name: String) {
        switch name.lowercased() {
        case "system": self = .system
        case "human", "user": self = .human
        case "ai", "assistant": self = .ai
        case "tool": self = .tool
        default: return nil
        }
    }
}

extension Message {
    /// A message from a value: a message, a string (human), a `[role, content]`
    /// pair, or an object with `role` (or `type`) and `content`.
    public static func from(_ value: Value, variable: String) throws -> Message {
        switch value {
        case .message(let message): return message
        case .string(let text): return .human(text)
        case .array(let pair) where pair.count == 2:
            if let roleName = pair[0].stringValue, let role = Role(name: roleName), let content = pair[1].stringValue {
                return Message(role: role, content: content)
            }
        case .object(let object):
            let roleName = object["role"]?.stringValue ?? object["type"]?.stringValue
            if let roleName, let role = Role(name: roleName) {
                var message = Message(role: role, content: object["content"]?.stringValue ?? "")
                message.toolCallId = object["tool_call_id"]?.stringValue
                if object["status"]?.stringValue == "error" { message.status = .error }
                message.name = object["name"]?.stringValue
                message.toolCalls = object["tool_calls"]?.arrayValue?.compactMap(ToolCall.init(value:)) ?? []
                return message
            }
        default: break
        }
        throw TemplateError("'\(FStringTemplate.visible(variable))' must hold messages (a message, a string, a [role, content] pair or {\"role\", \"content\"}), got \(value.kindName)")
    }

    /// Messages from a value: a list of message-like values, or one of them.
    public static func list(from value: Value, variable: String) throws -> [Message] {
        switch value {
        case .array(let items) where !(items.count == 2 && items[0].stringValue.flatMap(Role.init(name:)) != nil):
            return try items.map { try from($0, variable: variable) }
        case .promptValue(let prompt): return prompt.toMessages()
        default: return [try from(value, variable: variable)]
        }
    }
}
