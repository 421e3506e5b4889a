import RunscopeCore

/// Turns the payload of an event-log line back into a `RunEvent`.
enum EventLogDecoder {
    /// The event of a line named `name`, or `nil` for an unknown event name.
    static func event(_ name: String, _ line: Value) -> RunEvent? {
        switch name {
        case "on_chain_start": return .chainStart(inputs: value(line["inputs"]))
        case "on_chain_end": return .chainEnd(outputs: value(line["outputs"]), inputs: line["inputs"].map(value))
        case "on_chain_error": return .chainError(error(line["error"]), inputs: line["inputs"].map(value))
        case "on_chat_model_start":
            let lists = line["messages"]?.arrayValue ?? []
            return .chatModelStart(messages: lists.map { list in (list.arrayValue ?? []).compactMap { value($0).messageValue } })
        case "on_llm_start": return .llmStart(prompts: line["prompts"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        case "on_llm_new_token": return .newToken(line["token"]?.stringValue ?? "", chunk: nil)
        case "on_llm_end": return .llmEnd(result(line["response"]))
        case "on_llm_error": return .llmError(error(line["error"]), response: nil)
        case "on_tool_start": return .toolStart(input: line["input"]?.stringValue ?? "", inputs: line["inputs"].map(value))
        case "on_tool_end": return .toolEnd(output: value(line["output"]))
        case "on_tool_error": return .toolError(error(line["error"]))
        case "on_retriever_start": return .retrieverStart(query: line["query"]?.stringValue ?? "")
        case "on_retriever_end": return .retrieverEnd(documents: documents(line["documents"]))
        case "on_retriever_error": return .retrieverError(error(line["error"]))
        case "on_text": return .text(line["text"]?.stringValue ?? "")
        case "on_retry": return .retry(retry(line["retry"]))
        case "on_custom_event": return .custom(name: line["name"]?.stringValue ?? "", data: line["data"] ?? .null)
        default: return nil
        }
    }

    static func value(_ raw: Value?) -> Value {
        (raw ?? .null).deserialized()
    }

    static func error(_ raw: Value?) -> RunError {
        RunError(type: raw?["type"]?.stringValue ?? "Error", message: raw?["message"]?.stringValue ?? raw?.stringValue ?? "")
    }

    static func result(_ raw: Value?) -> LLMResult {
        let rows = raw?["generations"]?.arrayValue ?? []
        return LLMResult(generations: rows.map { row in
            (row.arrayValue ?? []).map { generation in
                Generation(text: generation["text"]?.stringValue ?? "", message: value(generation["message"]).messageValue)
            }
        }, llmOutput: raw?["llm_output"]?.objectValue)
    }

    static func documents(_ raw: Value?) -> [Document] {
        (raw?.arrayValue ?? []).compactMap { item in
            if case .document(let document) = value(item) { return document }
            return nil
        }
    }

    static func retry(_ raw: Value?) -> RetryState {
        RetryState(attemptNumber: raw?["attempt"]?.intValue ?? 0, error: error(raw?["error"]),
                   waitSeconds: raw?["wait_s"]?.doubleValue ?? 0)
    }
}
