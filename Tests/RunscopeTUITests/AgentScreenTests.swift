import Foundation
import RunscopeCore
import RunscopeInspector
import RunscopeTUI
import Testing
import TerminalUI

/// Agent screens at 80×24 and 120×40: steps, tool calls, a handled tool error,
/// the Messages tab (live and finished), hidden runs and an interrupt.
@Suite struct AgentScreenTests {
    static let answer = "It is sunny in Paris (21 °C). The stock service is down, so I could not get the ACME price."

    func check(_ state: InspectorState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        ScreenSnapshotTests().check(state, name, sourceLocation: sourceLocation)
    }

    func text(_ state: InspectorState) -> String { Snapshot.render(InspectorView().render(state)) }

    static func live(width: Int, height: Int) -> Scenario {
        var scenario = Scenario(title: "agent.json", width: width, height: height)
        scenario.agent(answer: "It is sunny in Paris (21 °C). The stock")
        scenario.flush()
        return scenario
    }

    static func finished(width: Int, height: Int) -> Scenario {
        var scenario = Scenario(title: "agent.json", width: width, height: height)
        scenario.agent(answer: answer)
        let final = Message.ai(answer)
        scenario.finish("chat3", .llmEnd(LLMResult(generations: [[Generation(text: answer, message: final)]])))
        scenario.end("model3")
        let tools = Scenario.calls.enumerated().map { offset, call in
            Message.tool(offset == 0 ? "It is sunny in Paris, 21 °C." : "Error: the stock service is down (HTTP 503).",
                         toolCallId: call.id!, name: call.name, status: offset == 0 ? .success : .error)
        }
        let history = [Scenario.question, .ai("Let me check both.", toolCalls: Scenario.calls)] + tools + [final]
        scenario.finish("agent", .chainEnd(outputs: ["messages": .array(history.map(Value.message))], inputs: nil))
        scenario.endChain(.succeeded)
        return scenario
    }

    @Test func stepsToolCallsAndTheHandledError80x24() {
        let state = Self.live(width: 80, height: 24).state
        check(state, "agent_live_80x24")
        let screen = text(state)
        #expect(screen.contains("model · step 3"))
        #expect(screen.contains("✓ tool   get_weather(… 300ms"), "cut to fit")
        #expect(screen.contains("⚠ tool   get_stock_pr… 300ms"), "its own marker")
        #expect(!screen.contains("__start__"), "hidden by default")
        #expect(screen.contains("Runs (10) · follow · 1 hidden"), "the title says runs are hidden")
    }

    @Test func theMessagesTabGrowsWithTheStreamingTurn120x40() {
        var scenario = Self.live(width: 120, height: 40)
        scenario.keys(.char("6"))
        check(scenario.state, "agent_messages_live_120x40")
        let screen = text(scenario.state)
        #expect(screen.contains("→ get_stock_price(symbol: \"ACME\", exchange: \"NYSE\")"))
        #expect(screen.contains("✓ tool   get_weather(city: \"Paris\")      300ms"))
        #expect(screen.contains("⚠ tool   get_stock_price(symbol: \"ACME\"… 300ms"))
        scenario.stream("chat3", " service is down")
        scenario.flush()
        #expect(text(scenario.state).contains("The stock service is down"), "the AI turn grows from the tokens")
    }

    @Test func theFinishedAgentsConversation120x40() {
        var scenario = Self.finished(width: 120, height: 40)
        scenario.keys(.char("g"), .char("6"))
        check(scenario.state, "agent_messages_done_120x40")
    }

    @Test func aHandledToolErrorInThePane80x24() {
        var scenario = Self.finished(width: 80, height: 24)
        scenario.keys(.char("g"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
        #expect(scenario.state.selectedNode?.name == "get_stock_price")
        check(scenario.state, "agent_handled_error_80x24")
        scenario.keys(.char("4"))
        check(scenario.state, "agent_handled_error_tab_80x24")
    }

    @Test func hiddenRunsShownOnRequest80x24() {
        var scenario = Self.finished(width: 80, height: 24)
        scenario.keys(.char("a"))
        check(scenario.state, "agent_hidden_shown_80x24")
        #expect(text(scenario.state).contains("✓ chain  __start__ · st… 100ms"))
    }

    @Test func anInterruptIsPausedNotFailed80x24() {
        var scenario = Scenario(title: "agent.json", width: 80, height: 24)
        scenario.agent(answer: "")
        let value = "(Interrupt(value='Approve the answer?', id='9f1c'),)"
        scenario.fail("chat3", type: "GraphInterrupt", message: value)
        scenario.fail("model3", type: "GraphInterrupt", message: value)
        scenario.fail("agent", type: "GraphInterrupt", message: value)
        scenario.endChain(.failed(type: "GraphInterrupt", message: value))
        scenario.keys(.char("4"))
        check(scenario.state, "agent_interrupt_80x24")
        let screen = text(scenario.state)
        #expect(screen.contains("⏸ interrupted") && !screen.contains("✗"))
    }

    @Test func escapeSequencesInMessagesAndToolCallsAreShownNotObeyed() {
        var scenario = Scenario(title: "agent.json", width: 120, height: 40)
        scenario.start("agent", name: "LangGraph", input: ["messages": [.message(.human("hi \u{1B}[2J there \u{07}"))]])
        scenario.start("tools", name: "tools", parent: "agent", tags: ["graph:step:2"], metadata: Scenario.graph(2, "tools"))
        scenario.start("tool", name: "shell", parent: "tools", type: .tool, tags: ["seq:step:1"],
                       input: ["cmd": "echo \u{1B}]0;pwned\u{07}"], metadata: Scenario.graph(2, "tools"))
        let result = Message.tool("out \u{1B}[31mred\u{1B}[0m", toolCallId: "c", name: "shell")
        scenario.finish("tool", .toolEnd(output: .message(result)))
        scenario.end("tools")
        scenario.finish("agent", .chainEnd(outputs: ["messages": [.message(.human("hi \u{1B}[2J there \u{07}")), .message(result)]],
                                           inputs: nil))
        scenario.keys(.char("g"), .char("6"))
        let root = text(scenario.state)
        #expect(root.contains("hi ␛[2J there ␇"))
        #expect(root.contains("Tool shell · ✓ ok") && root.contains("out ␛[31mred␛[0m"))
        #expect(!containsUnsafeScalar(InspectorView().render(scenario.state)))
        scenario.keys(.char("G"), .char("1"))
        let tool = text(scenario.state)
        #expect(tool.contains("shell(cmd: \"echo \\u001b]0;pwned\\u0007\")") && !tool.contains("pwned\u{07}"), "\(tool)")
        #expect(!containsUnsafeScalar(InspectorView().render(scenario.state)))
    }
}
