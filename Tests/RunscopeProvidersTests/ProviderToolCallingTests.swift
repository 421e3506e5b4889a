import RunscopeCore
@testable import RunscopeProviders
import RunscopeTestServer
import Testing

@Suite("Providers call tools")
struct ProviderToolCallingTests {
    static let weather = ToolSpec(
        name: "get_weather", description: "Weather of a city",
        parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
    static let expectedArgs: ValueObject = ["city": "Paris", "unit": "celsius"]

    /// A conversation with a tool call and its answer, to check each provider's input format.
    static let history: Value = .array([
        .message(.system("use tools")), .message(.human("weather?")),
        .message(.ai("", toolCalls: [ToolCall(name: "get_weather", args: ["city": "Paris"], id: "call_9")])),
        .message(.tool("18 C", toolCallId: "call_9", name: "get_weather")),
    ])

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func toolCallIsAssembledOnTheFinalChunk(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0.005)) { server in
            let model = Models.all(server, model: "tool-call").first { $0.0 == provider }!.1
            let outcome = await runModel(model, kwargs: ["tools": [Self.weather.asValue]])
            let message = try #require(outcome.message, "\(String(describing: outcome.error))")
            #expect(message.toolCalls.count == 1)
            #expect(message.toolCalls.first?.name == "get_weather")
            #expect(message.toolCalls.first?.args == Self.expectedArgs)
            #expect(message.toolCalls.first?.id != nil)
            let options = ChatCallOptions(kwargs: ["tools": [Self.weather.asValue]])
            let chunks = try await model.chatStream([.human("hi")], options: options).collect().compactMap(\.messageValue)
            #expect(chunks.filter { !$0.toolCalls.isEmpty }.count == 1)
            #expect(chunks.last?.toolCalls.count == 1)
            let reason: Value = ["openai": "tool_calls", "anthropic": "tool_use", "ollama": "stop"][provider]!
            #expect(message.responseMetadata[provider == "anthropic" ? "stop_reason" : "finish_reason"] == reason)
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func twoToolCallsStayApart(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.all(server, model: "two-tool-calls").first { $0.0 == provider }!.1
            let message = try #require(await runModel(model).message)
            #expect(message.toolCalls.map(\.name) == ["get_weather", "get_time"])
            #expect(message.toolCalls.last?.args == ["timezone": "Europe/Paris"])
        }
    }

    @Test(arguments: ["tool-call-quirks", "two-tool-calls-quirks"])
    func openAIQuirksOfCompatibleServersAreTolerated(model name: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let message = try #require(await runModel(Models.openAI(server, model: name)).message)
            #expect(message.toolCalls.first?.args == Self.expectedArgs)
            #expect(message.toolCalls.first?.id == "call_weather_1")
            #expect(message.toolCalls.count == (name.hasPrefix("two") ? 2 : 1))
            #expect(message.usage?.inputTokens == 12)
        }
    }

    @Test func openAIToolsAndHistoryUseItsFormat() async throws {
        try await TestServer.with { server in
            _ = await runModel(Models.openAI(server), input: Self.history, kwargs: ["tools": [Self.weather.asValue]])
            let body = try #require(server.requests.first?.json)
            #expect(body["tools"] == [["type": "function", "function": Self.weather.asValue]])
            let messages = try #require(body["messages"]?.arrayValue)
            #expect(messages[2]["role"] == "assistant")
            #expect(messages[2]["content"] == .null)
            #expect(messages[2]["tool_calls"] == [[
                "id": "call_9", "type": "function", "function": ["name": "get_weather", "arguments": "{\"city\":\"Paris\"}"],
            ]])
            #expect(messages[3] == ["role": "tool", "content": "18 C", "tool_call_id": "call_9"])
        }
    }

    @Test func anthropicToolsAndHistoryUseContentBlocks() async throws {
        try await TestServer.with { server in
            _ = await runModel(Models.anthropic(server), input: Self.history, kwargs: ["tools": [Self.weather.asValue]])
            let body = try #require(server.requests.first?.json)
            #expect(body["tools"] == [[
                "name": "get_weather", "description": "Weather of a city", "input_schema": Self.weather.parameters,
            ]])
            #expect(body["system"] == "use tools")
            let messages = try #require(body["messages"]?.arrayValue)
            #expect(messages.count == 3)
            #expect(messages[1] == [
                "role": "assistant",
                "content": [["type": "tool_use", "id": "call_9", "name": "get_weather", "input": ["city": "Paris"]]],
            ])
            #expect(messages[2] == [
                "role": "user", "content": [["type": "tool_result", "tool_use_id": "call_9", "content": "18 C", "is_error": false]],
            ])
        }
    }

    @Test func ollamaToolsAndHistoryUseObjectsForArguments() async throws {
        try await TestServer.with { server in
            _ = await runModel(Models.ollama(server), input: Self.history, kwargs: ["tools": [Self.weather.asValue]])
            let body = try #require(server.requests.first?.json)
            #expect(body["tools"] == [["type": "function", "function": Self.weather.asValue]])
            let messages = try #require(body["messages"]?.arrayValue)
            #expect(messages[2]["tool_calls"] == [["id": "call_9", "function": ["name": "get_weather", "arguments": ["city": "Paris"]]]])
            #expect(messages[3]["role"] == "tool")
            #expect(messages[3]["tool_name"] == "get_weather")
        }
    }

    @Test func bindToolsSendsTheToolSpecs() async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let tool = FunctionTool(spec: Self.weather) { _ in "18 C" }
            let bound = Models.openAI(server, model: "tool-call").bindTools([tool])
            let value = try await bound.invoke("weather?", config: RunConfig())
            #expect(value.messageValue?.toolCalls.first?.args == Self.expectedArgs)
            #expect(server.requests.first?.json?["tools"]?.arrayValue?.count == 1)
        }
    }

    @Test func accumulatorHandlesMissingIndexAndLateIds() {
        var accumulator = OpenAIToolCallAccumulator()
        accumulator.add([["type": "function", "function": ["name": "a", "arguments": ""]]])
        accumulator.add([["id": "call_1", "function": ["arguments": "{\"x\":"]]])
        accumulator.add([["function": ["arguments": " 1}"]]])
        accumulator.add([["index": 0, "id": "call_2", "function": ["name": "b", "arguments": "{}"]]])
        let (calls, invalid) = accumulator.finish()
        #expect(calls == [ToolCall(name: "a", args: ["x": 1], id: "call_1"), ToolCall(name: "b", args: [:], id: "call_2")])
        #expect(invalid.isEmpty)
    }

    @Test func argumentsThatAreNotJSONBecomeInvalidToolCalls() {
        var accumulator = OpenAIToolCallAccumulator()
        accumulator.add([["index": 0, "id": "call_1", "function": ["name": "a", "arguments": "{\"x\": 1"]]])
        let (calls, invalid) = accumulator.finish()
        #expect(calls.isEmpty)
        #expect(invalid.first?["args"] == "{\"x\": 1")
    }
}
