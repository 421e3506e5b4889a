import NIOCore
import RunscopeCore

/// Turns a provider's response body, fed as it arrives, into message chunks: one per
/// text delta, then a final chunk with the tool calls, finish reason and usage.
protocol ChatStreamDecoder: Sendable {
    /// Whether the stream's terminator (`[DONE]`, `message_stop`, `done:true`) was seen.
    var isFinished: Bool { get }
    /// Decodes the next body bytes, appending the chunks they complete to `output`.
    mutating func feed(_ bytes: ByteBufferView, into output: inout [Message]) throws
    /// The body ended: appends the final chunk, or throws if the stream is truncated.
    mutating func finish(into output: inout [Message]) throws
}

/// Helpers shared by the decoders.
enum ChunkFactory {
    /// A text chunk.
    @inline(__always)
    static func text(_ text: String) -> Message {
        Message(role: .ai, content: text, isChunk: true)
    }

    /// The final chunk: tool calls, response metadata and usage, no text.
    static func final(toolCalls: [ToolCall], metadata: ValueObject, usage: UsageMetadata?, additional: ValueObject = [:])
        -> Message
    {
        Message(
            role: .ai, content: "", toolCalls: toolCalls, usage: usage, additionalKwargs: additional,
            responseMetadata: metadata, isChunk: true)
    }

    /// Parses one chunk's JSON, or throws a malformed-chunk error showing an excerpt.
    static func parse(_ text: String, endpoint: ProviderEndpoint) throws -> Value {
        do {
            return try JSONParser.parse(text)
        } catch {
            let excerpt = ProviderErrorBody.excerpt(text, limit: 80)
            throw endpoint.error(
                .malformedChunk,
                "\(endpoint.provider) sent a malformed stream chunk (invalid JSON, \(error)): \(excerpt)")
        }
    }

    /// Parses tool call arguments (a JSON object as text); `nil` if they are not one.
    static func arguments(_ text: String) -> ValueObject? {
        if text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) { return [:] }
        return (try? JSONParser.parse(text))?.objectValue
    }

    /// LangChain's `invalid_tool_calls` entry for arguments that are not a JSON object.
    static func invalidToolCall(name: String, arguments: String, id: String?) -> Value {
        .object([
            "name": .string(name), "args": .string(arguments), "id": id.map(Value.string) ?? .null,
            "error": "the arguments are not a JSON object", "type": "invalid_tool_call",
        ])
    }
}
