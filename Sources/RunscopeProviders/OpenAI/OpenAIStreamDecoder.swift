import NIOCore
import RunscopeCore

/// Decodes an OpenAI Chat Completions stream (SSE `data:` lines, `data: [DONE]` at
/// the end): text deltas as they come, then one final chunk with the tool calls,
/// `finish_reason`, `model_name` and usage. Also accepts the quirks of compatible
/// servers: `choices: null` in the usage chunk, `content: null`, `[DONE]` without a
/// blank line after it, and no `[DONE]` at all once a finish reason was sent.
struct OpenAIStreamDecoder: SSEChatStreamDecoder {
    let endpoint: ProviderEndpoint
    var parser = SSEParser()
    var events: [SSEEvent] = []
    private var tools = OpenAIToolCallAccumulator()
    private var finishReason: String?
    private var modelName: String?
    private var usage: UsageMetadata?
    private(set) var sawData = false
    var isFinished = false

    /// A decoder whose errors name `endpoint`.
    init(endpoint: ProviderEndpoint) {
        self.endpoint = endpoint
    }

    var hasEndReason: Bool { finishReason != nil }
    static let terminator = (missing: "data: [DONE] or a finish_reason", unit: "data")

    mutating func handle(_ event: SSEEvent, into output: inout [Message]) throws {
        if event.data.hasPrefix("[DONE]") {
            output.append(finalChunk())
            isFinished = true
            return
        }
        sawData = true
        let json = try ChunkFactory.parse(event.data, endpoint: endpoint)
        if let error = json["error"], !error.isNull {
            let detail = ProviderErrorBody(value: json)
            let label = detail.type.map { " (\($0))" } ?? ""
            throw endpoint.error(
                .streamError, "\(endpoint.provider) reported an error in the stream\(label): \(detail.message ?? error.compactJSON())",
                providerType: detail.type)
        }
        if modelName == nil, let model = json["model"]?.stringValue { modelName = model }
        if let object = json["usage"]?.objectValue { usage = Self.usage(object) }
        guard let choices = json["choices"]?.arrayValue else { return }
        for choice in choices where (choice["index"]?.intValue ?? 0) == 0 {
            let delta = choice["delta"]
            if let text = delta?["content"]?.stringValue, !text.isEmpty { output.append(ChunkFactory.text(text)) }
            if let calls = delta?["tool_calls"]?.arrayValue { tools.add(calls) }
            if let reason = choice["finish_reason"]?.stringValue { finishReason = reason }
        }
    }

    /// The last chunk: tool calls, finish reason, model name, usage.
    func finalChunk() -> Message {
        let (calls, invalid) = tools.finish()
        var metadata: ValueObject = [:]
        if let finishReason { metadata["finish_reason"] = .string(finishReason) }
        metadata["model_name"] = .string(modelName ?? endpoint.model)
        let additional: ValueObject = invalid.isEmpty ? [:] : ["invalid_tool_calls": .array(invalid)]
        return ChunkFactory.final(toolCalls: calls, metadata: metadata, usage: usage, additional: additional)
    }

    /// OpenAI's usage object as `UsageMetadata`, with the cached prompt tokens
    /// (`prompt_tokens_details.cached_tokens`) and reasoning tokens
    /// (`completion_tokens_details.reasoning_tokens`) where the server gives them.
    static func usage(_ object: ValueObject) -> UsageMetadata {
        let input = object["prompt_tokens"]?.intValue ?? 0
        let output = object["completion_tokens"]?.intValue ?? 0
        return UsageMetadata(
            inputTokens: input, outputTokens: output, totalTokens: object["total_tokens"]?.intValue,
            cacheReadTokens: object["prompt_tokens_details"]?["cached_tokens"]?.intValue,
            reasoningTokens: object["completion_tokens_details"]?["reasoning_tokens"]?.intValue)
    }
}
