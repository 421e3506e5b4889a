import Foundation
import RunscopeCore
import RunscopeInspector

/// An agent run as LangChain 1.x `create_agent` records it: model step 1 with two
/// tool calls, two parallel `tools` runs (the second a handled tool error), then
/// model step 3 streaming its answer.
extension Scenario {
    static func graph(_ step: Int, _ node: String) -> ValueObject {
        ["langgraph_step": .int(step), "langgraph_node": .string(node),
         "langgraph_triggers": node == "tools" ? ["__pregel_push"] : ["branch:to:model"],
         "langgraph_checkpoint_ns": .string("\(node):\(step)")]
    }

    static let system = Message.system("You are a helpful assistant.")
    static let question = Message.human("Weather in Paris, and the price of ACME?")
    static let calls = [ToolCall(name: "get_weather", args: ["city": "Paris"], id: "call_1"),
                        ToolCall(name: "get_stock_price", args: ["symbol": "ACME", "exchange": "NYSE"], id: "call_2")]

    /// The agent up to its last step; `answer` is streamed by the step-3 model (still running).
    mutating func agent(answer: String, hidden: Bool = true) {
        start("agent", name: "LangGraph", input: ["messages": [.message(Self.question)]])
        if hidden {
            start("start", name: "__start__", parent: "agent", tags: ["graph:step:0", "langsmith:hidden"], metadata: Self.graph(0, "__start__"))
            end("start")
        }
        start("model1", name: "model", parent: "agent", tags: ["graph:step:1"], metadata: Self.graph(1, "model"))
        start("chat1", name: "FakeToolCallingModel", parent: "model1", type: .chatModel, tags: ["seq:step:1"],
              metadata: Self.graph(1, "model"), prompt: [Self.system, Self.question])
        stream("chat1", "Let me check both.")
        let first = Message.ai("Let me check both.", toolCalls: Self.calls)
        finish("chat1", .llmEnd(LLMResult(generations: [[Generation(text: first.content, message: first)]])))
        end("model1")
        let results = [("It is sunny in Paris, 21 °C.", ToolStatus.success), ("Error: the stock service is down (HTTP 503).", .error)]
        for (offset, call) in Self.calls.enumerated() {
            start("tools\(offset)", name: "tools", parent: "agent", tags: ["graph:step:2"], metadata: Self.graph(2, "tools"))
            start("tool\(offset)", name: call.name, parent: "tools\(offset)", type: .tool, tags: ["seq:step:1"],
                  input: .object(call.args), metadata: Self.graph(2, "tools"))
        }
        var history = [Self.question, first]
        for (offset, call) in Self.calls.enumerated() {
            let message = Message.tool(results[offset].0, toolCallId: call.id!, name: call.name, status: results[offset].1)
            history.append(message)
            finish("tool\(offset)", .toolEnd(output: .message(message)))
            finish("tools\(offset)", .chainEnd(outputs: ["messages": [.message(message)]], inputs: nil))
        }
        start("model3", name: "model", parent: "agent", tags: ["graph:step:3"], metadata: Self.graph(3, "model"))
        start("chat3", name: "FakeToolCallingModel", parent: "model3", type: .chatModel, tags: ["seq:step:1"],
              metadata: Self.graph(3, "model"), prompt: [Self.system] + history)
        stream("chat3", answer)
    }
}
