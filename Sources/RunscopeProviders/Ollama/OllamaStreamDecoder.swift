import Foundation
import NIOCore
import RunscopeCore

/// Decodes an Ollama `/api/chat` stream (NDJSON, one object a line): text chunks as
/// they come, whole tool calls collected, and on the `"done": true` line one final
/// chunk with `finish_reason`/`done_reason`, `model_name` and usage
/// (`prompt_eval_count`, `eval_count`). `{"error": "..."}` lines are thrown.
struct OllamaStreamDecoder: ChatStreamDecoder {
    let endpoint: ProviderEndpoint
    private var splitter = NDJSONLineSplitter()
    private var lines: [[UInt8]] = []
    private var toolCalls: [ToolCall] = []
    private var sawData = false
    private(set) var isFinished = false

    /// A decoder whose errors name `endpoint`.
    init(endpoint: ProviderEndpoint) {
        self.endpoint = endpoint
    }

    mutating func feed(_ bytes: ByteBufferView, into output: inout [Message]) throws {
        defer { lines.removeAll(keepingCapacity: true) }
        do {
            try splitter.feed(bytes, into: &lines)
        } catch {
            throw endpoint.error(.malformedChunk, "\(endpoint.provider) sent a stream line longer than \(splitter.maxLineLength) bytes")
        }
        for line in lines where !isFinished {
            try handle(String(decoding: line, as: UTF8.self), into: &output)
        }
    }

    mutating func finish(into output: inout [Message]) throws {
        guard !isFinished else { return }
        if let last = try? splitter.finish() { try handle(String(decoding: last, as: UTF8.self), into: &output) }
        guard isFinished else {
            let what = sawData ? "without a \"done\": true line" : "before sending any data"
            throw endpoint.error(.truncated, "\(endpoint.provider) stream ended \(what): the answer is truncated")
        }
    }

    private mutating func handle(_ line: String, into output: inout [Message]) throws {
        sawData = true
        let json = try ChunkFactory.parse(line, endpoint: endpoint)
        if let error = json["error"], !error.isNull {
            let message = error.stringValue ?? ProviderErrorBody(value: json).message ?? error.compactJSON()
            throw endpoint.error(.streamError, "\(endpoint.provider) reported an error in the stream: \(message)")
        }
        if let message = json["message"] {
            if let text = message["content"]?.stringValue, !text.isEmpty { output.append(ChunkFactory.text(text)) }
            for call in message["tool_calls"]?.arrayValue ?? [] { toolCalls.append(Self.toolCall(call)) }
        }
        if json["done"]?.boolValue == true {
            output.append(finalChunk(json))
            isFinished = true
        }
    }

    /// One whole tool call; Ollama sends `arguments` as an object (a string is parsed).
    static func toolCall(_ call: Value) -> ToolCall {
        let function = call["function"]
        let arguments = function?["arguments"]
        let args = arguments?.objectValue ?? arguments?.stringValue.flatMap(ChunkFactory.arguments) ?? [:]
        let id = call["id"]?.stringValue ?? UUID().lowercasedString
        return ToolCall(name: function?["name"]?.stringValue ?? "", args: args, id: id)
    }

    /// The last chunk, from the `done` line.
    private func finalChunk(_ json: Value) -> Message {
        var metadata: ValueObject = [:]
        let reason = json["done_reason"]?.stringValue ?? "stop"
        metadata["finish_reason"] = .string(reason)
        metadata["done_reason"] = .string(reason)
        metadata["model_name"] = .string(json["model"]?.stringValue ?? endpoint.model)
        for key in ["total_duration", "load_duration", "prompt_eval_duration", "eval_duration"] {
            if let value = json[key] { metadata[key] = value }
        }
        var usage: UsageMetadata?
        if json["prompt_eval_count"] != nil || json["eval_count"] != nil {
            usage = UsageMetadata(
                inputTokens: json["prompt_eval_count"]?.intValue ?? 0, outputTokens: json["eval_count"]?.intValue ?? 0)
        }
        return ChunkFactory.final(toolCalls: toolCalls, metadata: metadata, usage: usage)
    }
}
