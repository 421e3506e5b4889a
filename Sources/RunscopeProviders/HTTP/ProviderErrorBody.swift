import Foundation
import RunscopeCore

/// The message and type in a provider's error body, whichever format it uses:
/// OpenAI `{"error":{"message","type","code"}}`, Anthropic
/// `{"type":"error","error":{"type","message"}}`, Ollama `{"error":"..."}`, or
/// vLLM-style `{"message","type"}`. A body that is not JSON gives a short excerpt.
struct ProviderErrorBody: Equatable {
    /// The provider's message.
    var message: String? = nil
    /// The provider's error type or code (`rate_limit_exceeded`, `overloaded_error`, ...).
    var type: String? = nil

    /// Reads an error body.
    init(bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes: bytes) else {
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            self.init(message: text.isEmpty ? nil : Self.excerpt(text, limit: 300))
            return
        }
        self.init(value: value)
    }

    /// A body with the given message and type.
    init(message: String?, type: String? = nil) {
        self.message = message
        self.type = type
    }

    /// Reads a parsed error body or in-stream error object.
    init(value: Value) {
        let error = value["error"] ?? value
        if let text = error.stringValue {
            message = text
            return
        }
        message = error["message"]?.stringValue ?? value["message"]?.stringValue ?? value["detail"]?.stringValue
        type = error["type"]?.stringValue ?? error["code"]?.stringValue ?? value["type"]?.stringValue
        if type == "error" { type = nil }
    }

    /// `text` cut to `limit` characters, with `…` when cut.
    static func excerpt(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
