import NIOCore
import RunscopeCore

/// A decoder of an SSE stream (OpenAI, Anthropic): feeding bytes through the SSE
/// parser and telling a complete stream from a truncated one are the same for both;
/// each supplies how it handles one event and what its final chunk holds.
protocol SSEChatStreamDecoder: ChatStreamDecoder {
    var endpoint: ProviderEndpoint { get }
    var parser: SSEParser { get set }
    /// Events parsed from the last bytes (kept to reuse its storage).
    var events: [SSEEvent] { get set }
    /// Whether any event with data came.
    var sawData: Bool { get }
    var isFinished: Bool { get set }
    /// Whether a finish (stop) reason came: then a stream that closes without its
    /// terminator still holds the whole answer.
    var hasEndReason: Bool { get }
    /// For the truncation error: what the stream lacked, and the word for what it sent.
    static var terminator: (missing: String, unit: String) { get }
    /// Handles one event, appending the chunks it completes.
    mutating func handle(_ event: SSEEvent, into output: inout [Message]) throws
    /// The closing chunk: tool calls, finish reason, usage.
    func finalChunk() -> Message
}

extension SSEChatStreamDecoder {
    mutating func feed(_ bytes: ByteBufferView, into output: inout [Message]) throws {
        var batch = events
        events = []
        defer {
            batch.removeAll(keepingCapacity: true)
            events = batch
        }
        parser.feed(bytes, into: &batch)
        for event in batch where !isFinished {
            try handle(event, into: &output)
        }
    }

    mutating func finish(into output: inout [Message]) throws {
        guard !isFinished else { return }
        // A last event without its blank line (`data: [DONE]` then close) still counts.
        try feed(ByteBuffer(staticString: "\n\n").readableBytesView, into: &output)
        guard !isFinished else { return }
        guard hasEndReason else {
            let what = sawData ? "without \(Self.terminator.missing)" : "before sending any \(Self.terminator.unit)"
            throw endpoint.error(.truncated, "\(endpoint.provider) stream ended \(what): the answer is truncated")
        }
        output.append(finalChunk())
        isFinished = true
    }
}
