import NIOCore
import RunscopeCore

/// Decodes an Anthropic Messages stream: `message_start` (input usage), content blocks
/// (`text_delta` chunks as they come, `tool_use` input assembled from
/// `input_json_delta`), `message_delta` (stop reason; its cumulative `output_tokens`
/// replaces the count so far), `message_stop`. `ping` and unknown events are
/// ignored; `event: error` is thrown.
struct AnthropicStreamDecoder: SSEChatStreamDecoder {
    /// A tool_use block being assembled.
    struct ToolBlock {
        var id: String?
        var name: String
        var json = ""
        var initialInput: ValueObject
    }

    let endpoint: ProviderEndpoint
    var parser = SSEParser()
    var events: [SSEEvent] = []
    private var toolBlocks: [Int: ToolBlock] = [:]
    private var toolOrder: [Int] = []
    private var stopReason: String?
    private var stopSequence: Value = .null
    private var modelName: String?
    private var inputTokens = 0
    private var outputTokens = 0
    private var cacheReadTokens: Int?
    private var cacheCreationTokens: Int?
    private var sawUsage = false
    private(set) var sawData = false
    var isFinished = false

    /// A decoder whose errors name `endpoint`.
    init(endpoint: ProviderEndpoint) {
        self.endpoint = endpoint
    }

    var hasEndReason: Bool { stopReason != nil }
    static let terminator = (missing: "message_stop or a stop_reason", unit: "event")

    mutating func handle(_ event: SSEEvent, into output: inout [Message]) throws {
        if event.type == "ping" { return }
        sawData = true
        let json = try ChunkFactory.parse(event.data, endpoint: endpoint)
        let type = json["type"]?.stringValue ?? event.type
        switch type {
        case "message_start": start(json["message"])
        case "content_block_start": startBlock(json, into: &output)
        case "content_block_delta": delta(json, into: &output)
        case "message_delta":
            if let reason = json["delta"]?["stop_reason"]?.stringValue { stopReason = reason }
            if let sequence = json["delta"]?["stop_sequence"] { stopSequence = sequence }
            readUsage(json["usage"])
        case "message_stop":
            output.append(finalChunk())
            isFinished = true
        case "error":
            let detail = ProviderErrorBody(value: json)
            let label = detail.type.map { " (\($0))" } ?? ""
            throw endpoint.error(
                .streamError, "\(endpoint.provider) reported an error in the stream\(label): \(detail.message ?? event.data)",
                providerType: detail.type)
        default: break
        }
    }

    private mutating func start(_ message: Value?) {
        if let model = message?["model"]?.stringValue { modelName = model }
        readUsage(message?["usage"])
    }

    /// Reads usage; counts given replace earlier ones (they are cumulative).
    private mutating func readUsage(_ usage: Value?) {
        guard let usage = usage?.objectValue else { return }
        sawUsage = true
        if usage["input_tokens"] != nil || usage["cache_read_input_tokens"] != nil {
            inputTokens = ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"]
                .compactMap { usage[$0]?.intValue }.reduce(0, +)
        }
        if let read = usage["cache_read_input_tokens"]?.intValue { cacheReadTokens = read }
        if let created = usage["cache_creation_input_tokens"]?.intValue { cacheCreationTokens = created }
        if let output = usage["output_tokens"]?.intValue { outputTokens = output }
    }

    private mutating func startBlock(_ json: Value, into output: inout [Message]) {
        let index = json["index"]?.intValue ?? toolOrder.count
        guard let block = json["content_block"] else { return }
        switch block["type"]?.stringValue {
        case "text":
            if let text = block["text"]?.stringValue, !text.isEmpty { output.append(ChunkFactory.text(text)) }
        case "tool_use", "server_tool_use":
            toolBlocks[index] = ToolBlock(
                id: block["id"]?.stringValue, name: block["name"]?.stringValue ?? "",
                initialInput: block["input"]?.objectValue ?? [:])
            toolOrder.append(index)
        default: break
        }
    }

    private mutating func delta(_ json: Value, into output: inout [Message]) {
        guard let delta = json["delta"] else { return }
        switch delta["type"]?.stringValue {
        case "text_delta":
            if let text = delta["text"]?.stringValue, !text.isEmpty { output.append(ChunkFactory.text(text)) }
        case "input_json_delta":
            let index = json["index"]?.intValue ?? toolOrder.last ?? 0
            toolBlocks[index]?.json += delta["partial_json"]?.stringValue ?? ""
        default: break
        }
    }

    /// The last chunk: tool calls, stop reason, model name, usage.
    func finalChunk() -> Message {
        var calls: [ToolCall] = []
        var invalid: [Value] = []
        for index in toolOrder {
            guard let block = toolBlocks[index] else { continue }
            let text = block.json
            if text.isEmpty {
                calls.append(ToolCall(name: block.name, args: block.initialInput, id: block.id))
            } else if let args = ChunkFactory.arguments(text) {
                calls.append(ToolCall(name: block.name, args: args, id: block.id))
            } else {
                invalid.append(ChunkFactory.invalidToolCall(name: block.name, arguments: text, id: block.id))
            }
        }
        var metadata: ValueObject = [:]
        if let stopReason { metadata["stop_reason"] = .string(stopReason) }
        metadata["stop_sequence"] = stopSequence
        metadata["model_name"] = .string(modelName ?? endpoint.model)
        let usage = sawUsage ? UsageMetadata(
            inputTokens: inputTokens, outputTokens: outputTokens, cacheReadTokens: cacheReadTokens,
            cacheCreationTokens: cacheCreationTokens) : nil
        let additional: ValueObject = invalid.isEmpty ? [:] : ["invalid_tool_calls": .array(invalid)]
        return ChunkFactory.final(toolCalls: calls, metadata: metadata, usage: usage, additional: additional)
    }
}
