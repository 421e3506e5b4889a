/// Reading an agent's input: `{"messages": [...]}` (role/text pairs, objects or
/// messages), a list of messages, one message, or a plain string (a human message).
enum AgentInput {
    /// The conversation an input stands for.
    static func messages(_ input: Value) throws -> [Message] {
        switch input {
        case .string(let text): return [.human(text)]
        case .message(let message): return [message]
        case .array: return try Message.list(from: input, variable: "messages")
        case .object(let object):
            guard let messages = object["messages"] else { break }
            return try Message.list(from: messages, variable: "messages")
        default: break
        }
        throw ScriptedError(
            "an agent takes {\"messages\": [...]} or a string, got \(input.kindName)", type: "ValueError")
    }
}
