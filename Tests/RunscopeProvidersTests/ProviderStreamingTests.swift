import Foundation
import RunscopeCore
import RunscopeProviders
import RunscopeTestServer
import Testing

@Suite("Providers stream token by token")
struct ProviderStreamingTests {
    static let delay = 0.04

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func tokensArriveAsTheyAreSent(provider: String) async throws {
        // The server sends the last token 8 intervals after the first. A client that
        // buffered the stream would see all tokens at once. Arrival times are taken on
        // Swift's cooperative pool, which CPU-bound tests running in parallel can starve
        // for a moment (bunching tokens); so a spread of two intervals must show in one of
        // 5 runs (a buffering client's is about 0; a CI run saw 0.0008, 0.119 and 0.111 s).
        var spreads: [Double] = []
        for _ in 0..<5 {
            let spread = try await tokenSpread(provider: provider)
            spreads.append(spread)
            if spread >= 2 * Self.delay { break }
        }
        #expect(spreads.contains { $0 >= 2 * Self.delay }, "tokens arrived within \(spreads) s")
    }

    /// Streams one answer and returns the seconds between the first and last token's arrival.
    private func tokenSpread(provider: String) async throws -> Double {
        try await TestServer.with(options: TestServerOptions(tokenDelay: Self.delay)) { server in
            let model = Models.all(server, model: "m").first { $0.0 == provider }!.1
            let outcome = await runModel(model)
            let message = try #require(outcome.message)
            #expect(message.content == "Hello! How can I help you today?")
            let tokens = outcome.recorder.tokens.filter { !$0.text.isEmpty }
            #expect(tokens.map(\.text) == TestServerOptions.defaultTokens)
            return seconds(tokens.first!.time, tokens.last!.time)
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func usageAndFinishReasonComeOnceOnTheFinalChunk(provider: String) async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.all(server, model: "usage-model").first { $0.0 == provider }!.1
            let outcome = await runModel(model)
            let message = try #require(outcome.message)
            #expect(message.usage == UsageMetadata(inputTokens: 12, outputTokens: 9, totalTokens: 21))
            let chunks = try await model.chatStream([.human("hi")], options: ChatCallOptions()).collect().compactMap(\.messageValue)
            #expect(chunks.filter { $0.usage != nil }.count == 1)
            #expect(chunks.last?.usage != nil && chunks.last?.content == "")
            #expect(outcome.recorder.tokens.count == 9, "the closing metadata chunk is not a token")
            #expect(message.responseMetadata["model_name"] == "usage-model")
            let reasonKey = provider == "anthropic" ? "stop_reason" : "finish_reason"
            let reason: Value = provider == "anthropic" ? "end_turn" : "stop"
            #expect(message.responseMetadata[reasonKey] == reason)
            #expect(outcome.recorder.names.first == "on_chat_model_start")
            #expect(outcome.recorder.names.last == "on_llm_end")
        }
    }

    @Test(arguments: ["openai", "anthropic"])
    func cachedPromptTokensComeAsLangChainCountsThem(provider: String) async throws {
        // OpenAI: prompt_tokens 12 with prompt_tokens_details.cached_tokens 8. Anthropic:
        // input_tokens 4 plus cache_read_input_tokens 8 (LangChain's input_tokens is their sum).
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0, cachedInputTokens: 8)) { server in
            let model = Models.all(server, model: "usage-model").first { $0.0 == provider }!.1
            let usage = try #require(await runModel(model).message?.usage)
            #expect(usage.inputTokens == 12 && usage.outputTokens == 9 && usage.totalTokens == 21)
            #expect(usage.cacheReadTokens == 8)
            #expect(usage.cacheCreationTokens == (provider == "anthropic" ? 0 : nil))
            #expect(usage.reasoningTokens == (provider == "openai" ? 0 : nil))
            #expect(usage.uncachedInputTokens == 4)
            #expect(usage.asValue["input_token_details"]?["cache_read"] == 8)
        }
    }

    @Test func streamingValuesYieldsEveryChunk() async throws {
        try await TestServer.with(options: TestServerOptions(tokenDelay: 0)) { server in
            let model = Models.openAI(server)
            let chunks = try await model.streamValues("hi", config: RunConfig()).collect()
            let texts = chunks.compactMap { $0.messageValue?.content }
            #expect(texts.joined() == "Hello! How can I help you today?")
            #expect(texts.count == 10)  // 9 tokens and the final chunk
        }
    }

    @Test(arguments: ["openai", "anthropic", "ollama"])
    func generateWithoutStreamingCollectsTheSameAnswer(provider: String) async throws {
        try await TestServer.with { server in
            let model = Models.all(server, model: "m").first { $0.0 == provider }!.1
            let message = try await model.generate([.human("hi")], options: ChatCallOptions())
            #expect(message.content == "Hello! How can I help you today?")
            #expect(message.usage?.totalTokens == 21)
            #expect(!message.isChunk)
        }
    }

    @Test func openAIRequestCarriesSettingsKeyAndStreamOptions() async throws {
        try await TestServer.with { server in
            let model = Models.openAI(server, model: "gpt-x") { configuration in
                configuration.temperature = 0.5
                configuration.maxTokens = 50
                configuration.stop = ["END"]
                configuration.defaultHeaders = ["X-Trace": "abc"]
                configuration.modelKwargs = ["seed": 7]
            }
            _ = await runModel(model, input: .array([.message(.system("be brief")), .message(.human("hi"))]))
            let request = try #require(server.requests.first)
            #expect(request.path == "/v1/chat/completions")
            #expect(request.header("authorization") == "Bearer \(Models.openAIKey)")
            #expect(request.header("x-trace") == "abc")
            let body = try #require(request.json)
            #expect(body["model"] == "gpt-x")
            #expect(body["stream"] == true)
            #expect(body["stream_options"] == ["include_usage": true])
            #expect(body["temperature"] == 0.5)
            #expect(body["max_tokens"] == 50)
            #expect(body["stop"] == ["END"])
            #expect(body["seed"] == 7)
            #expect(body["messages"] == [["role": "system", "content": "be brief"], ["role": "user", "content": "hi"]])
        }
    }

    @Test func anthropicRequestHasTopLevelSystemVersionAndDefaultMaxTokens() async throws {
        try await TestServer.with { server in
            let model = Models.anthropic(server) { $0.stop = ["END"] }
            _ = await runModel(model, input: .array([.message(.system("be brief")), .message(.human("hi"))]))
            let request = try #require(server.requests.first)
            #expect(request.path == "/v1/messages")
            #expect(request.header("x-api-key") == Models.anthropicKey)
            #expect(request.header("anthropic-version") == "2023-06-01")
            #expect(request.header("authorization") == nil)
            let body = try #require(request.json)
            #expect(body["system"] == "be brief")
            #expect(body["max_tokens"] == 1024)
            #expect(body["stop_sequences"] == ["END"])
            #expect(body["messages"] == [["role": "user", "content": "hi"]])
        }
    }

    @Test func ollamaRequestPutsSamplingInOptions() async throws {
        try await TestServer.with { server in
            let model = Models.ollama(server) { configuration in
                configuration.temperature = 0.1
                configuration.numPredict = 64
                configuration.modelKwargs = ["keep_alive": "5m"]
            }
            _ = await runModel(model)
            let request = try #require(server.requests.first)
            #expect(request.path == "/api/chat")
            #expect(request.header("authorization") == nil)
            let body = try #require(request.json)
            #expect(body["options"] == ["temperature": 0.1, "num_predict": 64])
            #expect(body["keep_alive"] == "5m")
            #expect(body["stream"] == true)
        }
    }

    @Test func boundStopSequencesWinOverConfiguredOnes() async throws {
        try await TestServer.with { server in
            let model = Models.openAI(server) { $0.stop = ["configured"] }
            _ = await runModel(model, kwargs: ["stop": ["bound"]])
            #expect(server.requests.first?.json?["stop"] == ["bound"])
        }
    }
}
