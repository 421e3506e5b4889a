import Foundation
import RunscopeCore
import RunscopeOTLP

/// Runs and events to map: a chain with a chat model that reports usage, and a tool that fails.
enum SpanFixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A time `ms` milliseconds after `t0`.
    static func at(_ ms: Double) -> Date { t0.addingTimeInterval(ms / 1000) }

    static let root = RunInfo(
        runId: UUIDv7.make(), parentRunId: nil, name: "RunnableSequence", runType: .chain, tags: ["demo"],
        metadata: ["user": "ada"])

    static let model = RunInfo(
        runId: UUIDv7.make(), parentRunId: root.runId, name: "ChatOpenAI", runType: .chatModel, tags: ["seq:step:2"],
        metadata: ["ls_provider": "openai", "ls_model_name": "gpt-4o-mini"],
        extra: ["invocation_params": ["model": "gpt-4o-mini", "temperature": 0.5, "max_tokens": 200]])

    static let tool = RunInfo(
        runId: UUIDv7.make(), parentRunId: root.runId, name: "calculator", runType: .tool,
        extra: ["tool_call_id": "call_42"])

    static let answer = Message(
        role: .ai, content: "Bear feet!", id: "chatcmpl-1", usage: UsageMetadata(inputTokens: 12, outputTokens: 3, cacheReadTokens: 8, reasoningTokens: 1),
        responseMetadata: ["model_name": "gpt-4o-mini-2024-07-18", "finish_reason": "stop"])

    /// The events of the whole trace, with their times, in order.
    static var events: [(RunEvent, RunInfo, Date)] {
        [
            (.chainStart(inputs: ["animal": "bears"]), root, at(0)),
            (.chatModelStart(messages: [[.system("Be terse."), .human("A joke about bears")]]), model, at(1)),
            (.newToken("Bear", chunk: nil), model, at(41)),
            (.newToken(" feet!", chunk: nil), model, at(51)),
            (.llmEnd(LLMResult(generations: [[Generation(text: "Bear feet!", message: answer)]])), model, at(61)),
            (.toolStart(input: "1/0", inputs: ["expression": "1/0"]), tool, at(70)),
            (.toolError(RunError(type: "ZeroDivisionError", message: "division by zero")), tool, at(75)),
            (.chainEnd(outputs: "Bear feet!", inputs: nil), root, at(80)),
        ]
    }

    /// The records the assembler hands back for `events`, in the order the runs ended.
    static func records(keepTokens: Bool = false) -> [SpanRecord] {
        var assembler = SpanAssembler(keepTokens: keepTokens)
        return events.compactMap { assembler.add($0.0, run: $0.1, time: $0.2) }
    }

    /// The spans of `records()` by name.
    static func spans(keepTokens: Bool = false) -> [String: OTLPSpan] {
        Dictionary(uniqueKeysWithValues: records(keepTokens: keepTokens).map { ($0.run.name, SpanMapper.span($0)) })
    }
}

extension OTLPSpan {
    /// The attribute `key`'s value, if the span has it.
    func attribute(_ key: String) -> OTLPAnyValue? {
        attributes.first { $0.key == key }?.value
    }
}

extension Array where Element == OTLPKeyValue {
    /// The string attribute `key`.
    func string(_ key: String) -> String? {
        first { $0.key == key }?.value.stringValue
    }
}
