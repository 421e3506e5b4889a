import Foundation
import RunscopeCore

extension SpanMapper {
    /// OpenInference's span kind for a run: LLM, CHAIN, TOOL, RETRIEVER, PROMPT, or AGENT
    /// for a chain whose name says "agent" (as openinference-instrumentation-langchain does).
    public static func openInferenceKind(_ run: RunInfo) -> String {
        switch run.runType {
        case .llm, .chatModel: return "LLM"
        case .tool: return "TOOL"
        case .retriever: return "RETRIEVER"
        case .prompt: return "PROMPT"
        case .chain, .parser: return run.name.lowercased().contains("agent") ? "AGENT" : "CHAIN"
        }
    }

    /// Every attribute of the span: what all runs have, then what their type adds.
    static func attributes(_ record: SpanRecord) -> [OTLPKeyValue] {
        var list = AttributeList()
        let run = record.run
        list.set("openinference.span.kind", openInferenceKind(run))
        list.set("input.value", text: inputs(record), mimeKey: "input.mime_type")
        list.set("output.value", text: outputs(record), mimeKey: "output.mime_type")
        list.set("tag.tags", strings: run.tags)
        if !run.metadata.isEmpty { list.set("metadata", Value.object(run.metadata).serialized().compactJSON()) }
        list.set("runscope.run_id", run.runId.lowercasedString)
        list.set("runscope.run_type", run.runType.rawValue)
        list.set("runscope.status", runStatus(record))
        switch run.runType {
        case .llm, .chatModel: modelAttributes(record, &list)
        case .tool: toolAttributes(record, &list)
        case .retriever: retrieverAttributes(record, &list)
        case .chain, .parser, .prompt: chainAttributes(record, &list)
        }
        return list.items
    }

    /// The run's input: what its start event carried (in stream mode a chain's input
    /// comes with its end). Model inputs are in the message attributes instead.
    static func inputs(_ record: SpanRecord) -> Value? {
        if case .chainEnd(_, let inputs?) = record.endEvent { return inputs }
        if case .chainError(_, let inputs?) = record.endEvent { return inputs }
        switch record.startEvent {
        case .chainStart(let inputs): return inputs
        case .toolStart(let input, let inputs): return inputs ?? .string(input)
        case .retrieverStart(let query): return .string(query)
        case .chatModelStart(let messages): return .array(messages.first.map { $0.map(messageJSON) } ?? [])
        case .llmStart(let prompts): return prompts.count == 1 ? .string(prompts[0]) : .array(prompts.map(Value.string))
        default: return nil
        }
    }

    /// The run's output: a chain's or tool's value, a model's text, a retriever's documents.
    static func outputs(_ record: SpanRecord) -> Value? {
        switch record.endEvent {
        case .chainEnd(let outputs, _): return outputs
        case .toolEnd(let output): return output.messageValue.map { .string($0.content) } ?? output
        case .retrieverEnd(let documents): return .array(documents.map(Value.document))
        case .llmEnd(let result):
            guard let first = result.generations.first?.first else { return nil }
            if let message = first.message, !message.toolCalls.isEmpty { return messageJSON(message) }
            return .string(first.text)
        default: return nil
        }
    }

    /// A message as `{"role", "content", "tool_calls"?}` in OpenAI's roles.
    static func messageJSON(_ message: Message) -> Value {
        var object: ValueObject = ["role": .string(role(message.role)), "content": .string(message.content)]
        if !message.toolCalls.isEmpty {
            object["tool_calls"] = .array(message.toolCalls.map { call in
                ["id": call.id.map(Value.string) ?? .null, "name": .string(call.name), "arguments": .object(call.args)]
            })
        }
        if let id = message.toolCallId { object["tool_call_id"] = .string(id) }
        return .object(object)
    }

    /// OpenInference's (and OpenAI's) name for a role: user, assistant, system, tool.
    static func role(_ role: Message.Role) -> String {
        switch role {
        case .human: return "user"
        case .ai: return "assistant"
        case .system: return "system"
        case .tool: return "tool"
        }
    }

    private static func toolAttributes(_ record: SpanRecord, _ list: inout AttributeList) {
        list.set("tool.name", record.run.name)
        list.set("gen_ai.operation.name", "execute_tool")
        list.set("gen_ai.tool.name", record.run.name)
        list.set("gen_ai.tool.call.id", record.run.extra["tool_call_id"]?.stringValue)
        if case .toolStart(let input, let inputs) = record.startEvent {
            list.set("gen_ai.tool.call.arguments", inputs.map { $0.serialized().compactJSON() } ?? input)
        }
    }

    private static func retrieverAttributes(_ record: SpanRecord, _ list: inout AttributeList) {
        list.set("gen_ai.operation.name", "retrieval")
        guard case .retrieverEnd(let documents) = record.endEvent else { return }
        for (index, document) in documents.enumerated() {
            let prefix = "retrieval.documents.\(index).document."
            list.set(prefix + "content", document.pageContent)
            list.set(prefix + "id", document.id)
            if !document.metadata.isEmpty { list.set(prefix + "metadata", Value.object(document.metadata).compactJSON()) }
        }
    }

    private static func chainAttributes(_ record: SpanRecord, _ list: inout AttributeList) {
        guard openInferenceKind(record.run) == "AGENT" else { return }
        list.set("gen_ai.operation.name", "invoke_agent")
        list.set("gen_ai.agent.name", record.run.name)
    }
}
