import Foundation
import RunscopeCore
import RunscopeOTLP
import Testing

@Suite struct SpanMapperTests {
    @Test func idsComeFromRunIdsAndParentsLinkTheTree() throws {
        let spans = SpanFixtures.spans()
        let root = try #require(spans["RunnableSequence"])
        let model = try #require(spans["ChatOpenAI"])
        let tool = try #require(spans["calculator"])
        let rootBytes = withUnsafeBytes(of: SpanFixtures.root.runId.uuid) { Data($0) }
        for span in [root, model, tool] { #expect(span.traceID == rootBytes) }
        #expect(root.spanID == rootBytes.suffix(8))
        #expect(model.spanID == withUnsafeBytes(of: SpanFixtures.model.runId.uuid) { Data($0[8..<16]) })
        #expect(root.parentSpanID.isEmpty)
        #expect(model.parentSpanID == root.spanID)
        #expect(tool.parentSpanID == root.spanID)
        #expect(Set([root.spanID, model.spanID, tool.spanID]).count == 3)
    }

    @Test func exportingTheSameRunsTwiceGivesTheSameSpans() {
        #expect(SpanFixtures.spans() == SpanFixtures.spans())
    }

    @Test func spanIdsOfRunsMadeInTheSameMillisecondDiffer() {
        let now = Date()
        let ids = (0..<1000).map { _ in SpanIdentifiers.spanId(UUIDv7.make(now: now)) }
        #expect(Set(ids).count == 1000)
    }

    @Test func timesAreUnixNanosAndStatusIsOK() throws {
        let root = try #require(SpanFixtures.spans()["RunnableSequence"])
        #expect(root.startTimeUnixNano == 1_800_000_000 * 1_000_000_000)
        #expect(root.endTimeUnixNano == 1_800_000_000 * 1_000_000_000 + 80_000_000)
        #expect(root.status.code == .ok)
        #expect(root.kind == .internal)
        #expect(root.attributes.string("openinference.span.kind") == "CHAIN")
        #expect(root.attributes.string("input.value") == #"{"animal":"bears"}"#)
        #expect(root.attributes.string("input.mime_type") == "application/json")
        #expect(root.attributes.string("output.value") == "Bear feet!")
        #expect(root.attributes.string("output.mime_type") == "text/plain")
        #expect(root.attribute("tag.tags")?.arrayValue.values.map(\.stringValue) == ["demo"])
        #expect(root.attributes.string("metadata") == #"{"user":"ada"}"#)
    }

    @Test func aChatModelRunHasModelMessagesAndUsageInBothConventions() throws {
        let model = try #require(SpanFixtures.spans()["ChatOpenAI"])
        let strings = model.attributes
        #expect(model.kind == .client)
        #expect(strings.string("openinference.span.kind") == "LLM")
        #expect(strings.string("llm.model_name") == "gpt-4o-mini")
        #expect(strings.string("llm.provider") == "openai")
        #expect(strings.string("llm.input_messages.0.message.role") == "system")
        #expect(strings.string("llm.input_messages.0.message.content") == "Be terse.")
        #expect(strings.string("llm.input_messages.1.message.role") == "user")
        #expect(strings.string("llm.input_messages.1.message.content") == "A joke about bears")
        #expect(strings.string("llm.output_messages.0.message.role") == "assistant")
        #expect(strings.string("llm.output_messages.0.message.content") == "Bear feet!")
        #expect(model.attribute("llm.token_count.prompt")?.intValue == 12)
        #expect(model.attribute("llm.token_count.completion")?.intValue == 3)
        #expect(model.attribute("llm.token_count.total")?.intValue == 15)
        #expect(strings.string("gen_ai.operation.name") == "chat")
        #expect(strings.string("gen_ai.provider.name") == "openai")
        #expect(strings.string("gen_ai.request.model") == "gpt-4o-mini")
        #expect(strings.string("gen_ai.response.model") == "gpt-4o-mini-2024-07-18")
        #expect(strings.string("gen_ai.response.id") == "chatcmpl-1")
        #expect(model.attribute("gen_ai.response.finish_reasons")?.arrayValue.values.map(\.stringValue) == ["stop"])
        #expect(model.attribute("gen_ai.usage.input_tokens")?.intValue == 12)
        #expect(model.attribute("gen_ai.usage.output_tokens")?.intValue == 3)
        #expect(model.attribute("llm.token_count.prompt_details.cache_read")?.intValue == 8)
        #expect(model.attribute("gen_ai.usage.cache_read.input_tokens")?.intValue == 8)
        #expect(model.attribute("llm.token_count.completion_details.reasoning")?.intValue == 1)
        #expect(model.attribute("llm.token_count.prompt_details.cache_write") == nil, "only what the provider said")
        #expect(model.attribute("gen_ai.request.temperature")?.doubleValue == 0.5)
        #expect(model.attribute("gen_ai.request.max_tokens")?.intValue == 200)
        let ttft = try #require(model.attribute("runscope.time_to_first_token_ms")?.doubleValue)
        #expect(abs(ttft - 40) < 0.001)
        #expect(model.attribute("runscope.streamed_tokens")?.intValue == 2)
        #expect(model.events.isEmpty, "tokens are events only when asked")
    }

    @Test func aFailingToolRunHasErrorStatusAndAnExceptionEvent() throws {
        let tool = try #require(SpanFixtures.spans()["calculator"])
        #expect(tool.status.code == .error)
        #expect(tool.status.message == "ZeroDivisionError: division by zero")
        #expect(tool.attributes.string("openinference.span.kind") == "TOOL")
        #expect(tool.attributes.string("tool.name") == "calculator")
        #expect(tool.attributes.string("gen_ai.operation.name") == "execute_tool")
        #expect(tool.attributes.string("gen_ai.tool.name") == "calculator")
        #expect(tool.attributes.string("gen_ai.tool.call.id") == "call_42")
        #expect(tool.attributes.string("input.value") == #"{"expression":"1/0"}"#)
        #expect(tool.attributes.string("runscope.status") == "failed")
        let exception = try #require(tool.events.first { $0.name == "exception" })
        #expect(exception.attributes.string("exception.type") == "ZeroDivisionError")
        #expect(exception.attributes.string("exception.message") == "division by zero")
        #expect(exception.timeUnixNano == tool.endTimeUnixNano)
    }

    @Test func tokensBecomeSpanEventsWhenAsked() throws {
        let model = try #require(SpanFixtures.spans(keepTokens: true)["ChatOpenAI"])
        let tokens = model.events.filter { $0.name == "new_token" }
        #expect(tokens.map { $0.attributes.string("token") } == ["Bear", " feet!"])
        #expect(tokens.first?.timeUnixNano == SpanMapper.nanos(SpanFixtures.at(41)))
    }

    @Test func aRunThatNeverEndedIsSentWithItsStatusUnset() throws {
        var assembler = SpanAssembler()
        _ = assembler.add(.chainStart(inputs: "x"), run: SpanFixtures.root, time: SpanFixtures.at(0))
        let open = assembler.drainOpen()
        try #require(open.count == 1)
        let span = SpanMapper.span(open[0], now: SpanFixtures.at(500))
        #expect(span.status.code == .unset)
        #expect(span.endTimeUnixNano == SpanMapper.nanos(SpanFixtures.at(500)))
        #expect(span.attributes.string("runscope.status") == "running")
        #expect(assembler.openCount == 0)
    }

    @Test func aRunWhoseParentWasNeverSeenIsTheRootOfItsOwnTrace() throws {
        var assembler = SpanAssembler()
        _ = assembler.add(.toolStart(input: "x", inputs: nil), run: SpanFixtures.tool, time: SpanFixtures.at(0))
        let ended = assembler.add(.toolEnd(output: "y"), run: SpanFixtures.tool, time: SpanFixtures.at(5))
        let record = try #require(ended)
        let span = SpanMapper.span(record)
        #expect(span.traceID == SpanIdentifiers.traceId(SpanFixtures.tool.runId))
        #expect(span.parentSpanID.isEmpty)
        #expect(span.status.code == .ok)
        #expect(span.attributes.string("output.value") == "y")
    }

    @Test func agentChainsAreAgentSpans() {
        let agent = RunInfo(runId: UUIDv7.make(), parentRunId: nil, name: "weather_agent", runType: .chain)
        #expect(SpanMapper.openInferenceKind(agent) == "AGENT")
        #expect(SpanMapper.openInferenceKind(SpanFixtures.root) == "CHAIN")
    }
}
