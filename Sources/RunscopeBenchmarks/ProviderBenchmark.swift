import RunscopeCore
@_spi(Benchmarks) import RunscopeProviders
import RunscopeTestServer

/// Client overhead of the provider models, measured against the loopback test server
/// answering at once (no pacing) with an OpenAI stream of N chunks. Build in release mode
/// for meaningful numbers. Each figure is the best of the runs; every path's figure includes
/// the server preparing its answer, so the overhead (the difference) does not.
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

    /// A path lost or gained text: the figures would not measure what they say.
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    /// The text tokens streamed, cycled: ASCII words and multi-byte UTF-8.
    static let words = ["Why", " did", " the", " chicken", " cross", " the", " road", "?", " 你好", " café"]

    /// Streams `chunks` text chunks `runs` times through each path and reports the best times.
    public static func clientOverhead(chunks: Int = 10_000, runs: Int = 5) async throws -> Result {
        let tokens = (0..<chunks).map { words[$0 % words.count] }
        let options = TestServerOptions(tokens: tokens, tokenDelay: 0)
        return try await TestServer.with(options: options) { server in
            try await measure(server: server, tokens: tokens, runs: max(1, runs))
        }
    }

    private static func measure(server: TestServer, tokens: [String], runs: Int) async throws -> Result {
        let configuration = ChatOpenAI.Configuration(
            model: "bench", streaming: true, openaiApiKey: "bench", openaiApiBase: server.baseURL + "/v1",
            timeout: 30, maxRetries: 0)
        let model = ChatOpenAI(configuration: configuration, environment: [:])
        let text = tokens.joined()
        let counter = TokenCounter()
        var raw = Double.infinity
        var stream = Double.infinity
        var invoke = Double.infinity
        var bodyBytes = 0
        for _ in 0..<(runs + 1) {  // the first round warms up connections and caches
            raw = min(raw, try await time { bodyBytes = try await model.readRawResponse([.human("hi")]) })
            stream = min(stream, try await time { try await chatStream(model, expected: text) })
            let before = counter.count
            invoke = min(invoke, try await time {
                _ = try await model.invoke("hi", config: RunConfig(callbacks: [counter]))
            })
            guard counter.count - before == tokens.count else {
                throw Mismatch(description: "invoke reported \(counter.count - before) tokens of \(tokens.count)")
            }
        }
        guard bodyBytes > text.utf8.count else { throw Mismatch(description: "the raw read got \(bodyBytes) bytes") }
        let perChunk = 1e6 / Double(tokens.count)
        return Result(
            chunks: tokens.count, bodyBytes: bodyBytes, rawReadMicrosPerChunk: raw * perChunk,
            chatStreamMicrosPerChunk: stream * perChunk, invokeMicrosPerChunk: invoke * perChunk)
    }

    /// Streams and checks that the text came out whole.
    private static func chatStream(_ model: ChatOpenAI, expected: String) async throws {
        var text = ""
        for try await chunk in model.chatStream([.human("hi")], options: ChatCallOptions()) {
            if let message = chunk.messageValue { text += message.content }
        }
        guard text == expected else {
            throw Mismatch(description: "chatStream gave \(text.count) characters of \(expected.count)")
        }
    }

    private static func time(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let parts = (ContinuousClock.now - start).components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// Counts token events (the cheapest real handler).
private final class TokenCounter: CallbackHandler {
    private let counted = Locked(0)
    var count: Int { counted.withLock { $0 } }
    func onLLMNewToken(_ run: RunInfo, token: String, chunk: GenerationChunk?) throws {
        counted.withLock { $0 += 1 }
    }
}
