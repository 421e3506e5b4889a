import RunscopeCore

/// What each provider's request body must hold, written out literally from the APIs'
/// documentation (not from runscope's encoders), so tests can compose the expected
/// `messages` of any turn: `opening(...) + [assistant(...)] + toolResults(...)`.
/// Providers: `openai`, `anthropic`, `ollama`.
enum WireExpectations {
    /// A tool result as the agent sends it back.
    struct Result {
        var callId: String
        var toolName: String
        var content: String
        var isError = false
    }

    /// The tools in the provider's format.
    static func tools(_ provider: String, _ specs: [ToolSpec]) -> Value {
        .array(specs.map { spec in
            provider == "anthropic"
                ? ["name": .string(spec.name), "description": .string(spec.description), "input_schema": spec.parameters]
                : ["type": "function", "function": ["name": .string(spec.name), "description": .string(spec.description),
                                                    "parameters": spec.parameters]]
        })
    }

    /// The first messages: the system prompt (top-level `system` for Anthropic, so not here) and the question.
    static func opening(_ provider: String, system: String, question: String) -> [Value] {
        let human: Value = ["role": "user", "content": .string(question)]
        return provider == "anthropic" ? [human] : [["role": "system", "content": .string(system)], human]
    }

    /// An AI message with tool calls: OpenAI `content` null without text and arguments as
    /// JSON text; Anthropic `text` then `tool_use` blocks; Ollama `content` "" and arguments as an object.
    static func assistant(_ provider: String, text: String, calls: [ToolCall]) -> Value {
        switch provider {
        case "openai":
            return ["role": "assistant", "content": text.isEmpty ? .null : .string(text), "tool_calls": .array(calls.map { call in
                ["id": .string(call.id ?? ""), "type": "function",
                 "function": ["name": .string(call.name), "arguments": .string(Value.object(call.args).compactJSON())]]
            })]
        case "anthropic":
            let textBlock: [Value] = text.isEmpty ? [] : [["type": "text", "text": .string(text)]]
            return ["role": "assistant", "content": .array(textBlock + calls.map { call in
                ["type": "tool_use", "id": .string(call.id ?? ""), "name": .string(call.name), "input": .object(call.args)]
            })]
        default:
            return ["role": "assistant", "content": .string(text), "tool_calls": .array(calls.map { call in
                ["id": .string(call.id ?? ""), "function": ["name": .string(call.name), "arguments": .object(call.args)]]
            })]
        }
    }

    /// The answers to one step's calls: OpenAI one `role: tool` message each (no error
    /// flag); Anthropic one user turn of `tool_result` blocks with `is_error`; Ollama one
    /// `role: tool` message each with `tool_name`.
    static func toolResults(_ provider: String, _ results: [Result]) -> [Value] {
        switch provider {
        case "openai":
            return results.map { ["role": "tool", "content": .string($0.content), "tool_call_id": .string($0.callId)] }
        case "anthropic":
            return [["role": "user", "content": .array(results.map { result in
                ["type": "tool_result", "tool_use_id": .string(result.callId), "content": .string(result.content),
                 "is_error": .bool(result.isError)]
            })]]
        default:
            return results.map { result in
                ["role": "tool", "content": .string(result.content), "tool_name": .string(result.toolName),
                 "tool_call_id": .string(result.callId)]
            }
        }
    }
}
