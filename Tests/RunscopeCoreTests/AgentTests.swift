import Foundation
import RunscopeCore
import Testing

/// The agent's behaviour beyond what the LangGraph recordings cover: inputs, the
/// system prompt, concurrency of tool calls, unknown tools, retriever tools, limits.
@Suite struct AgentTests {
    static func weatherAgent(_ answers: [Message], tools: [any Tool] = [AgentCases.getWeather], limit: Int = 25) -> Agent {
        Agent(model: AgentCases.model(answers), tools: tools, systemPrompt: "Be brief.", recursionLimit: limit)
    }

    static let oneCall: [Message] = [
        .ai("Checking.", toolCalls: [AgentCases.call("get_weather", "call_1", ["city": "Oslo"])]),
        .ai("It is sunny in Oslo."),
    ]

    @Test func aPlainStringIsOneHumanMessage() async throws {
        let output = try await Self.weatherAgent(Self.oneCall).invoke("Weather in Oslo?")
        let messages = output.agentMessages
        #expect(messages.map(\.role) == [.human, .ai, .tool, .ai])
        #expect(messages[0].content == "Weather in Oslo?")
        #expect(messages[2].content == "It is sunny in Oslo." && messages[2].toolCallId == "call_1" && messages[2].status == .success)
        #expect(messages.allSatisfy { $0.id != nil }, "the state gives every message an id")
    }

    @Test func theSystemPromptReachesTheModelButNotTheConversation() async throws {
        let collector = EventCollector()
        let output = try await Self.weatherAgent(Self.oneCall).invoke(AgentCases.input("Weather?"), config: RunConfig(callbacks: [collector]))
        let starts = collector.all.compactMap { record -> [Message]? in
            if case .chatModelStart(let lists) = record.event { return lists.first }
            return nil
        }
        #expect(starts.count == 2)
        #expect(starts.allSatisfy { $0.first == .system("Be brief.") })
        #expect(starts[1].map(\.role) == [.system, .human, .ai, .tool])
        #expect(output["messages"]?.arrayValue?.first?.messageValue?.role == .human)
    }

    @Test func theToolsAreBoundToEveryModelCallAsJSONSchema() async throws {
        let seen = Locked<[[ToolSpec]]>([])
        let model = SpyModel(answers: Self.oneCall) { options in seen.withLock { $0.append(options.tools) } }
        _ = try await Agent(model: model, tools: [AgentCases.getWeather, CalculatorTool()]).invoke("Weather?")
        let calls = seen.withLock { $0 }
        #expect(calls.count == 2)
        #expect(calls.allSatisfy { $0.map(\.name) == ["get_weather", "calculator"] })
        #expect(calls.first?.first?.parameters == ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
    }

    @Test func parallelToolCallsRunAtTheSameTime() async throws {
        let meeting = Rendezvous(expected: 2)
        let tools = ["north", "south"].map { name in
            FunctionTool(spec: ToolSpec(name: name, description: "waits for the other")) { _ in
                try await meeting.arrive()
                return .string("\(name) met")
            }
        }
        let agent = Self.weatherAgent([
            .ai("Both.", toolCalls: [AgentCases.call("north", "call_n", [:]), AgentCases.call("south", "call_s", [:])]),
            .ai("Done."),
        ], tools: tools)
        let output = try await agent.invoke("go")
        let texts = output.agentMessages.filter { $0.role == .tool }.map(\.content)
        #expect(texts == ["north met", "south met"], "results in call order")
    }

    @Test func anUnknownToolIsAnsweredWithAnErrorMessage() async throws {
        let collector = EventCollector()
        let agent = Self.weatherAgent([
            .ai("Hmm.", toolCalls: [AgentCases.call("get_wether", "call_1", ["city": "Oslo"])]),
            .ai("Sorry."),
        ])
        let output = try await agent.invoke("Weather?", config: RunConfig(callbacks: [collector]))
        let tool = try #require(output.agentMessages.first { $0.role == .tool })
        #expect(tool.status == .error)
        #expect(tool.content == "Error: get_wether is not a valid tool, try one of [get_weather].")
        #expect(!collector.all.contains { $0.run.runType == .tool }, "no tool ran")
    }

    @Test func aHandledToolErrorGoesBackToTheModel() async throws {
        let collector = EventCollector()
        let agent = Self.weatherAgent([
            .ai("Price?", toolCalls: [AgentCases.call("get_stock_price", "call_1", ["symbol": "ABC"])]),
            .ai("Unknown symbol."),
        ], tools: [AgentCases.getStockPrice])
        _ = try await agent.invoke("ABC?", config: RunConfig(callbacks: [collector]))
        let toolEnd = try #require(collector.all.compactMap { record -> Value? in
            if case .toolEnd(let output) = record.event { return output }
            return nil
        }.first)
        #expect(toolEnd.messageValue?.status == .error && toolEnd.messageValue?.content == "Unknown stock symbol: ABC")
        #expect(!collector.names.contains("on_tool_error") && !collector.names.contains("on_chain_error"))
        #expect(toolEnd.serialized()["kwargs"]?["status"] == "error")
    }

    @Test func aRetrieverToolRunsItsRetrieverInsideTheToolRun() async throws {
        let retriever = InMemoryRetriever(documents: [Document(pageContent: "Cats like boxes."), Document(pageContent: "Dogs like walks.")], k: 1)
        let tool = RetrieverTool(retriever: retriever, name: "search_pets", description: "Searches pet facts.")
        let collector = EventCollector()
        let agent = Self.weatherAgent([
            .ai("Searching.", toolCalls: [AgentCases.call("search_pets", "call_1", ["query": "what do cats like"])]),
            .ai("Boxes."),
        ], tools: [tool])
        let output = try await agent.invoke("Cats?", config: RunConfig(callbacks: [collector]))
        let answer = output.agentMessages.first { $0.role == .tool }
        #expect(answer?.content == "Cats like boxes.")
        let toolRun = try #require(collector.all.first { $0.run.runType == .tool }?.run)
        let retrieverRun = try #require(collector.all.first { $0.run.runType == .retriever }?.run)
        #expect(retrieverRun.parentRunId == toolRun.runId)
        #expect(retrieverRun.metadata["langgraph_node"] == "tools")
    }

    @Test func theStepLimitNamesTheLimit() async throws {
        let agent = Self.weatherAgent([Self.oneCall[0]], limit: 3)
        await #expect { try await agent.invoke("Weather?") } throws: { error in
            (error as? GraphRecursionError)?.limit == 3 && "\(error)".contains("Recursion limit of 3")
        }
    }

    @Test func streamingYieldsEveryStepsChunks() async throws {
        var text = ""
        for try await chunk in Self.weatherAgent(Self.oneCall).stream("Weather?") {
            text += chunk.messageValue?.content ?? ""
        }
        #expect(text == "Checking.It is sunny in Oslo.")
    }

    @Test func badInputIsAClearError() async throws {
        await #expect { try await Self.weatherAgent(Self.oneCall).invoke(42) } throws: { "\($0)".contains("an agent takes") }
    }
}

/// A scripted model that reports each call's options.
struct SpyModel: ChatModel {
    let answers: [Message]
    let onCall: @Sendable (ChatCallOptions) -> Void
    let cursor = ScriptCursor()
    var streaming: Bool { false }
    var providerName: String { "spy" }
    var name: String { "SpyModel" }

    init(answers: [Message], onCall: @escaping @Sendable (ChatCallOptions) -> Void) {
        self.answers = answers
        self.onCall = onCall
    }

    func chatStream(_ messages: [Message], options: ChatCallOptions) -> ValueStream {
        onCall(options)
        let answer = answers[cursor.next(count: answers.count)]
        return .single(.message(answer))
    }
}

/// Lets `expected` tasks through once all of them have arrived; fails after a deadline
/// (so tasks run one after another fail instead of hanging).
actor Rendezvous {
    private let expected: Int
    private var arrived = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(expected: Int) { self.expected = expected }

    func arrive() async throws {
        arrived += 1
        if arrived == expected {
            waiting.forEach { $0.resume() }
            waiting = []
            return
        }
        let deadline = Task { try await Task.sleep(nanoseconds: 5_000_000_000); self.timeOut() }
        await withCheckedContinuation { waiting.append($0) }
        deadline.cancel()
        if arrived < expected { throw ScriptedError("the other tool call never started", type: "TimeoutError") }
    }

    private func timeOut() {
        waiting.forEach { $0.resume() }
        waiting = []
    }
}

/// The step limit as LangGraph counts it.
@Suite struct AgentStepLimitTests {
    /// One tool step and an answer: steps 1 (model), 2 (tools), 3 (model).
    static func agent(limit: Int) -> Agent {
        AgentTests.weatherAgent(AgentTests.oneCall, limit: limit)
    }

    @Test func anAnswerBeforeTheLimitSucceeds() async throws {
        _ = try await Self.agent(limit: 4).invoke("Weather?")
    }

    @Test func anAnswerAtTheLastAllowedStepFailsAsInLangGraph() async throws {
        await #expect(throws: GraphRecursionError(limit: 3)) { try await Self.agent(limit: 3).invoke("Weather?") }
        await #expect(throws: GraphRecursionError(limit: 3)) {
            for try await _ in Self.agent(limit: 3).stream("Weather?") {}
        }
    }
}

/// Every tool node that starts also ends, whatever happens to the others.
@Suite struct AgentToolNodeEndTests {
    @Test func withAConcurrencyLimitAFailureStillEndsEveryNode() async throws {
        let failing = FunctionTool(spec: ToolSpec(name: "broken", description: "fails")) { _ in
            throw ScriptedError("broken on purpose", type: "ValueError")
        }
        let agent = AgentTests.weatherAgent([
            .ai("All three.", toolCalls: [
                AgentCases.call("broken", "call_1", [:]), AgentCases.call("get_weather", "call_2", ["city": "Oslo"]),
                AgentCases.call("get_weather", "call_3", ["city": "Rome"]),
            ]),
        ], tools: [failing, AgentCases.getWeather])
        let collector = EventCollector()
        await #expect(throws: ScriptedError.self) {
            try await agent.invoke("go", config: RunConfig(callbacks: [collector], maxConcurrency: 1))
        }
        let nodes = collector.all.filter { $0.run.name == "tools" }
        let started = Set(nodes.filter { $0.event.isStart }.map(\.run.runId))
        let ended = Set(nodes.filter { !$0.event.isStart }.map(\.run.runId))
        #expect(started.count == 3)
        #expect(ended == started, "every started tools node has an end event")
    }
}
