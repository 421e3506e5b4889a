import RunscopeCore

/// A step's input as JSON text to edit, and the edited text back as the step's input
/// (`E`). Messages are written as `{"role", "content"}` objects (with `tool_calls`,
/// `tool_call_id` and `name` where they have them), as LangChain's `convert_to_messages`
/// reads them; a prompt value is its list of messages. Everything else is plain JSON.
public enum StepInputText {
    /// The input as indented JSON, ending with a newline.
    public static func text(_ input: Value) -> String {
        editable(input).jsonString(indent: 2) + "\n"
    }

    /// The edited text as an input for the step whose input was `original`. Messages
    /// come back as messages where the original had them; throws what the JSON parser
    /// or the message reader says is wrong.
    public static func input(_ text: String, replacing original: Value) throws -> Value {
        let parsed = try JSONParser.parse(text).deserialized()
        switch original {
        case .message:
            if case .object = parsed { return .message(try Message.from(parsed, variable: "input")) }
            return try messages(parsed)
        case .promptValue(.chat):
            return try messages(parsed)
        case .array(let items) where !items.isEmpty && items.allSatisfy({ $0.messageValue != nil }):
            return try messages(parsed)
        default:
            return original.containsMessage ? restored(parsed) : parsed
        }
    }

    /// A list of messages read from `value`.
    private static func messages(_ value: Value) throws -> Value {
        .array(try Message.list(from: value, variable: "input").map(Value.message))
    }

    /// `value` with messages written as role objects.
    static func editable(_ value: Value) -> Value {
        switch value {
        case .message(let message): return object(message)
        case .promptValue(.chat(let messages)): return .array(messages.map(object))
        case .promptValue(.string(let text)): return .string(text)
        case .array(let items): return .array(items.map(editable))
        case .object(let fields): return .object(ValueObject(fields.map { ($0.key, editable($0.value)) }))
        default: return value
        }
    }

    /// The role object a message is edited as.
    static func object(_ message: Message) -> Value {
        var fields: ValueObject = ["role": .string(message.role.rawValue), "content": .string(message.content)]
        if let name = message.name { fields["name"] = .string(name) }
        if !message.toolCalls.isEmpty { fields["tool_calls"] = .array(message.toolCalls.map(\.asValue)) }
        if let id = message.toolCallId { fields["tool_call_id"] = .string(id) }
        if message.status == .error { fields["status"] = "error" }
        return .object(fields)
    }

    /// Role objects (as `object` writes them) turned back into messages, anywhere in `value`.
    private static func restored(_ value: Value) -> Value {
        switch value {
        case .array(let items): return .array(items.map(restored))
        case .object(let fields):
            if isMessageObject(fields), let message = try? Message.from(value, variable: "input") { return .message(message) }
            return .object(ValueObject(fields.map { ($0.key, restored($0.value)) }))
        default: return value
        }
    }

    private static let messageKeys: Set<String> = ["role", "content", "name", "tool_calls", "tool_call_id", "status"]

    private static func isMessageObject(_ fields: ValueObject) -> Bool {
        fields["role"]?.stringValue.flatMap(Message.Role.init(name:)) != nil && fields["content"] != nil
            && fields.keys.allSatisfy(messageKeys.contains)
    }
}

extension Value {
    /// Whether a message (or prompt value) is anywhere inside.
    var containsMessage: Bool {
        switch self {
        case .message, .promptValue: return true
        case .array(let items): return items.contains { $0.containsMessage }
        case .object(let fields): return fields.values.contains { $0.containsMessage }
        default: return false
        }
    }
}
