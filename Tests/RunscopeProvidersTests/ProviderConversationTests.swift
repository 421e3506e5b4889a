import RunscopeCore
@testable import RunscopeProviders
import RunscopeTestServer
import Testing

/// Multi-turn tool conversations over loopback, driven as an agent drives them: each
/// provider's streamed tool calls are parsed, the results go back its way, and every
/// request body is checked turn by turn against the provider's format.
@Suite("Providers hold multi-turn tool conversations")
struct ProviderConversationTests {
    static let question = "Weather in Paris, and what is 2 + 3?"
    static let calls = ScriptedConversation.weather.turns[0].toolCalls
    /// The handled error the weather tool gives (no report for Paris).
    static let weatherError = "Error: no weather report for Paris"

    /// Plays `ScriptedConversation.weather`: turn 1 streams text and two parallel calls,
    /// the tools run (the weather one fails, handled), turn 2 streams the answer.
    static func playWeather(_ model: any ChatModel) async throws -> ConversationDriver {
        var agent = ConversationDriver(model: model, question: question)
        let first = try await agent.step()
        #expect(first.content == "Let me check.")
        #expect(first.toolCalls == calls)
        #expect(agent.tokensPerStep[0] == ["Let", " me", " check."])
        try await agent.runTools(weather: [:])
        #expect(agent.messages.suffix(2).map(\.status) == [.error, .success])
        #expect(agent.messages.last?.content == "5")
        let second = try await agent.step()
        #expect(second.content == "It is sunny in Paris, and 2 + 3 = 5.")
        #expect(second.toolCalls.isEmpty)
        #expect(agent.tokensPerStep[1].count == 11)
        return agent
    }

    /// The two request bodies of the weather conversation, after checking there were two.
    static func bodies(_ server: TestServer) throws -> (Value, Value) {
        let bodies = server.requests.compactMap(\.json)
        try #require(bodies.count == 2)
        #expect(bodies.allSatisfy { $0["stream"] == true })
        return (bodies[0], bodies[1])
    }

    @Test func openAIConversationSendsToolCallsAndToolMessages() async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            _ = try await Self.playWeather(Models.openAI(server, model: "gpt-conversation-weather"))
            let (first, second) = try Self.bodies(server)
            let tools = ConversationDriver.tools.map { tool -> Value in ["type": "function", "function": tool.asValue] }
            let opening: [Value] = [
                ["role": "system", "content": "You are a helpful assistant."], ["role": "user", "content": .string(Self.question)],
            ]
            #expect(first["tools"] == .array(tools))
            #expect(first["messages"] == .array(opening))
            #expect(second["tools"] == .array(tools))
            #expect(second["messages"] == .array(opening + [
                [
                    "role": "assistant", "content": "Let me check.",
                    "tool_calls": [
                        ["id": "call_1", "type": "function", "function": ["name": "get_weather", "arguments": #"{"city":"Paris"}"#]],
                        ["id": "call_2", "type": "function", "function": ["name": "calculator", "arguments": #"{"expression":"2 + 3"}"#]],
                    ],
                ],
                ["role": "tool", "content": .string(Self.weatherError), "tool_call_id": "call_1"],
                ["role": "tool", "content": "5", "tool_call_id": "call_2"],
            ]))
        }
    }

    @Test func anthropicConversationSendsToolUseAndToolResultBlocks() async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            _ = try await Self.playWeather(Models.anthropic(server, model: "claude-conversation-weather"))
            let (first, second) = try Self.bodies(server)
            let tools = ConversationDriver.tools.map { tool -> Value in
                ["name": .string(tool.name), "description": .string(tool.description), "input_schema": tool.parameters]
            }
            let opening: [Value] = [["role": "user", "content": .string(Self.question)]]
            for body in [first, second] {
                #expect(body["system"] == "You are a helpful assistant.")
                #expect(body["tools"] == .array(tools))
                #expect(body["max_tokens"] == 1024)
            }
            #expect(first["messages"] == .array(opening))
            #expect(second["messages"] == .array(opening + [
                ["role": "assistant", "content": [
                    ["type": "text", "text": "Let me check."],
                    ["type": "tool_use", "id": "call_1", "name": "get_weather", "input": ["city": "Paris"]],
                    ["type": "tool_use", "id": "call_2", "name": "calculator", "input": ["expression": "2 + 3"]],
                ]],
                // Both results in one user turn, the handled error flagged.
                ["role": "user", "content": [
                    ["type": "tool_result", "tool_use_id": "call_1", "content": .string(Self.weatherError), "is_error": true],
                    ["type": "tool_result", "tool_use_id": "call_2", "content": "5", "is_error": false],
                ]],
            ]))
        }
    }

    @Test func ollamaConversationSendsObjectArgumentsAndToolNames() async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            _ = try await Self.playWeather(Models.ollama(server, model: "llama-conversation-weather"))
            let (first, second) = try Self.bodies(server)
            let tools = ConversationDriver.tools.map { tool -> Value in ["type": "function", "function": tool.asValue] }
            let opening: [Value] = [
                ["role": "system", "content": "You are a helpful assistant."], ["role": "user", "content": .string(Self.question)],
            ]
            #expect(first["tools"] == .array(tools))
            #expect(first["messages"] == .array(opening))
            #expect(second["messages"] == .array(opening + [
                [
                    "role": "assistant", "content": "Let me check.",
                    "tool_calls": [
                        ["id": "call_1", "function": ["name": "get_weather", "arguments": ["city": "Paris"]]],
                        ["id": "call_2", "function": ["name": "calculator", "arguments": ["expression": "2 + 3"]]],
                    ],
                ],
                ["role": "tool", "content": .string(Self.weatherError), "tool_name": "get_weather", "tool_call_id": "call_1"],
                ["role": "tool", "content": "5", "tool_name": "calculator", "tool_call_id": "call_2"],
            ]))
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func sequentialStepsSendEveryEarlierTurn(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.all(server, model: "m-conversation-steps").first { $0.0 == provider }!.1
            var agent = ConversationDriver(model: model, question: "Paris or London?")
            let weather = ["Paris": "Sunny, 24 °C", "London": "Rain, 14 °C"]
            for city in ["Paris", "London"] {
                let answer = try await agent.step()
                #expect(answer.content.isEmpty)
                #expect(answer.toolCalls.map(\.args) == [["city": .string(city)]])
                try await agent.runTools(weather: weather)
            }
            #expect(try await agent.step().content == "Paris is sunny and London is rainy.")
            let bodies = server.requests.compactMap(\.json)
            try #require(bodies.count == 3)
            // Each request holds every earlier turn: the calls (no text) and their results.
            var expected = WireExpectations.opening(provider, system: "You are a helpful assistant.", question: "Paris or London?")
            for (index, turn) in ScriptedConversation.steps.turns.enumerated() {
                #expect(bodies[index]["messages"] == .array(expected), "request \(index + 1)")
                #expect(bodies[index]["tools"] == WireExpectations.tools(provider, ConversationDriver.tools))
                guard let call = turn.toolCalls.first, let city = call.args["city"]?.stringValue else { break }
                expected.append(WireExpectations.assistant(provider, text: "", calls: [call]))
                expected += WireExpectations.toolResults(provider, [.init(callId: call.id!, toolName: call.name, content: weather[city]!)])
            }
        }
    }

    /// The weather conversation's second request, composed from `WireExpectations`
    /// (the helper an agent-level test reuses), equals what the three literal tests above check.
    @Test(arguments: ["openai", "anthropic", "ollama"])
    func wireExpectationsDescribeTheWeatherTurns(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.all(server, model: "m-conversation-weather").first { $0.0 == provider }!.1
            _ = try await Self.playWeather(model)
            let (_, second) = try Self.bodies(server)
            let expected = WireExpectations.opening(provider, system: "You are a helpful assistant.", question: Self.question)
                + [WireExpectations.assistant(provider, text: "Let me check.", calls: Self.calls)]
                + WireExpectations.toolResults(provider, [
                    .init(callId: "call_1", toolName: "get_weather", content: Self.weatherError, isError: true),
                    .init(callId: "call_2", toolName: "calculator", content: "5"),
                ])
            #expect(second["messages"] == .array(expected))
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func parallelAgentsOnOneServerGetTheirOwnTurns(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0.002)) { server in
            let model = Models.all(server, model: "m-conversation-weather").first { $0.0 == provider }!.1
            async let first = Self.playWeather(model)
            async let second = Self.playWeather(model)
            let agents = try await [first, second]
            #expect(agents.map(\.messages.count) == [6, 6])
            #expect(server.requests.count == 4)
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func aRequestPastTheLastTurnIsABadRequestNamingTheConversation(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.all(server, model: "m-conversation-weather").first { $0.0 == provider }!.1
            var agent = try await Self.playWeather(model)
            agent.messages.append(.human("And tomorrow?"))
            let error = await #expect(throws: ProviderError.self) { try await agent.step() }
            #expect(error?.errorType == "BadRequestError")
            #expect(error?.message.contains("conversation weather has 2 turns") == true)
            #expect(error?.message.contains("turn 3") == true)
        }
    }

    /// As the real APIs: OpenAI and Anthropic refuse a history whose tool call has no
    /// result (here the calculator's); Ollama takes it.
    @Test(arguments: [
        ("openai", "The following tool_call_ids did not have response messages: call_2"),
        ("anthropic", "messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: call_2."),
        ("ollama", ""),
    ])
    func aToolCallLeftWithoutResultIsRefusedAsTheAPIsDo(provider: String, message: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.all(server, model: "m-conversation-weather").first { $0.0 == provider }!.1
            var agent = ConversationDriver(model: model, question: Self.question)
            let first = try await agent.step()
            agent.messages.append(try await ConversationDriver.run(first.toolCalls[0], weather: ["Paris": "Sunny"]))
            if message.isEmpty {
                #expect(try await agent.step().content == "It is sunny in Paris, and 2 + 3 = 5.")
                return
            }
            let error = await #expect(throws: ProviderError.self) { try await agent.step() }
            #expect(error?.errorType == "BadRequestError")
            #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        }
    }

    @Test func anUnknownConversationIsABadRequestListingTheKnownOnes() async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let outcome = await runModel(Models.openAI(server, model: "gpt-conversation-nope"))
            #expect(outcome.providerError?.errorType == "BadRequestError")
            #expect(outcome.providerError?.message.contains("no conversation named nope (known: steps, weather)") == true)
        }
    }
}
