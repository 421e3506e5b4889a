import AsyncHTTPClient
import RunscopeCore

/// Client overhead of the provider models, measured against a loopback server that
/// answers at once with a prepared OpenAI stream of N chunks (no server-side pacing).
/// Build in release mode for meaningful numbers. Each figure is the best of the runs.
public enum ProviderBenchmark {
    /// What one measurement found. Times are per streamed text chunk, in microseconds.
    public struct Result: Sendable, CustomStringConvertible {
        /// Text chunks in the stream.
        public var chunks: Int
        /// Bytes of the response body.
        public var bodyBytes: Int
        /// Reading the body bytes with AsyncHTTPClient and nothing else (the baseline).
        public var rawReadMicrosPerChunk: Double
        /// `ChatOpenAI.chatStream`: request, SSE parsing, JSON decoding, one message chunk per delta.
        public var chatStreamMicrosPerChunk: Double
        /// `ChatOpenAI.invoke` with streaming on and a handler counting `on_llm_new_token`:
        /// the above plus the run and its callbacks.
        public var invokeMicrosPerChunk: Double

        /// The client's cost per chunk beyond reading the bytes (`chatStream` minus raw read).
        public var overheadMicrosPerChunk: Double { chatStreamMicrosPerChunk - rawReadMicrosPerChunk }

        public var description: String {
            func format(_ value: Double) -> String { String(Double((value * 100).rounded()) / 100) }
            return "\(chunks) chunks, \(bodyBytes) bytes: raw read \(format(rawReadMicrosPerChunk)) µs/chunk, "
                + "ChatOpenAI.chatStream \(format(chatStreamMicrosPerChunk)) µs/chunk "
                + "(overhead \(format(overheadMicrosPerChunk)) µs/chunk), "
                + "invoke with token callbacks \(format(invokeMicrosPerChunk)) µs/chunk"
        }
    }

    /// Streams `chunks` text chunks `runs` times through each path and reports the best times.
    public static func clientOverhead(chunks: Int = 10_000, runs: Int = 5) async throws -> Result {
        let body = openAIStream(chunks: chunks)
        let server = try await BenchmarkServer.start(body: body, contentType: "text/event-stream")
        do {
            let result = try await measure(port: server.port, chunks: chunks, bodyBytes: body.count, runs: max(1, runs))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func measure(port: Int, chunks: Int, bodyBytes: Int, runs: Int) async throws -> Result {
        let configuration = ChatOpenAI.Configuration(
            model: "bench", streaming: true, openaiApiKey: "bench", openaiApiBase: "http://127.0.0.1:\(port)/v1",
            timeout: 30, maxRetries: 0)
        let model = ChatOpenAI(configuration: configuration, environment: [:])
        let counter = TokenCounter()
        var raw = Double.infinity
        var stream = Double.infinity
        var invoke = Double.infinity
        for _ in 0..<(runs + 1) {  // the first round warms up connections and caches
            raw = min(raw, try await time { try await rawRead(model) })
            stream = min(stream, try await time { try await chatStream(model, expected: chunks) })
            invoke = min(invoke, try await time {
                _ = try await model.invoke("hi", config: RunConfig(callbacks: [counter]))
            })
        }
        let perChunk = 1e6 / Double(chunks)
        return Result(
            chunks: chunks, bodyBytes: bodyBytes, rawReadMicrosPerChunk: raw * perChunk,
            chatStreamMicrosPerChunk: stream * perChunk, invokeMicrosPerChunk: invoke * perChunk)
    }

    /// Reads the whole body with the same HTTP client and request, decoding nothing.
    private static func rawRead(_ model: ChatOpenAI) async throws {
        let transport = ProviderTransport(endpoint: model.endpoint, body: ProviderSupport.bytes(
            model.requestBody([.human("hi")], options: ChatCallOptions())))
        let response = try await transport.open(run: nil)
        var bytes = 0
        for try await buffer in response.body { bytes &+= buffer.readableBytes }
        precondition(bytes > 0, "the benchmark server sent nothing")
    }

    private static func chatStream(_ model: ChatOpenAI, expected: Int) async throws {
        var count = 0
        for try await _ in model.chatStream([.human("hi")], options: ChatCallOptions()) { count += 1 }
        precondition(count == expected + 1, "the benchmark lost chunks")
    }

    private static func time(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let parts = (ContinuousClock.now - start).components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// An OpenAI Chat Completions stream with `chunks` content deltas, finish, usage and `[DONE]`.
    static func openAIStream(chunks: Int) -> [UInt8] {
        let tokens = ["Why", " did", " the", " chicken", " cross", " the", " road", "?", " 你好", " café"]
        let head = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chunks * 180)
        for index in 0..<chunks {
            bytes += Array((head + tokens[index % tokens.count] + "\"},\"finish_reason\":null}]}\n\n").utf8)
        }
        bytes += Array(("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n").utf8)
        bytes += Array(("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":\(chunks),"
            + "\"total_tokens\":\(chunks + 1)}}\n\ndata: [DONE]\n\n").utf8)
        return bytes
    }
}

/// Counts token events (the cheapest real handler).
private final class TokenCounter: CallbackHandler {
    private let count = Locked(0)
    func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        count.withLock { $0 += 1 }
    }
}
