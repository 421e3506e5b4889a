import Foundation
import RunscopeCore
import RunscopeInspector
import Testing
@testable import RunscopeTUI

/// The conversation the Messages tab shows, from the runs alone.
@Suite struct ConversationTests {
    @Test func messagesComeFromPairsRolesAndSerializedMessages() {
        let value: Value = ["messages": [["human", "Hi"], ["assistant", "Hello"], ["role": "system", "content": "Be brief."],
                                         .message(.tool("42", toolCallId: "c1", name: "calc", status: .error)), "plain text"]]
        let messages = Conversation.messages(in: value) ?? []
        #expect(messages.map(\.role) == [.human, .ai, .system, .tool, .human])
        #expect(messages.map(\.content) == ["Hi", "Hello", "Be brief.", "42", "plain text"])
        #expect(messages[3].status == .error)
        #expect(Conversation.messages(in: ["input": "x"]) == nil, "no messages key: no conversation")
    }

    @Test func aRunningAgentShowsItsLatestModelsPromptAnswerAndRunningTools() {
        var scenario = Scenario(width: 120, height: 40)
        scenario.agent(answer: "Sunny")
        scenario.flush()
        let forest = scenario.state.forest
        let root = forest.roots[0]
        let live = Conversation.of(root, in: forest)
        #expect(live.messages.map(\.role) == [.system, .human, .ai, .tool, .tool], "the step-3 model's prompt")
        #expect(live.tail == .streaming(forest.index(of: forest[forest.count - 1].id)!))
        // Step 1 alone: its answer, then the results of the tool runs after it.
        let model1 = forest.nodes.indices.first { forest[$0].name == "FakeToolCallingModel" }!
        var partial = Conversation.model(model1, in: forest)
        Conversation.appendTools(after: model1, below: root, in: forest, to: &partial)
        #expect(partial.messages.last?.role == .tool)
        #expect(partial.messages.filter { $0.role == .tool }.map(\.status) == [.success, .error])
    }

    @Test func theLinesNameToolsAndTheirStatus() {
        let call = ToolCall(name: "get_weather", args: ["city": "Paris"], id: "c1")
        let conversation = Conversation(messages: [.ai("", toolCalls: [call]), .tool("Rain", toolCallId: "c1", status: .error)])
        let lines = ChatText.lines(conversation, width: 60).map(\.text)
        #expect(lines == ["AI", "→ get_weather(city: \"Paris\")", "", "Tool get_weather · ⚠ error", "Rain"])
        let empty = ChatText.lines(Conversation(), width: 60).map(\.text)
        #expect(empty.first?.hasPrefix("(no messages") == true)
    }
}
