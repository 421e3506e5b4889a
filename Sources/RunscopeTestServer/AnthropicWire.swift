import RunscopeCore

/// Anthropic Messages streaming: named SSE events from `message_start` to `message_stop`.
struct AnthropicWire: WireFormat {
    var name: String { "Anthropic" }
    var contentType: String { "text/event-stream; charset=utf-8" }

    func parts(_ script: StreamScript) -> [StreamPart] {
        var usage: ValueObject = ["input_tokens": .int(script.inputTokens), "output_tokens": 1]
        // As the API sends them: input_tokens are the uncached ones, cache reads and writes apart.
        if let cached = script.cachedInputTokens {
            usage["input_tokens"] = .int(max(0, script.inputTokens - cached))
            usage["cache_creation_input_tokens"] = 0
            usage["cache_read_input_tokens"] = .int(cached)
        }
        let message: Value = [
            "id": "msg_runscope", "type": "message", "role": "assistant", "content": [], "model": .string(script.model),
            "stop_reason": .null, "stop_sequence": .null, "usage": .object(usage),
        ]
        var parts: [StreamPart] = [event("message_start", ["type": "message_start", "message": message])]
        parts.append(event("ping", ["type": "ping"]))
        // As the API: a text block only when there is text, then one tool_use block per call.
        let textBlocks = script.tokens.isEmpty && !script.calls.isEmpty ? 0 : 1
        if textBlocks == 1 { parts += textParts(script.tokens) }
        for (offset, call) in script.calls.enumerated() {
            parts += toolParts(call, index: offset + textBlocks)
        }
        let reason = script.calls.isEmpty ? "end_turn" : "tool_use"
        parts.append(event("message_delta", [
            "type": "message_delta", "delta": ["stop_reason": .string(reason), "stop_sequence": .null],
            "usage": ["output_tokens": .int(script.outputTokens)],
        ]))
        parts.append(event("message_stop", ["type": "message_stop"]))
        return parts
    }

    private func textParts(_ tokens: [String]) -> [StreamPart] {
        var parts = [event("content_block_start", ["type": "content_block_start", "index": 0,
                                                   "content_block": ["type": "text", "text": ""]])]
        for token in tokens {
            let delta: Value = ["type": "text_delta", "text": .string(token)]
            parts.append(event("content_block_delta", ["type": "content_block_delta", "index": 0, "delta": delta], content: true))
        }
        parts.append(event("content_block_stop", ["type": "content_block_stop", "index": 0]))
        return parts
    }

    /// A tool_use block: its start (empty input), an empty `input_json_delta` as the API
    /// sends first, the argument pieces, its stop.
    private func toolParts(_ call: StreamScript.Call, index: Int) -> [StreamPart] {
        let block: Value = ["type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": [:]]
        var parts = [event("content_block_start", ["type": "content_block_start", "index": .int(index), "content_block": block])]
        let empty: Value = ["type": "input_json_delta", "partial_json": ""]
        parts.append(event("content_block_delta", ["type": "content_block_delta", "index": .int(index), "delta": empty]))
        for piece in call.pieces {
            let delta: Value = ["type": "input_json_delta", "partial_json": .string(piece)]
            parts.append(event("content_block_delta", ["type": "content_block_delta", "index": .int(index), "delta": delta], content: true))
        }
        parts.append(event("content_block_stop", ["type": "content_block_stop", "index": .int(index)]))
        return parts
    }

    private func event(_ name: String, _ value: Value, content: Bool = false) -> StreamPart {
        .sse(value, event: name, content: content)
    }

    func errorEvent() -> StreamPart {
        event("error", ["type": "error", "error": ["type": "overloaded_error", "message": "Overloaded"]])
    }

    func malformed() -> StreamPart {
        .raw("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\n\n")
    }

    func errorBody(status: Int, model: String, key: String?) -> Value {
        let type: String
        var message = errorMessage(status: status, model: model, key: key)
        switch status {
        case 400: type = "invalid_request_error"
        case 401: type = "authentication_error"; message = "invalid x-api-key: \(key ?? "(none)")"
        case 403: type = "permission_error"
        case 404: type = "not_found_error"; message = "model: \(model)"
        case 413: type = "request_too_large"
        case 429: type = "rate_limit_error"
        case 529: type = "overloaded_error"
        case 500...: type = "api_error"; message = "Internal server error"
        default: type = "invalid_request_error"
        }
        return ["type": "error", "error": ["type": .string(type), "message": .string(message)]]
    }

    func historyProblem(_ body: Value?) -> String? {
        ToolHistoryCheck.anthropic(body?["messages"]?.arrayValue ?? [])
    }

    func toolNames(_ body: Value?) -> [String] {
        body?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }
}
