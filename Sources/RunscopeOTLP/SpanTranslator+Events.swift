import Foundation
import RunscopeCore

extension SpanTranslator {
    /// The event that starts the run: a chain's inputs, a model's messages or prompts,
    /// a tool's input, a retriever's query.
    static func startEvent(_ type: RunType, _ attributes: SpanAttributes) -> RunEvent {
        // Parsed only where it is used: a model's input.value is a fallback for its messages.
        func input() -> Value? { ioValue(attributes, "input") }
        switch type {
        case .chatModel:
            let messages = self.messages(attributes.groups("llm.input_messages."))
                ?? genAIMessages(attributes.string("gen_ai.input.messages")) ?? input().map { [Message.human($0.text)] } ?? []
            return .chatModelStart(messages: [messages])
        case .llm:
            let prompts = attributes.groups("llm.prompts.").compactMap { $0.string("prompt.text") }
            return .llmStart(prompts: prompts.isEmpty ? input().map { [$0.text] } ?? [] : prompts)
        case .tool:
            let text = attributes.string("input.value") ?? attributes.string("gen_ai.tool.call.arguments") ?? ""
            return .toolStart(input: text, inputs: input()?.objectValue.map(Value.object))
        case .retriever:
            return .retrieverStart(query: input()?.text ?? "")
        case .chain, .prompt, .parser:
            return .chainStart(inputs: input() ?? [:])
        }
    }

    /// The event that ends the run: its outputs, or its error when the span's status is ERROR.
    static func endEvent(_ span: ReceivedSpan, _ type: RunType, _ attributes: SpanAttributes) -> RunEvent {
        if span.isError { return errorEvent(type, error(span)) }
        func output() -> Value? { ioValue(attributes, "output") }
        switch type {
        case .chatModel, .llm:
            return .llmEnd(result(attributes, output: output))
        case .tool:
            return .toolEnd(output: output() ?? attributes.value("gen_ai.tool.call.result") ?? .string(""))
        case .retriever:
            return .retrieverEnd(documents: documents(attributes.groups("retrieval.documents.")))
        case .chain, .prompt, .parser:
            return .chainEnd(outputs: output() ?? [:], inputs: nil)
        }
    }

    /// `input.value` / `output.value`: parsed when its mime type is JSON (or it looks like a JSON object), else text.
    static func ioValue(_ attributes: SpanAttributes, _ side: String) -> Value? {
        guard let text = attributes.string(side + ".value") else { return nil }
        let mime = attributes.string(side + ".mime_type")
        let looksJSON = text.first == "{" || text.first == "["
        if mime == "application/json" || (mime == nil && looksJSON), let parsed = try? JSONParser.parse(text) { return parsed }
        return .string(text)
    }

    /// The error: the `exception` event's type and message, else the status message.
    static func error(_ span: ReceivedSpan) -> RunError {
        for event in span.events.reversed() where event.name == "exception" {
            let attributes = SpanAttributes(event.attributes)
            let type = attributes.string("exception.type") ?? "Error"
            return RunError(type: type, message: attributes.string("exception.message") ?? span.statusMessage)
        }
        return RunError(type: "Error", message: span.statusMessage)
    }

    private static func errorEvent(_ type: RunType, _ error: RunError) -> RunEvent {
        switch type {
        case .chatModel, .llm: return .llmError(error, response: nil)
        case .tool: return .toolError(error)
        case .retriever: return .retrieverError(error)
        case .chain, .prompt, .parser: return .chainError(error, inputs: nil)
        }
    }

    /// A model's answer: the output messages (or output text), token usage and finish reason.
    static func result(_ attributes: SpanAttributes, output: () -> Value?) -> LLMResult {
        var message = messages(attributes.groups("llm.output_messages."))?.first
            ?? genAIMessages(attributes.string("gen_ai.output.messages"))?.first ?? .ai(output().map(outputText) ?? "")
        message.role = .ai
        message.usage = usage(attributes)
        if let reason = attributes.strings("gen_ai.response.finish_reasons")?.first ?? attributes.string("llm.finish_reason") { message.responseMetadata["finish_reason"] = .string(reason) }
        if let model = attributes.string("gen_ai.response.model") ?? attributes.string("llm.model_name") {
            message.responseMetadata["model_name"] = .string(model)
        }
        if let id = attributes.string("gen_ai.response.id") { message.id = id }
        return LLMResult(generations: [[Generation(text: message.content, message: message)]])
    }

    /// The text of a model's `output.value`: the text itself, or the first message's content in LangChain's JSON.
    private static func outputText(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        let generations = value.objectValue?["generations"]?.arrayValue?.first?.arrayValue?.first?.objectValue
        return generations?["text"]?.stringValue ?? value.compactJSON()
    }

    /// Token usage from OpenInference's or GenAI's counts; `nil` when neither is there.
    static func usage(_ attributes: SpanAttributes) -> UsageMetadata? {
        let input = attributes.int("llm.token_count.prompt") ?? attributes.int("gen_ai.usage.input_tokens")
        let output = attributes.int("llm.token_count.completion") ?? attributes.int("gen_ai.usage.output_tokens")
        guard input != nil || output != nil else { return nil }
        return UsageMetadata(
            inputTokens: input ?? 0, outputTokens: output ?? 0, totalTokens: attributes.int("llm.token_count.total"),
            cacheReadTokens: attributes.int("llm.token_count.prompt_details.cache_read") ?? attributes.int("gen_ai.usage.cache_read.input_tokens"),
            cacheCreationTokens: attributes.int("llm.token_count.prompt_details.cache_write")
                ?? attributes.int("gen_ai.usage.cache_creation.input_tokens"),
            reasoningTokens: attributes.int("llm.token_count.completion_details.reasoning"))
    }

    /// Streamed tokens that runscope exported as `new_token` span events (`--otlp-tokens`).
    static func tokens(_ span: ReceivedSpan, run: RunInfo) -> [ReceivedEvent] {
        span.events.compactMap { event in
            guard event.name == "new_token", let token = SpanAttributes(event.attributes).string("token") else { return nil }
            return ReceivedEvent(event: .newToken(token, chunk: nil), run: run, time: date(event.timeUnixNano))
        }
    }

    /// Messages in OpenInference's flattened form; `nil` when there are none.
    static func messages(_ groups: [SpanAttributes]) -> [Message]? {
        guard !groups.isEmpty else { return nil }
        return groups.map { group in
            var message = Message(
                role: role(group.string("message.role")), content: group.string("message.content") ?? contents(group),
                name: group.string("message.name"), toolCallId: group.string("message.tool_call_id"))
            message.toolCalls = group.groups("message.tool_calls.").map { call in
                let args = call.string("tool_call.function.arguments").flatMap { try? JSONParser.parse($0) }?.objectValue ?? [:]
                return ToolCall(name: call.string("tool_call.function.name") ?? "", args: args, id: call.string("tool_call.id"))
            }
            return message
        }
    }

    /// The text parts of `message.contents.N.message_content.text` (OpenInference's multi-part content).
    private static func contents(_ group: SpanAttributes) -> String {
        group.groups("message.contents.").compactMap { $0.string("message_content.text") }.joined()
    }

    /// Messages in GenAI's JSON (`[{"role", "parts": [{"type": "text", "content"}]}]`); `nil` when absent.
    static func genAIMessages(_ text: String?) -> [Message]? {
        guard let text, let array = (try? JSONParser.parse(text))?.arrayValue, !array.isEmpty else { return nil }
        return array.compactMap(\.objectValue).map { object in
            let parts = object["parts"]?.arrayValue ?? []
            let content = parts.compactMap { $0.objectValue?["content"]?.stringValue }.joined()
            return Message(role: role(object["role"]?.stringValue), content: content)
        }
    }

    /// OpenInference's and GenAI's role names as LangChain's.
    static func role(_ name: String?) -> Message.Role {
        switch name?.lowercased() {
        case "assistant", "ai", "model": return .ai
        case "system", "developer": return .system
        case "tool", "function": return .tool
        default: return .human
        }
    }

    /// A retriever's documents from `retrieval.documents.N.document.*`.
    static func documents(_ groups: [SpanAttributes]) -> [Document] {
        groups.map { group in
            Document(
                pageContent: group.string("document.content") ?? "", metadata: group.object("document.metadata") ?? [:],
                id: group.string("document.id"))
        }
    }
}
