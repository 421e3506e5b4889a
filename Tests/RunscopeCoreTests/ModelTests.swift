import RunscopeCore
import Testing

@Suite struct ModelTests {
    @Test func genericFakeSplitsWordsAndSingleWhitespace() async throws {
        let collector = EventCollector()
        let model = GenericFakeChatModel(responses: ["a b  c\nd"], tokenDelay: 0)
        _ = try await model.streamValues("hi", config: RunConfig(callbacks: [collector])).collect()
        #expect(collector.tokens == ["a", " ", "b", " ", "", " ", "c", "\n", "d"], "as re.split(r\"(\\s)\")")
    }

    @Test func genericFakeSplitsOnPythonsWhitespaceOnly() async throws {
        let collector = EventCollector()
        let model = GenericFakeChatModel(responses: ["a\u{1C}b\u{2003}c  d\u{200B}e"], tokenDelay: 0)
        _ = try await model.streamValues("hi", config: RunConfig(callbacks: [collector])).collect()
        // What Python 3.11 printed for re.split(r'(\s)', 'a\x1cb\u2003c  d\u200be'):
        // U+001C is whitespace to Python (not to Unicode's White_Space), U+200B to neither.
        #expect(
            collector.tokens == ["a", "\u{1C}", "b", "\u{2003}", "c", " ", "", " ", "d\u{200B}e"],
            "as re.split(r\"(\\s)\") in Python")
    }

    @Test func fakeListStreamsCharactersAndCyclesResponses() async throws {
        let model = FakeListChatModel(responses: ["ab", "cd"], tokenDelay: 0)
        let first = try await model.streamValues("x", config: RunConfig()).collect().compactMap(\.messageValue?.content)
        #expect(first == ["a", "b"])
        #expect(try await model.invoke("x").messageValue?.content == "cd")
        #expect(try await model.invoke("x").messageValue?.content == "ab")
    }

    @Test func invokeEmitsTokensOnlyWhenStreaming() async throws {
        for streaming in [false, true] {
            let collector = EventCollector()
            let model = GenericFakeChatModel(responses: ["one two"], tokenDelay: 0, streaming: streaming)
            let answer = try await model.invoke("q", config: RunConfig(callbacks: [collector]))
            #expect(answer.messageValue?.content == "one two")
            #expect(collector.tokens.count == (streaming ? 3 : 0))
        }
    }

    @Test func scriptedErrorAfterSomeTokensReportsThePartialAnswer() async throws {
        let collector = EventCollector()
        let model = GenericFakeChatModel(messages: [.ai("one two three")], tokenDelay: 0, error: "rate limited", errorAfter: 3)
        await #expect(throws: ScriptedError.self) {
            _ = try await model.streamValues("q", config: RunConfig(callbacks: [collector])).collect()
        }
        #expect(collector.tokens == ["one", " ", "two"])
        guard case .llmError(let error, let response)? = collector.all.last?.event else {
            Issue.record("no llm error event")
            return
        }
        #expect(error.type == "ScriptedModelError" && error.message == "rate limited")
        #expect(response?.generations.first?.first?.text == "one two")
    }

    @Test func scriptedToolCallsArriveOnTheAnswer() async throws {
        let call = ToolCall(name: "calculator", args: ["expression": "2+2"], id: "call_1")
        let model = GenericFakeChatModel(messages: [Message.ai("", toolCalls: [call])], tokenDelay: 0)
        #expect(try await model.invoke("q").messageValue?.toolCalls == [call])
        let streamed = try await model.streamValues("q", config: RunConfig()).reduce()
        #expect(streamed?.messageValue?.toolCalls == [call])
    }

    @Test func tokenDelayPacesTheStream() async throws {
        let tracer = Tracer()
        let model = GenericFakeChatModel(responses: ["a b c d e"], tokenDelay: 0.02)
        _ = try await model.streamValues("q", config: RunConfig(callbacks: [tracer])).collect()
        let tokens = try #require(tracer.runs.first?.tokens)
        #expect(tokens.count == 9)
        #expect(tokens.last!.time.timeIntervalSince(tokens.first!.time) >= 0.02 * 7, "tokens spread over the stream")
    }

    @Test func modelRunsCarryLangSmithMetadata() async throws {
        let collector = EventCollector()
        _ = try await GenericFakeChatModel(responses: ["x"], tokenDelay: 0).invoke("q", config: RunConfig(callbacks: [collector]))
        let start = try #require(collector.all.first)
        #expect(start.run.metadata["ls_provider"] == "genericfakechatmodel" && start.run.metadata["ls_model_type"] == "chat")
        #expect(start.run.extra["invocation_params"]?["_type"] == "generic-fake-chat-model")
    }
}

@Suite struct ToolAndRetrieverTests {
    @Test(arguments: [
        ("1 + 2 * 3", Value.int(7)), ("(1 + 2) * 3", 9), ("2 ^ 10", 1024), ("2 ** 3 ** 2", 512), ("-3 + 5", 2),
        ("7 / 2", 3.5), ("10 % 4", 2), ("sqrt(16) + abs(-2)", 6), ("1e3 / 4", 250), ("round(pi)", 3),
    ])
    func calculatorEvaluates(expression: String, expected: Value) async throws {
        #expect(try await CalculatorTool().invoke(["expression": .string(expression)]) == expected)
    }

    @Test(arguments: ["1 +", "2 / 0", "import os", "((1)", "1 $ 2", "foo(2)"])
    func calculatorRejectsBadInput(expression: String) async {
        await #expect(throws: (any Error).self) { try await CalculatorTool().invoke(["expression": .string(expression)]) }
    }

    @Test func toolRunsReportTheirInputAndAnswerToolCalls() async throws {
        let collector = EventCollector()
        let call: Value = ["name": "calculator", "args": ["expression": "6*7"], "id": "c9", "type": "tool_call"]
        let output = try await CalculatorTool().invoke(call, config: RunConfig(callbacks: [collector]))
        #expect(output.messageValue?.content == "42" && output.messageValue?.toolCallId == "c9")
        guard case .toolStart(let input, _)? = collector.all.first?.event else { Issue.record("no tool start"); return }
        #expect(input == "{'expression': '6*7'}")
    }

    @Test func bm25RanksByRelevance() async throws {
        let retriever = InMemoryRetriever(documents: [
            Document(pageContent: "Dogs bark at the mailman."),
            Document(pageContent: "Cats sleep all day; cats purr."),
            Document(pageContent: "A cat video."),
            Document(pageContent: "Cats and dogs can be friends."),
        ], k: 2)
        let docs = try await retriever.retrieve("why do cats purr")
        #expect(docs.map(\.pageContent) == ["Cats sleep all day; cats purr.", "Cats and dogs can be friends."])
        #expect(try await retriever.retrieve("quantum").isEmpty)
    }
}
