import AsyncHTTPClient
import NIOCore
import RunscopeCore

/// Pulls one provider stream: opens the request (with retries) on the first pull,
/// reads the body as it arrives, and hands out the decoder's chunks one by one.
/// Body reads wait at most the idle timeout; task cancellation closes the connection.
struct ChatStreamDriver<Decoder: ChatStreamDecoder> {
    let transport: ProviderTransport
    let run: RunManager?
    private var decoder: Decoder
    private var body: HTTPClientResponse.Body.AsyncIterator?
    private var pending: [Message] = []
    private var pendingIndex = 0
    private var delivered = 0
    private var ended = false

    /// A driver for one request.
    init(transport: ProviderTransport, decoder: Decoder, run: RunManager?) {
        self.transport = transport
        self.decoder = decoder
        self.run = run
    }

    /// The next chunk as a `.message` value, or `nil` at the end of the answer.
    mutating func next() async throws -> Value? {
        while true {
            if pendingIndex < pending.count {
                pendingIndex += 1
                delivered += 1
                return .message(pending[pendingIndex - 1])
            }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if ended { return nil }
            if decoder.isFinished {
                await drain()
                ended = true
                continue
            }
            try await readMore()
        }
    }

    /// Reads the next body part (opening the stream first) and decodes it.
    private mutating func readMore() async throws {
        if body == nil {
            body = try await transport.open(run: run).body.makeAsyncIterator()
        }
        let buffer: ByteBuffer?
        do {
            buffer = try await body!.next()
        } catch {
            body = nil
            throw transport.classify(error, duringBody: true, chunks: delivered)
        }
        if let buffer {
            try decoder.feed(buffer.readableBytesView, into: &pending)
        } else {
            body = nil
            try decoder.finish(into: &pending)
            ended = true
        }
    }

    /// Reads what is left after the terminator (usually nothing), so the connection can be reused.
    private mutating func drain() async {
        guard var iterator = body else { return }
        body = nil
        while (try? await iterator.next()) != nil {}
    }
}

extension ChatStreamDriver {
    /// A value stream that runs a new driver per iteration.
    static func stream(_ make: @escaping @Sendable () -> ChatStreamDriver) -> ValueStream {
        ValueStream {
            var driver = make()
            return { try await driver.next() }
        }
    }
}
