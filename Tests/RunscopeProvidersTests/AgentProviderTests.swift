import RunscopeCore
import RunscopeProviders
import RunscopeTestServer
import Testing

/// The agent on each HTTP provider over loopback: the tools go out in the provider's
/// format on every step, the streamed tool calls come back as tool runs, and the
/// results go back the provider's way, checked request body by request body.
@Suite("Agents run on every provider")
struct AgentProviderTests {
    static let system = "You are a helpful assistant."
    static let question = "Weather in Paris, and what is 2 + 3?"
    /// The weather tool fails (handled) as the conversation tests' tool does.
    static let weather = ScriptedTool(
        spec: ConversationDriver.weatherTool,
        behavior: .fails(try! TextTemplate("Error: no weather report for {city}"), handled: true))

    static func model(_ provider: String, _ server: TestServer) -> any ChatModel {
        switch provider {
        case "openai": return Models.openAI(server, model: "gpt-conversation-weather")
        case "anthropic": return Models.anthropic(server, model: "claude-conversation-weather")
        default: return Models.ollama(server, model: "llama-conversation-weather")
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func theWeatherConversationRunsAsAnAgent(_ provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let agent = Agent(model: Self.model(provider, server), tools: [Self.weather, CalculatorTool()], systemPrompt: Self.system)
            let recorder = TimedRecorder()
            let output = try await agent.invoke(["messages": [["human", .string(Self.question)]]],
                                                config: RunConfig(callbacks: [recorder]))
            let messages = output["messages"]?.arrayValue?.compactMap(\.messageValue) ?? []
            #expect(messages.map(\.role) == [.human, .ai, .tool, .tool, .ai])
            #expect(messages.last?.content == "It is sunny in Paris, and 2 + 3 = 5.")
            #expect(messages.filter { $0.role == .tool }.map(\.status) == [.error, .success])
            #expect(recorder.names.filter { $0 == "on_tool_start" }.count == 2)
            try Self.checkBodies(provider, server)
        }
    }

    /// Both request bodies: the tools each time, then the conversation with the AI
    /// message's tool calls and the two results in the provider's form.
    static func checkBodies(_ provider: String, _ server: TestServer) throws {
        let bodies = server.requests.compactMap(\.json)
        try #require(bodies.count == 2)
        let tools = WireExpectations.tools(provider, ConversationDriver.tools)
        let opening = WireExpectations.opening(provider, system: system, question: question)
        let calls = ScriptedConversation.weather.turns[0].toolCalls
        for body in bodies {
            #expect(body["tools"] == tools)
            if provider == "anthropic" { #expect(body["system"] == .string(system)) }
        }
        #expect(bodies[0]["messages"] == .array(opening))
        let results = [
            WireExpectations.Result(callId: "call_1", toolName: "get_weather", content: "Error: no weather report for Paris", isError: true),
            WireExpectations.Result(callId: "call_2", toolName: "calculator", content: "5"),
        ]
        let expected = opening + [WireExpectations.assistant(provider, text: "Let me check.", calls: calls)]
            + WireExpectations.toolResults(provider, results)
        #expect(bodies[1]["messages"] == .array(expected))
    }
}
