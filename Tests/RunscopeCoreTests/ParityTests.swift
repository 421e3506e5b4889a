import RunscopeCore
import RunscopeTestSupport
import Testing

/// Runs the Swift counterparts of LangChain's reference chains and compares the
/// events with what LangChain recorded: tree (run and parent), names, run types,
/// tags in order, event kinds, and tokens.
@Suite struct ParityTests {
    enum Mode { case invoke, stream }

    /// Runs `chain` with a collector; returns the collector and the output or error.
    static func run(
        _ chain: any Runnable, _ input: Value, mode: Mode, config: RunConfig = RunConfig()
    ) async -> (EventCollector, Result<Value, any Error>) {
        let collector = EventCollector()
        var config = config
        config.callbacks.append(collector)
        do {
            switch mode {
            case .invoke: return (collector, .success(try await chain.invoke(input, config: config)))
            case .stream:
                var chunks: [Value] = []
                for try await chunk in chain.stream(input, config: config) { chunks.append(chunk) }
                return (collector, .success(.array(chunks)))
            }
        } catch {
            return (collector, .failure(error))
        }
    }

    static func expectSame(_ actual: [EventShape], _ expected: [EventShape]) {
        #expect(actual.count == expected.count, "event count")
        for (index, pair) in zip(actual, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("event \(index + 1) differs:\n  runscope:  \(pair.0)\n  langchain: \(pair.1)")
            return
        }
    }

    static func check(_ file: String, _ chain: any Runnable, _ input: Value, _ mode: Mode,
                      config: RunConfig = RunConfig()) async throws -> Result<Value, any Error> {
        let (collector, result) = await run(chain, input, mode: mode, config: config)
        expectSame(collector.shapes(), try Fixtures.langchainEvents(file))
        return result
    }

    @Test func promptChatParserInvoke() async throws {
        let result = try await Self.check("prompt_chat_parser_invoke.events.jsonl", LangChainCases.promptChatParser(), ["animal": "cats"], .invoke)
        #expect(try result.get() == .string(LangChainCases.joke))
    }

    @Test func promptChatParserInvokeStreamingModel() async throws {
        _ = try await Self.check("prompt_chat_parser_invoke_streaming_model.events.jsonl",
                                 LangChainCases.promptChatParser(streaming: true), ["animal": "cats"], .invoke)
    }

    @Test func promptChatParserStream() async throws {
        let result = try await Self.check("prompt_chat_parser_stream.events.jsonl", LangChainCases.promptChatParser(), ["animal": "cats"], .stream)
        let expected = try Fixtures.jsonLines("langchain/prompt_chat_parser_stream.stream_chunks.jsonl").map { $0["chunk"]! }
        #expect(try result.get() == .array(expected))
    }

    @Test func parallelTwoBranches() async throws {
        let result = try await Self.check("parallel_two_branches.events.jsonl", LangChainCases.parallel(), ["animal": "cats"], .invoke,
                                          config: RunConfig(maxConcurrency: 1))
        #expect(try result.get() == ["joke": .string(LangChainCases.joke), "poem": "Whiskers nap."])
    }

    @Test func passthroughAssign() async throws {
        let result = try await Self.check("passthrough_assign.events.jsonl", LangChainCases.assign(), ["animal": "cats"], .invoke)
        #expect(try result.get() == .string("[cats] \(LangChainCases.joke)"))
    }

    @Test func branch() async throws {
        let result = try await Self.check("branch.events.jsonl", LangChainCases.branch(), ["topic": "animals", "q": "cats"], .invoke)
        #expect(try result.get() == "Cats sleep a lot.")
    }

    /// LangChain 1.7 makes invoke-mode fallback attempts siblings of the fallbacks
    /// run; runscope makes them its children in both modes (docs/langchain-differences.md).
    @Test func fallbacks() async throws {
        let (collector, result) = await Self.run(try LangChainCases.fallbacks(), ["animal": "cats"], mode: .invoke)
        var expected = try Fixtures.langchainEvents("fallbacks.events.jsonl")
        for index in expected.indices where ["R4", "R5"].contains(expected[index].run ?? "") {
            expected[index].parent = "R3"
            expected[index].tags = []
        }
        Self.expectSame(collector.shapes(), expected)
        #expect(try result.get() == "Backup joke: cats rule.")
    }

    @Test func chainErrorInvoke() async throws {
        let result = try await Self.check("chain_error.events.jsonl", LangChainCases.chainError(), ["animal": "cats"], .invoke)
        #expect(throws: ScriptedError.self) { try result.get() }
    }

    @Test func chainErrorStream() async throws {
        let result = try await Self.check("chain_error_stream.events.jsonl", LangChainCases.chainError(), ["animal": "cats"], .stream)
        #expect(throws: ScriptedError.self) { try result.get() }
    }

    /// The parallel map's branches run concurrently, so compare per run.
    @Test func retriever() async throws {
        let (collector, result) = await Self.run(try LangChainCases.retriever(), "What do cats like?", mode: .invoke)
        #expect(Self.perRun(collector.shapes()) == Self.perRun(try Fixtures.langchainEvents("retriever.events.jsonl")))
        #expect(try result.get() == "Cats like boxes and naps.")
    }

    @Test func toolInChain() async throws {
        let result = try await Self.check("tool_in_chain.events.jsonl", LangChainCases.toolDict(), ["animal": "cats"], .invoke)
        #expect(try result.get() == 15)
    }

    @Test func toolCallInChain() async throws {
        let result = try await Self.check("tool_call_in_chain.events.jsonl", LangChainCases.toolCall(), ["animal": "cats"], .invoke)
        let message = try #require(try result.get().messageValue)
        #expect(message.role == .tool && message.content == "15" && message.toolCallId == "call_abc123")
    }

    @Test func jsonParserStream() async throws {
        let result = try await Self.check("json_parser_stream.events.jsonl", LangChainCases.jsonStream(), ["animal": "cats"], .stream)
        let expected = try Fixtures.jsonLines("langchain/json_parser_stream.stream_chunks.jsonl").map { $0["chunk"]! }
        #expect(try result.get() == .array(expected))
    }

    /// runscope also emits `on_retry` on the retry run, which LangChain forgets to.
    @Test func withRetry() async throws {
        let (collector, result) = await Self.run(try LangChainCases.retry(), ["animal": "cats"], mode: .invoke)
        Self.expectSame(collector.shapes(excluding: ["on_retry"]), try Fixtures.langchainEvents("with_retry.events.jsonl"))
        let retries = collector.all.filter { $0.event.name == "on_retry" }
        #expect(retries.count == 2)
        #expect(retries.allSatisfy { $0.run.name == "flaky_step" && $0.run.tags == ["seq:step:4"] })
        #expect(try result.get() == .string(LangChainCases.joke.uppercased()))
    }

    @Test func customEvent() async throws {
        _ = try await Self.check("custom_event.events.jsonl", LangChainCases.customEvent(), ["animal": "cats"], .invoke)
    }

    @Test(arguments: [("invoke", Mode.invoke), ("stream", Mode.stream)])
    func constructorVersusRuntimeHandler(variant: String, mode: Mode) async throws {
        let constructor = EventCollector()
        let (runtime, _) = await Self.run(try LangChainCases.seed(callbacks: [constructor]), ["animal": "cats"], mode: mode)
        Self.expectSame(runtime.shapes(), try Fixtures.langchainEvents("seed_ctor_vs_runtime_\(variant).events.jsonl"))
        Self.expectSame(constructor.shapes(), try Fixtures.langchainEvents("seed_ctor_vs_runtime_\(variant).ctor_events.jsonl"))
    }

    @Test func constructorHandlerOnly() async throws {
        let constructor = EventCollector()
        _ = try await LangChainCases.seed(callbacks: [constructor]).invoke(["animal": "cats"])
        Self.expectSame(constructor.shapes(), try Fixtures.langchainEvents("seed_ctor_only_invoke.ctor_events.jsonl"))
        #expect(constructor.all.first?.run.parentRunId != nil, "the model run still names the sequence as parent")
    }

    @Test func withConfigCallbacks() async throws {
        let handler = EventCollector()
        _ = try await LangChainCases.seed().withConfig(RunConfig(callbacks: [handler])).invoke(["animal": "cats"])
        Self.expectSame(handler.shapes(), try Fixtures.langchainEvents("seed_with_config_callbacks_invoke.events.jsonl"))
    }

    @Test func fallbacksStream() async throws {
        let result = try await Self.check("fallbacks_stream.events.jsonl", LangChainCases.fallbacks(), ["animal": "cats"], .stream)
        #expect(try result.get().arrayValue?.map(\.text).joined() == "Backup joke: cats rule.")
    }

    @Test func nestedSequences() async throws {
        let result = try await Self.check("nested_sequences.events.jsonl", LangChainCases.nested(), ["animal": "cats"], .invoke)
        #expect(try result.get() == .string(LangChainCases.joke + " (nested)"))
    }

    @Test func flattenedSequences() async throws {
        _ = try await Self.check("flattened_sequences.events.jsonl", LangChainCases.flattened(), ["animal": "cats"], .invoke)
    }

    @Test func tagsAndMetadata() async throws {
        let config = RunConfig(tags: ["runtime-tag"], metadata: ["runtime_meta": true])
        let (collector, _) = await Self.run(try LangChainCases.tagsMetadata(), ["animal": "cats"], mode: .invoke, config: config)
        Self.expectSame(collector.shapes(), try Fixtures.langchainEvents("tags_metadata.events.jsonl"))
        let model = try #require(collector.all.first { $0.run.runType == .chatModel })
        #expect(model.run.metadata["runtime_meta"] == true && model.run.metadata["model_ctor_meta"] == 1)
        let prompt = try #require(collector.all.first { $0.run.runType == .prompt })
        #expect(prompt.run.metadata["prompt_meta"] == "p" && prompt.run.metadata["model_ctor_meta"] == nil)
    }

    /// The two branches interleave by scheduling, so compare each run's own events
    /// and the tree, not the global order.
    @Test func parallelTwoBranchesStream() async throws {
        let (collector, result) = await Self.run(try LangChainCases.parallel(), ["animal": "cats"], mode: .stream,
                                                 config: RunConfig(maxConcurrency: 1))
        let expected = try Fixtures.langchainEvents("parallel_two_branches_stream.events.jsonl")
        #expect(Self.perRun(collector.shapes()) == Self.perRun(expected))
        let merged = try result.get().arrayValue?.reduce(into: [String: String]()) { total, chunk in
            for (key, value) in chunk.objectValue ?? [:] { total[key, default: ""] += value.text }
        }
        #expect(merged == ["joke": LangChainCases.joke, "poem": "Whiskers nap."])
    }

    static func perRun(_ shapes: [EventShape]) -> [String: [String]] { Fixtures.perRun(shapes) }
}
