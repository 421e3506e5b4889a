import RunscopeCore

/// Joins the tool-call deltas of an OpenAI stream into whole tool calls, tolerating
/// what compatible servers do: a missing `index` or one that is always 0 (a new
/// `id` then starts a new call), a first delta without `id`, and arguments split
/// across any number of deltas.
struct OpenAIToolCallAccumulator {
    /// One call being assembled.
    struct Partial {
        var index: Int?
        var id: String?
        var name = ""
        var arguments = ""
    }

    private(set) var calls: [Partial] = []

    /// Whether no tool call was seen.
    var isEmpty: Bool { calls.isEmpty }

    /// Adds the `tool_calls` array of one delta.
    mutating func add(_ deltas: [Value]) {
        for delta in deltas { add(delta) }
    }

    private mutating func add(_ delta: Value) {
        let index = delta["index"]?.intValue
        let id = delta["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let function = delta["function"]
        let position = slot(index: index, id: id)
        if let id, calls[position].id == nil { calls[position].id = id }
        if let name = function?["name"]?.stringValue, !name.isEmpty { calls[position].name += name }
        if let arguments = function?["arguments"] {
            // Some servers send the arguments as an object instead of a JSON string.
            calls[position].arguments += arguments.stringValue ?? arguments.compactJSON()
        }
    }

    /// The position of the call a delta belongs to, adding a new one when it starts a call.
    private mutating func slot(index: Int?, id: String?) -> Int {
        let matching = calls.lastIndex { call in index == nil || call.index == index }
        if let position = matching {
            let existing = calls[position]
            let startsNewCall = id != nil && existing.id != nil && existing.id != id
            if !startsNewCall { return position }
        }
        calls.append(Partial(index: index, id: id))
        return calls.count - 1
    }

    /// The finished calls, and the invalid ones (arguments that are not a JSON object).
    func finish() -> (calls: [ToolCall], invalid: [Value]) {
        var valid: [ToolCall] = []
        var invalid: [Value] = []
        for call in calls {
            if let args = ChunkFactory.arguments(call.arguments) {
                valid.append(ToolCall(name: call.name, args: args, id: call.id))
            } else {
                invalid.append(ChunkFactory.invalidToolCall(name: call.name, arguments: call.arguments, id: call.id))
            }
        }
        return (valid, invalid)
    }
}
