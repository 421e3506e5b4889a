import RunscopeCore

/// What the real OpenAI and Anthropic APIs refuse with an HTTP 400 in a conversation's
/// history: tool calls left without results, and results that answer no call. The
/// messages are worded as the APIs word them. (Ollama accepts any history.)
enum ToolHistoryCheck {
    /// OpenAI: every assistant `tool_calls` entry needs a `role: tool` message right after
    /// it with its `tool_call_id`, and a tool message must answer a call just before it.
    static func openAI(_ messages: [Value]) -> String? {
        var open: [String] = []
        var answerable: Set<String> = []
        for (index, message) in messages.enumerated() {
            let role = message["role"]?.stringValue
            if role == "tool" {
                let id = message["tool_call_id"]?.stringValue ?? ""
                guard answerable.contains(id) else {
                    return "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with "
                        + "'tool_calls'. (messages.[\(index)], tool_call_id \(id))"
                }
                open.removeAll { $0 == id }
                continue
            }
            if !open.isEmpty { return unansweredOpenAI(open) }
            let calls = role == "assistant" ? message["tool_calls"]?.arrayValue ?? [] : []
            open = calls.compactMap { $0["id"]?.stringValue }
            answerable = Set(open)
        }
        return open.isEmpty ? nil : unansweredOpenAI(open)
    }

    private static func unansweredOpenAI(_ ids: [String]) -> String {
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. "
            + "The following tool_call_ids did not have response messages: \(ids.joined(separator: ", "))"
    }

    /// Anthropic: the message after an assistant turn with `tool_use` blocks must be a user
    /// turn with a `tool_result` for each, and a `tool_result` must answer a `tool_use` of
    /// the turn before it.
    static func anthropic(_ messages: [Value]) -> String? {
        var previousUses: [String] = []
        for (index, message) in messages.enumerated() {
            let blocks = message["content"]?.arrayValue ?? []
            let results = blocks.enumerated().filter { $0.element["type"] == "tool_result" }
            for (position, block) in results {
                let id = block["tool_use_id"]?.stringValue ?? ""
                if !previousUses.contains(id) {
                    return "messages.\(index).content.\(position): unexpected `tool_use_id` found in `tool_result` blocks: \(id). "
                        + "Each `tool_result` block must have a corresponding `tool_use` block in the previous message."
                }
            }
            let answered = Set(results.compactMap { $0.element["tool_use_id"]?.stringValue })
            let missing = previousUses.filter { !answered.contains($0) }
            if !missing.isEmpty {
                return "messages.\(index - 1): `tool_use` ids were found without `tool_result` blocks immediately after: "
                    + "\(missing.joined(separator: ", ")). Each `tool_use` block must have a corresponding `tool_result` block in the next message."
            }
            previousUses = message["role"] == "assistant"
                ? blocks.filter { $0["type"] == "tool_use" }.compactMap { $0["id"]?.stringValue } : []
        }
        return nil
    }
}
