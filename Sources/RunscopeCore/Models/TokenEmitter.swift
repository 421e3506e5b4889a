/// Pulls message chunks from a model stream, reports each as a token event, and
/// keeps the running total; a failure is reported with what came before it.
/// A class, so the running total stays in place across suspension points.
// @exclusivity(unchecked): used by the one stream state that owns it, one pull at a
// time, and no two accesses to one of its properties overlap.
final class TokenEmitter {
    @exclusivity(unchecked) private var iterator: ValueStream.AsyncIterator
    let run: RunManager
    let messageId: String
    @exclusivity(unchecked) private(set) var total: Message?

    init(stream: ValueStream, run: RunManager) {
        self.iterator = stream.makeAsyncIterator()
        self.run = run
        self.messageId = "lc_run--\(run.runId.lowercasedString)"
    }

    /// A provider's closing chunk: no text, only usage, tool calls or a finish reason.
    /// It is not a token, so it gets no token event (token counts stay true).
    static func isMetadataOnly(_ chunk: Message) -> Bool {
        chunk.content.isEmpty && (chunk.usage != nil || !chunk.toolCalls.isEmpty || !chunk.responseMetadata.isEmpty)
    }

    /// The next chunk (with the run's message id), after its token event.
    func next() async throws -> Message? {
        var value: Value?
        do {
            value = try await iterator.next()
        } catch {
            reportFailure(error)
            throw error
        }
        return try accept(&value)
    }

    /// `next()` without suspending, if the model's stream has its next chunk at hand.
    func poll() throws -> Message?? {
        var value: Value?
        do {
            guard case .ready(let ready) = try iterator.nextNow() else { return .none }
            value = ready
        } catch {
            reportFailure(error)
            throw error
        }
        return .some(try accept(&value))
    }

    /// Reports a failure of the model's stream with the answer so far.
    private func reportFailure(_ error: any Error) {
        let partial = total.map { [[Generation(text: $0.content, message: $0)]] } ?? [[]]
        try? run.llmError(error, response: LLMResult(generations: partial))
    }

    /// Adds a chunk to the total and reports its token; `nil` at the stream's end.
    /// The value is emptied first, so the chunk's storage is its own and changes in place.
    private func accept(_ value: inout Value?) throws -> Message? {
        guard case .message(var chunk)? = value else { return nil }
        value = nil
        if chunk.id == nil { chunk.id = messageId }
        chunk.isChunk = true
        if total == nil { total = chunk } else { total!.append(chunk) }
        if run.hasHandlers && !Self.isMetadataOnly(chunk) {
            try run.newToken(chunk.content, chunk: GenerationChunk(text: chunk.content, message: chunk))
        }
        return chunk
    }
}
