import RunscopeCore

/// Ollama `/api/chat` streaming: NDJSON lines, the last with `"done": true`.
struct OllamaWire: WireFormat {
    var name: String { "Ollama" }
    var contentType: String { "application/x-ndjson" }

    func parts(_ script: StreamScript) -> [StreamPart] {
        var parts: [StreamPart] = []
        for token in script.tokens {
            parts.append(line(message(script.model, content: token), content: true))
        }
        // As Ollama's parsers emit them: each call whole (arguments an object) on its own
        // line, with an `id` and the call's `index`.
        for (index, call) in script.calls.enumerated() {
            var object = message(script.model, content: "").objectValue!
            var inner = object["message"]!.objectValue!
            inner["tool_calls"] = [[
                "id": .string(call.id),
                "function": ["index": .int(index), "name": .string(call.name), "arguments": call.arguments],
            ]]
            object["message"] = .object(inner)
            parts.append(line(.object(object), content: true))
        }
        var last = message(script.model, content: "").objectValue!
        last["done"] = true
        last["done_reason"] = "stop"
        last["total_duration"] = 123_456_789
        last["load_duration"] = 1_000_000
        last["prompt_eval_count"] = .int(script.inputTokens)
        last["prompt_eval_duration"] = 2_000_000
        last["eval_count"] = .int(script.outputTokens)
        last["eval_duration"] = 100_000_000
        parts.append(line(.object(last), content: false))
        return parts
    }

    private func message(_ model: String, content: String) -> Value {
        [
            "model": .string(model), "created_at": "2024-01-01T00:00:00.000000Z",
            "message": ["role": "assistant", "content": .string(content)], "done": false,
        ]
    }

    private func line(_ value: Value, content: Bool) -> StreamPart {
        StreamPart(bytes: Array((value.compactJSON() + "\n").utf8), isContent: content)
    }

    func errorEvent() -> StreamPart {
        line(["error": "an error was encountered while running the model: unexpected EOF"], content: false)
    }

    func malformed() -> StreamPart {
        .raw("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"oops\"\n")
    }

    func errorBody(status: Int, model: String, key: String?) -> Value {
        if status == 404 { return ["error": .string("model \"\(model)\" not found, try pulling it first")] }
        return ["error": .string(errorMessage(status: status, model: model, key: key))]
    }

    func toolNames(_ body: Value?) -> [String] {
        body?["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } ?? []
    }
}
