/// Runs the tool calls of an AI message with the named tools, each as a child tool
/// run, and returns their tool messages (one message for one call, else a list).
public struct ToolExecutor: Runnable {
    public let tools: [any Tool]
    public let name: String

    /// An executor for the given tools.
    public init(tools: [any Tool], name: String = "tools") {
        self.tools = tools
        self.name = name
    }

    public func invoke(_ input: Value, config: RunConfig) async throws -> Value {
        try await config.traced(name: name, inputs: input, keeping: self) { run in
            let calls = try Self.toolCalls(in: input)
            var outputs: [Value] = []
            for call in calls {
                guard let tool = tools.first(where: { $0.spec.name == call.name }) else {
                    throw ScriptedError("the model called an unknown tool '\(call.name)' (available: \(tools.map(\.spec.name).joined(separator: ", ")))", type: "ToolException")
                }
                var call = call
                if call.id == nil { call.id = "call_\(outputs.count + 1)" }
                guard let approved = try await ToolApproval.review(call, of: tool, config: config, runId: run.info.runId) else {
                    outputs.append(.message(ToolApproval.rejection(of: call)))
                    continue
                }
                outputs.append(try await tool.invoke(approved.asValue, config: run.childConfig(config)))
            }
            return outputs.count == 1 ? outputs[0] : .array(outputs)
        }
    }

    /// The tool calls of an AI message (or of a list holding one).
    static func toolCalls(in input: Value) throws -> [ToolCall] {
        if let message = input.messageValue { return message.toolCalls }
        if let items = input.arrayValue { return items.compactMap(ToolCall.init(value:)) }
        if let call = ToolCall(value: input) { return [call] }
        throw ScriptedError("tools expect an AI message with tool calls, got \(input.kindName)", type: "ToolException")
    }
}
