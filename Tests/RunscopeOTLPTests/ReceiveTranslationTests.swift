import Foundation
import RunscopeCore
import RunscopeOTLP
import Testing

/// What real clients sent, read back as runs: trees, types, inputs, outputs, usage, errors.
@Suite struct ReceiveTranslationTests {
    @Test func openInferenceOnALangChainChainGivesTheTreeTheHandlerRecorded() throws {
        let events = try ReceiveFixtures.events("langchain-chain")
        #expect(ReceiveFixtures.receivedTree(events) == (try ReceiveFixtures.oracleTree("langchain-chain")))
        let model = try #require(events.first { $0.run.name == "GenericFakeChatModel" && $0.event.isStart })
        #expect(model.run.runType == .chatModel)
        guard case .chatModelStart(let messages) = model.event else { Issue.record("not a chat model start"); return }
        #expect(messages.first?.contains { $0.role == .human && $0.content.contains("owls") } == true)
    }

    @Test func openInferenceOnALangGraphAgentGivesTheTreeTheHandlerRecorded() throws {
        let events = try ReceiveFixtures.events("langgraph-agent")
        #expect(ReceiveFixtures.receivedTree(events) == (try ReceiveFixtures.oracleTree("langgraph-agent")))
        // The model's tool call and the tool's run come through.
        let calls = events.compactMap { item -> [ToolCall]? in
            if case .llmEnd(let result) = item.event { return result.firstMessage?.toolCalls } else { return nil }
        }.flatMap { $0 }
        #expect(calls.map(\.name) == ["get_weather"])
        let tool = try #require(events.first { $0.run.runType == .tool && $0.event.isEnd })
        guard case .toolEnd = tool.event else { Issue.record("the tool did not end well: \(tool.event.name)"); return }
    }

    @Test func theSDKTreeHasTypesUsageAndTheError() throws {
        for name in ["sdk-protobuf", "sdk-json", "sdk-protobuf-gzip"] {
            let events = try ReceiveFixtures.events(name)
            let starts = events.filter(\.event.isStart)
            #expect(starts.map(\.run.name) == ["agent-run", "chat gpt-4o", "calculator", "lookup"], "\(name)")
            let root = try #require(starts.first)
            #expect(root.run.parentRunId == nil)
            #expect(root.run.metadata["otel.service.name"] == "fixture-app")
            #expect(starts.dropFirst().allSatisfy { $0.run.parentRunId == root.run.runId })
            #expect(starts.map(\.run.runType) == [.chain, .chatModel, .tool, .tool])
            let usage = events.compactMap { item -> UsageMetadata? in
                if case .llmEnd(let result) = item.event { return result.usage } else { return nil }
            }
            #expect(usage == [UsageMetadata(inputTokens: 12, outputTokens: 7, totalTokens: 19)], "\(name)")
            let error = try #require(events.compactMap(\.event.error).first)
            #expect(error.type == "ValueError")
            #expect(error.message == "boom")
            // Every run starts before it ends, and a child starts after its parent.
            #expect(events.last?.run.runId == root.run.runId && events.last?.event.isEnd == true)
        }
    }

    @Test func theSameSpansAsJSONAndAsProtobufAreTheSameRequest() throws {
        let protobuf = try ReceiveFixtures.decoded("sdk-protobuf")
        let json = try ReceiveFixtures.decoded("sdk-json")
        let gzip = try ReceiveFixtures.decoded("sdk-protobuf-gzip")
        #expect(json == protobuf)
        #expect(gzip == protobuf)
    }

    @Test func runsRunscopeExportedComeBackAsTheRunsTheyWere() throws {
        var request = OTLPExportRequest()
        var resourceSpans = OTLPResourceSpans()
        var scope = OTLPScopeSpans()
        scope.spans = SpanFixtures.records(keepTokens: true).map { SpanMapper.span($0) }
        resourceSpans.scopeSpans = [scope]
        request.resourceSpans = [resourceSpans]
        var assembler = TraceAssembler()
        var skipped = 0
        var events: [ReceivedEvent] = []
        for run in SpanTranslator.runs(request, skipped: &skipped) { assembler.receive(run, into: &events) }
        #expect(skipped == 0)
        #expect(assembler.waitingCount == 0)
        let original = SpanFixtures.events
        #expect(events.map(\.event.name) == original.map(\.0.name))
        #expect(events.map(\.run.name) == original.map(\.1.name))
        #expect(events.map(\.run.runType) == original.map(\.1.runType))
        // Times to the microsecond (OTLP's nanoseconds, as runs keep them).
        #expect(zip(events, original).map { abs($0.time.timeIntervalSince($1.2)) }.filter { $0 >= 1e-6 } == [])
        // The root keeps its run id; the others keep their parent links.
        #expect(events.first?.run.runId == SpanFixtures.root.runId)
        #expect(events.filter { $0.run.name != "RunnableSequence" }.allSatisfy { $0.run.parentRunId == SpanFixtures.root.runId })
        let tokens = events.compactMap { item -> String? in if case .newToken(let text, _) = item.event { text } else { nil } }
        #expect(tokens == ["Bear", " feet!"])
        let answer = events.compactMap { item -> Message? in if case .llmEnd(let result) = item.event { result.firstMessage } else { nil } }
        #expect(answer.first?.content == "Bear feet!")
        #expect(answer.first?.usage == UsageMetadata(inputTokens: 12, outputTokens: 3, cacheReadTokens: 8, reasoningTokens: 1))
        #expect(events.compactMap(\.event.error).map(\.type) == ["ZeroDivisionError"])
        if case .chainStart(let inputs) = events.first?.event { #expect(inputs == ["animal": "bears"]) } else { Issue.record("no chain start") }
    }
}
