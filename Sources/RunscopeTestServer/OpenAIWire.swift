import RunscopeCore

/// OpenAI Chat Completions streaming: SSE `data:` chunks, usage chunk, `data: [DONE]`.
struct OpenAIWire: WireFormat {
    var name: String { "OpenAI" }
    var contentType: String { "text/event-stream; charset=utf-8" }

    func chunk(_ model: String, _ choices: Value, usage: Value? = nil) -> Value {
        var object: ValueObject = [
            "id": "chatcmpl-runscope", "object": "chat.completion.chunk", "created": 1_700_000_000,
            "model": .string(model), "system_fingerprint": "fp_runscope", "choices": choices,
        ]
        if let usage { object["usage"] = usage }
        return .object(object)
    }

    func choice(_ delta: Value, finish: String? = nil) -> Value {
        [["index": 0, "delta": delta, "logprobs": .null, "finish_reason": finish.map(Value.string) ?? .null]]
    }

    func parts(_ script: StreamScript) -> [StreamPart] {
        let model = script.model
        let first: Value = ["role": "assistant", "content": script.quirks ? .null : "", "refusal": .null]
        var parts = [StreamPart.sse(chunk(model, choice(first)), content: false)]
        for token in script.tokens {
            parts.append(.sse(chunk(model, choice(["content": .string(token)])), content: true))
        }
        for (index, call) in script.calls.enumerated() {
            parts += toolParts(call, index: index, model: model, quirks: script.quirks)
        }
        let reason = script.calls.isEmpty ? "stop" : "tool_calls"
        parts.append(.sse(chunk(model, choice([:], finish: reason)), content: false))
        if script.includeUsage {
            var usage: ValueObject = [
                "prompt_tokens": .int(script.inputTokens), "completion_tokens": .int(script.outputTokens),
                "total_tokens": .int(script.inputTokens + script.outputTokens),
            ]
            // As the API sends them: the cached tokens are part of prompt_tokens.
            if let cached = script.cachedInputTokens {
                usage["prompt_tokens_details"] = ["cached_tokens": .int(cached), "audio_tokens": 0]
                usage["completion_tokens_details"] = [
                    "reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
                ]
            }
            parts.append(.sse(chunk(model, script.quirks ? .null : [], usage: .object(usage)), content: false))
        }
        parts.append(.raw(script.quirks ? "data: [DONE]\n" : "data: [DONE]\n\n"))
        return parts
    }

    /// The deltas of one tool call: a head with id and name, then argument pieces.
    private func toolParts(_ call: StreamScript.Call, index: Int, model: String, quirks: Bool) -> [StreamPart] {
        var parts: [StreamPart] = []
        for (position, piece) in ([""] + call.pieces).enumerated() {
            var delta: ValueObject = quirks ? [:] : ["index": .int(index)]
            let carriesId = quirks ? position == 1 : position == 0
            if carriesId { delta["id"] = .string(call.id) }
            if position == 0 {
                delta["type"] = "function"
                delta["function"] = ["name": .string(call.name), "arguments": ""]
            } else {
                delta["function"] = ["arguments": .string(piece)]
            }
            let value = chunk(model, choice(["tool_calls": [.object(delta)]]))
            parts.append(.sse(value, content: position > 0))
        }
        return parts
    }

    func errorEvent() -> StreamPart {
        .sse(
            ["error": ["message": "The server had an error while processing your request.", "type": "server_error",
                       "param": .null, "code": .null]], content: false)
    }

    func malformed() -> StreamPart {
        .raw("data: {\"id\":\"chatcmpl-runscope\",\"choices\":[{\"delta\":{\"content\":\"oops\"\n\n")
    }

    func errorBody(status: Int, model: String, key: String?) -> Value {
        let (type, code): (String, Value) =
            switch status {
            case 401: ("invalid_request_error", "invalid_api_key")
            case 403: ("invalid_request_error", "permission_denied")
            case 404: ("invalid_request_error", "model_not_found")
            case 429: ("requests", "rate_limit_exceeded")
            case 500...: ("server_error", .null)
            default: ("invalid_request_error", .null)
            }
        return [
            "error": ["message": .string(errorMessage(status: status, model: model, key: key)), "type": .string(type),
                      "param": .null, "code": code]
        ]
    }

    func historyProblem(_ body: Value?) -> String? {
        ToolHistoryCheck.openAI(body?["messages"]?.arrayValue ?? [])
    }

    func toolNames(_ body: Value?) -> [String] {
        body?["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } ?? []
    }
}
