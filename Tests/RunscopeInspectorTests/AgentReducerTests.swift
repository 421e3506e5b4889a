import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// Agent runs (LangChain 1.x create_agent's shape): steps, tool calls, handled
/// tool errors, interrupts and commands, hidden plumbing, and follow mode.
@Suite struct AgentReducerTests {
    /// LangGraph > model@1 > FakeChatModel, tools@2#0 > get_weather, tools@2#1 > get_stock_price (all still running).
    static func firstSteps(_ script: inout EventScript) -> [TimedEvent] {
        [script.startAgent(), script.startNode("model", step: 1),
         script.startChatModel("chat@1", parent: "model@1", step: 1, prompt: [.system("Be brief."), .human("Weather in Paris?")]),
         script.token("chat@1", "Let me check."),
         script.endModel("chat@1", "Let me check.", toolCalls: [ToolCall(name: "get_weather", args: ["city": "Paris"], id: "c1")]),
         script.end("model@1"),
         script.startNode("tools", step: 2, key: "tools@2#0"),
         script.startTool("weather", name: "get_weather", parent: "tools@2#0", step: 2, args: ["city": "Paris"]),
         script.startNode("tools", step: 2, key: "tools@2#1"),
         script.startTool("stock", name: "get_stock_price", parent: "tools@2#1", step: 2, args: ["symbol": "ACME", "days": 3])]
    }

    func node(_ state: InspectorState, _ script: EventScript, _ key: String) -> RunNode {
        state.forest[state.forest.index(of: script.ids[key]!)!]
    }

    @Test func nodeRunsShowTheirStepAndToolRunsTheirCall() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.firstSteps(&script)))
        #expect(node(state, script, "model@1").graphStep == 1)
        #expect(node(state, script, "tools@2#1").graphStep == 2)
        #expect(node(state, script, "chat@1").graphStep == nil, "a chat model inherits the metadata but is not a node")
        #expect(node(state, script, "agent").graphStep == nil)
        #expect(node(state, script, "weather").toolCall == "get_weather(city: \"Paris\")")
        #expect(node(state, script, "stock").toolCall == "get_stock_price(symbol: \"ACME\", days: 3)")
        // A chain inside a node inherits the metadata; it is not the node.
        let inner = script.info("inner", parent: "model@1", type: .chain, tags: ["seq:step:1"],
                                metadata: EventScript.graphMetadata(step: 1, node: "model"), displayName: "RunnableSequence")
        _ = reduce(&state, .events([TimedEvent(.chainStart(inputs: [:]), run: inner, time: script.tick())]))
        #expect(node(state, script, "inner").graphStep == nil)
    }

    @Test func aHandledToolErrorHasItsOwnStatusAndTheParentsStayOk() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.firstSteps(&script)))
        _ = reduce(&state, .events([script.endTool("weather", "It is sunny."), script.end("tools@2#0", output: "ok"),
                                    script.endTool("stock", "Error: service down", status: .error),
                                    script.end("tools@2#1", output: "ok")]))
        #expect(node(state, script, "weather").status == .succeeded)
        let stock = node(state, script, "stock")
        #expect(stock.status == .handledError)
        #expect(!stock.status.isFailure && !stock.status.isActive && !stock.hasFailure)
        #expect(node(state, script, "tools@2#1").status == .succeeded)
        #expect(node(state, script, "agent").failedDescendants == 0)
        #expect(node(state, script, "agent").activeDescendants == 0)
    }

    @Test func anUnhandledToolErrorFails() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.firstSteps(&script)))
        let error = RunError(type: "ConnectionError", message: "no route")
        _ = reduce(&state, .events([TimedEvent(.toolError(error), run: script.infos["stock"]!, time: script.tick())]))
        #expect(node(state, script, "stock").status == .failed)
        #expect(node(state, script, "agent").failedDescendants == 1)
    }

    @Test(arguments: [
        ("GraphInterrupt", "(Interrupt(value='Approve?'),)", RunStatus.interrupted),
        ("NodeInterrupt", "stop here", RunStatus.interrupted),
        ("Exception", "GraphInterrupt((Interrupt(value='Approve?'),))", RunStatus.interrupted),
        ("ParentCommand", "Command(graph='__parent__', goto='other')", RunStatus.routed),
        ("Command", "Command(goto='other')", RunStatus.routed),
        ("ValueError", "Command(goto='x') is not a command error", RunStatus.failed),
    ])
    func controlFlowErrorsAreNotFailures(type: String, message: String, expected: RunStatus) {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([script.startAgent(), script.startNode("model", step: 3)]))
        _ = reduce(&state, .events([script.fail("model@3", type: type, message: message), script.fail("agent", type: type, message: message)]))
        _ = reduce(&state, .chainEnded(.failed(type: type, message: message), script.tick()))
        #expect(node(state, script, "model@3").status == expected)
        #expect(node(state, script, "agent").status == expected)
        let failed = expected == .failed
        #expect(node(state, script, "agent").failedDescendants == (failed ? 1 : 0))
        #expect(state.chain == (failed ? .failed : expected == .interrupted ? .interrupted : .finished))
        #expect((state.tab == .error) == failed, "follow mode jumps to failures only")
        #expect(node(state, script, "agent").failedChild == state.forest.index(of: script.ids["model@3"]!))
    }

    @Test func aReplayedInterruptEndsInterrupted() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events([script.startAgent(), script.fail("agent", type: "GraphInterrupt", message: "(Interrupt(value=1),)")]))
        _ = reduce(&state, .chainEnded(.succeeded, script.tick()))
        #expect(state.chain == .interrupted)
    }
}
