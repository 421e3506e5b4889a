import Foundation
import RunscopeCore
import RunscopeInspector

/// Agent runs as LangChain 1.x `create_agent` records them, for reducer tests:
/// keys name runs (`model@1`, `tools@2#0`), their names are LangGraph's.
extension EventScript {
    /// LangGraph's metadata of a node run at `step` (inherited by its children).
    static func graphMetadata(step: Int, node: String) -> ValueObject {
        ["langgraph_step": .int(step), "langgraph_node": .string(node),
         "langgraph_triggers": node == "tools" ? ["__pregel_push"] : ["branch:to:model"],
         "langgraph_path": ["__pregel_pull", .string(node)], "langgraph_checkpoint_ns": .string("\(node):\(step)")]
    }

    /// The root `LangGraph` run, given `{"messages": [human]}`.
    mutating func startAgent(_ key: String = "agent", question: String = "Weather in Paris?") -> TimedEvent {
        let info = info(key, parent: nil, type: .chain, displayName: "LangGraph")
        return TimedEvent(.chainStart(inputs: ["messages": [.message(.human(question))]]), run: info, time: tick())
    }

    /// A node run (`model` or `tools`) at `step`, tagged `graph:step:N`; `key` defaults to `node@step`.
    mutating func startNode(_ node: String, step: Int, key: String? = nil, parent: String = "agent", tags: [String] = []) -> TimedEvent {
        let key = key ?? "\(node)@\(step)"
        let info = info(key, parent: parent, type: .chain, tags: ["graph:step:\(step)"] + tags,
                        metadata: Self.graphMetadata(step: step, node: node), displayName: node)
        return TimedEvent(.chainStart(inputs: ["messages": []]), run: info, time: tick())
    }

    /// The chat model run under a `model` node, tagged `seq:step:1`, with the node's metadata.
    mutating func startChatModel(_ key: String, parent: String, step: Int, prompt: [Message]) -> TimedEvent {
        let info = info(key, parent: parent, type: .chatModel, tags: ["seq:step:1"], metadata: Self.graphMetadata(step: step, node: "model"),
                        displayName: "FakeChatModel")
        return TimedEvent(.chatModelStart(messages: [prompt]), run: info, time: tick())
    }

    /// A tool run under a `tools` node: its start's `inputs` are the call's arguments.
    mutating func startTool(_ key: String, name: String, parent: String, step: Int, args: ValueObject) -> TimedEvent {
        let info = info(key, parent: parent, type: .tool, tags: ["seq:step:1"], metadata: Self.graphMetadata(step: step, node: "tools"),
                        displayName: name)
        return TimedEvent(.toolStart(input: Value.object(args).compactJSON(), inputs: .object(args)), run: info, time: tick())
    }

    /// Ends a tool run with a ToolMessage (`status: error` for a handled tool error).
    mutating func endTool(_ key: String, _ text: String, status: ToolStatus = .success) -> TimedEvent {
        let info = infos[key]!
        let message = Message.tool(text, toolCallId: "call_\(key)", name: info.name, status: status)
        return TimedEvent(.toolEnd(output: .message(message)), run: info, time: tick())
    }

    /// Ends a model run with an AI message carrying `toolCalls`.
    mutating func endModel(_ key: String, _ text: String, toolCalls: [ToolCall] = []) -> TimedEvent {
        let message = Message.ai(text, toolCalls: toolCalls)
        return TimedEvent(.llmEnd(LLMResult(generations: [[Generation(text: text, message: message)]])), run: infos[key]!, time: tick())
    }
}
