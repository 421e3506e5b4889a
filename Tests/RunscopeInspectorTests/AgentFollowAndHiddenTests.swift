import Foundation
import RunscopeCore
import Testing
@testable import RunscopeInspector

/// Follow mode on an agent's steps, and runs tagged `langsmith:hidden`.
@Suite struct AgentFollowAndHiddenTests {
    @Test func followModeFollowsTheCurrentStep() {
        var script = EventScript()
        var state = startedState()
        var steps = AgentReducerTests.firstSteps(&script)
        for event in steps.prefix(4) { _ = reduce(&state, .events([event])) }
        #expect(selectedName(state) == "FakeChatModel", "the streaming model of step 1")
        for event in steps.dropFirst(4).prefix(4) { _ = reduce(&state, .events([event])) }
        #expect(selectedName(state) == "get_weather", "the running tool of step 2")
        _ = reduce(&state, .events(Array(steps.suffix(2))))
        #expect(selectedName(state) == "get_stock_price", "the newest running tool")
        steps = [script.endTool("weather", "sunny"), script.end("tools@2#0"), script.endTool("stock", "down", status: .error),
                 script.end("tools@2#1"), script.startNode("model", step: 3),
                 script.startChatModel("chat@3", parent: "model@3", step: 3, prompt: [.human("Weather in Paris?")])]
        _ = reduce(&state, .events(steps))
        #expect(state.selected == state.forest.index(of: script.ids["chat@3"]!), "the model of step 3, waiting")
        _ = reduce(&state, .events([script.token("chat@3", "Sunny.")]))
        #expect(state.selected == state.forest.index(of: script.ids["chat@3"]!))
    }

    @Test func followModeOffStaysPut() {
        var script = EventScript()
        var state = startedState()
        let steps = AgentReducerTests.firstSteps(&script)
        _ = reduce(&state, .events(Array(steps.prefix(6))))
        press(&state, .char("g"))
        _ = reduce(&state, .events(Array(steps.dropFirst(6))))
        #expect(selectedName(state) == "LangGraph")
        press(&state, .char("f"))
        #expect(selectedName(state) == "get_stock_price", "turning follow on jumps to the current step")
    }

    /// LangGraph > __start__ (hidden) > ChannelWrite, then model@1.
    static func withHidden(_ script: inout EventScript) -> [TimedEvent] {
        let start = script.info("__start__", parent: "agent", type: .chain, tags: ["graph:step:0", "langsmith:hidden"],
                                metadata: EventScript.graphMetadata(step: 0, node: "__start__"))
        let write = script.info("ChannelWrite", parent: "__start__", type: .chain, tags: ["seq:step:1"])
        return [script.startAgent(), TimedEvent(.chainStart(inputs: [:]), run: start, time: script.tick()),
                TimedEvent(.chainStart(inputs: [:]), run: write, time: script.tick()), script.startNode("model", step: 1)]
    }

    @Test func hiddenRunsAndTheirSubtreesAreHiddenUntilShown() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.withHidden(&script)))
        #expect(rowNames(state) == ["LangGraph", "model"])
        #expect(state.forest.hiddenCount == 1)
        press(&state, .char("a"))
        #expect(rowNames(state) == ["LangGraph", "__start__", "ChannelWrite", "model"])
        #expect(state.message?.contains("Showing hidden runs") == true)
        press(&state, .char("g"), .char("j"), .char("j"))
        #expect(selectedName(state) == "ChannelWrite")
        press(&state, .char("a"))
        #expect(rowNames(state) == ["LangGraph", "model"])
        #expect(selectedName(state) == "LangGraph", "the selection moves to the nearest shown run")
    }

    @Test func searchAndFollowSkipHiddenRuns() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.withHidden(&script)))
        #expect(selectedName(state) == "model", "follow does not pick the hidden __start__")
        press(&state, .char("/"), .char("C"), .char("h"), .char("a"), .char("n"), .enter)
        #expect(selectedName(state) != "ChannelWrite")
        #expect(state.message?.hasPrefix("No run matches") == true)
    }

    @Test func hiddenRunsStayShownAfterARerun() {
        var script = EventScript()
        var state = startedState()
        _ = reduce(&state, .events(Self.withHidden(&script)))
        press(&state, .char("a"))
        _ = reduce(&state, .chainStarted(script.tick()))
        var again = EventScript()
        _ = reduce(&state, .events(Self.withHidden(&again)))
        #expect(rowNames(state).contains("__start__"))
    }

    @Test func theKeyIsBoundAndDocumentedInTheHelp() {
        #expect(KeyMap.command(for: .char("a")) == .toggleHidden)
        #expect(KeyMap.help.contains { $0.keys == "a" && $0.action.contains("langsmith:hidden") })
        #expect(KeyMap.command(for: .char("6")) == .selectTab(.messages))
    }
}
