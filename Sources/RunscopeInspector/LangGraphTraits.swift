import RunscopeCore

/// What LangGraph's runs say about themselves in their names, tags, metadata,
/// outputs and errors: graph steps, tool calls, handled tool errors, hidden
/// plumbing and control flow (interrupts and commands), as `create_agent` and
/// `create_react_agent` record them (`docs/inspector.md`).
public enum LangGraphTraits {
    /// The tag LangGraph puts on plumbing runs (`__start__`, `ChannelWrite<...>`); LangChain
    /// config tags are inherited, so every run below such a run carries it too.
    public static let hiddenTag = "langsmith:hidden"
    /// Longest tool-call label kept for a row (rows are cut to their width anyway).
    static let maxCallLength = 300

    /// The step of a graph node run: a chain run with `langgraph_step` and
    /// `langgraph_node` metadata, tagged `graph:step:N` or named after its node.
    public static func graphStep(name: String, runType: RunType, tags: [String], metadata: ValueObject) -> Int? {
        guard runType == .chain, let step = metadata["langgraph_step"]?.intValue,
              let node = metadata["langgraph_node"]?.stringValue else { return nil }
        return tags.contains("graph:step:\(step)") || name == node ? step : nil
    }

    /// Whether a run was started inside a graph node (it has LangGraph's step metadata).
    public static func isInGraph(_ metadata: ValueObject) -> Bool {
        metadata["langgraph_step"] != nil && metadata["langgraph_node"] != nil
    }

    /// The status an error gives a run: control flow for interrupts and commands,
    /// cancelled for cancellations, failed otherwise.
    public static func status(for error: RunError) -> RunStatus {
        if error.isCancellation { return .cancelled }
        if error.isInterrupt { return .interrupted }
        return error.isCommand ? .routed : .failed
    }

    /// Whether a tool's output is a tool message of status `error` (a handled tool error).
    public static func isHandledToolError(_ output: Value) -> Bool {
        switch output {
        case .message(let message): return message.role == .tool && message.status == .error
        case .object(let object):
            if let kwargs = object["kwargs"]?.objectValue { return kwargs["status"]?.stringValue == "error" }
            return object["status"]?.stringValue == "error" && object["type"]?.stringValue == "tool"
        default: return false
        }
    }

    /// A tool call as one line, `get_weather(city: "Paris")`: the arguments in
    /// order, values as compact JSON (a plain string input as it is).
    public static func toolCall(name: String, inputs: Value?) -> String {
        guard let inputs else { return name }
        var arguments = inputs
        if let object = inputs.objectValue, object["type"]?.stringValue == "tool_call", let args = object["args"] {
            arguments = args
        }
        let inside: String
        switch arguments {
        case .object(let object):
            inside = object.map { "\($0.key): \(clip($0.value.compactJSON()))" }.joined(separator: ", ")
        case .string(let text): inside = clip(text)
        default: inside = clip(arguments.compactJSON())
        }
        return name + "(" + clip(inside) + ")"
    }

    /// `text` cut to ``maxCallLength`` characters (with "…").
    static func clip(_ text: String) -> String {
        text.count <= maxCallLength ? text : String(text.prefix(maxCallLength)) + "…"
    }
}
