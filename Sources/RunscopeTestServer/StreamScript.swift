import RunscopeCore

/// The content of one scripted answer, before it is put in a provider's wire format.
struct StreamScript: Sendable {
    /// One tool call to stream.
    struct Call: Sendable {
        var id: String
        var name: String
        /// The arguments JSON, cut into the pieces sent one per chunk.
        var pieces: [String]
        var arguments: Value
    }

    var model: String
    var tokens: [String]
    var calls: [Call]
    var inputTokens: Int
    /// Prompt tokens read from the cache, when the usage reports a cache.
    var cachedInputTokens: Int? = nil
    var quirks: Bool
    /// Whether the client asked for usage in the stream (OpenAI `stream_options.include_usage`).
    var includeUsage: Bool

    /// How many chunks carry content (text tokens and tool-call pieces): the output token count.
    var outputTokens: Int { tokens.count + calls.reduce(0) { $0 + $1.pieces.count } }

    /// Tool calls for `answer`, named after the first tool in the request (else `get_weather`).
    static func calls(for answer: Scenario.Answer, toolNames: [String]) -> [Call] {
        let first = toolNames.first ?? "get_weather"
        let weather = Call(
            id: "call_weather_1", name: first, pieces: ["{\"city\": ", "\"Paris\", \"unit\"", ": \"celsius\"}"],
            arguments: ["city": "Paris", "unit": "celsius"])
        switch answer {
        case .text: return []
        case .toolCall: return [weather]
        case .twoToolCalls:
            let second = toolNames.count > 1 ? toolNames[1] : "get_time"
            let time = Call(
                id: "call_time_2", name: second, pieces: ["{\"timezone\":", " \"Europe/Paris\"}"],
                arguments: ["timezone": "Europe/Paris"])
            return [weather, time]
        }
    }
}

/// One piece of a streamed body: bytes, and whether it carries content (and so is
/// paced by the token delay and counted before an injected failure).
struct StreamPart: Sendable {
    var bytes: [UInt8]
    var isContent: Bool

    /// A part of SSE `data:` JSON.
    static func sse(_ value: Value, event: String? = nil, content: Bool) -> StreamPart {
        let prefix = event.map { "event: \($0)\n" } ?? ""
        return StreamPart(bytes: Array("\(prefix)data: \(value.compactJSON())\n\n".utf8), isContent: content)
    }

    /// A raw text part.
    static func raw(_ text: String, content: Bool = false) -> StreamPart {
        StreamPart(bytes: Array(text.utf8), isContent: content)
    }
}

/// A provider's wire format: how the test server writes answers and errors.
protocol WireFormat: Sendable {
    /// The provider's display name.
    var name: String { get }
    /// The streaming content type.
    var contentType: String { get }
    /// The parts of a whole streamed answer, in order.
    func parts(_ script: StreamScript) -> [StreamPart]
    /// The in-stream error part.
    func errorEvent() -> StreamPart
    /// A part that is not valid JSON.
    func malformed() -> StreamPart
    /// The JSON body of an HTTP error.
    func errorBody(status: Int, model: String, key: String?) -> Value
    /// The tool names in a request body.
    func toolNames(_ body: Value?) -> [String]
    /// Why the API would refuse the request's history (`ToolHistoryCheck`), if it would.
    func historyProblem(_ body: Value?) -> String?
}

extension WireFormat {
    func historyProblem(_ body: Value?) -> String? { nil }

    /// The message of an HTTP error, as the real APIs word it.
    func errorMessage(status: Int, model: String, key: String?) -> String {
        switch status {
        case 401: return "Incorrect API key provided: \(key ?? "(none)")."
        case 403: return "You are not allowed to use the model \(model)."
        case 404: return "The model `\(model)` does not exist or you do not have access to it."
        case 429: return "Rate limit reached for requests. Please try again later."
        case 529: return "Overloaded"
        case 500...: return "The server had an error while processing your request."
        default: return "Invalid request (HTTP \(status))."
        }
    }
}
