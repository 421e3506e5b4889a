import RunscopeProviders

/// Throughput measurements for ``SSEParser`` and ``NDJSONLineSplitter`` on realistic,
/// in-memory provider streams, fed in fixed-size chunks. Figures are in MB/s with
/// 1 MB = 1,000,000 bytes, timed with `ContinuousClock`. Build in release mode for
/// meaningful numbers.
public enum StreamParserBenchmark {
    /// One measured parse: what was fed, what came out, and how fast.
    public struct Figures: Sendable, Equatable {
        /// Bytes of the stream.
        public var bytes: Int
        /// Events (SSE) or lines (NDJSON) the stream holds, counted when it was built.
        public var expected: Int
        /// Events or lines the parser gave.
        public var parsed: Int
        /// Bytes of their data fields (SSE) or lines (NDJSON): the same for every chunk size.
        public var payloadBytes: Int
        /// Throughput in MB/s (1 MB = 1,000,000 bytes).
        public var megabytesPerSecond: Double

        /// Whether every event or line came out.
        public var isComplete: Bool { parsed == expected }
    }

    /// Content tokens cycled through the generated streams (ASCII and multi-byte UTF-8).
    private static let tokens = ["Why", " did", " the", " chicken", " cross", " the", " road", "?", " 你好", " 🙂", " café", "\\n"]

    /// Parses an OpenAI-style chat-completion SSE stream of about `totalBytes` bytes,
    /// fed `chunkSize` bytes at a time. The counts it returns keep the work from being
    /// optimised away, and let the caller check that nothing was lost.
    public static func sse(totalBytes: Int, chunkSize: Int) -> Figures {
        let (stream, expectedEvents) = makeOpenAIStream(totalBytes: totalBytes)
        var parser = SSEParser()
        var eventCount = 0
        var dataBytes = 0
        let elapsed = ContinuousClock().measure {
            forEachChunk(of: stream, size: chunkSize) { chunk in
                for event in parser.feed(chunk) {
                    eventCount += 1
                    dataBytes &+= event.data.utf8.count
                }
            }
            eventCount += parser.finish().count
        }
        return Figures(bytes: stream.count, expected: expectedEvents, parsed: eventCount, payloadBytes: dataBytes,
                       megabytesPerSecond: megabytesPerSecond(bytes: stream.count, elapsed: elapsed))
    }

    /// Splits an Ollama-style NDJSON chat stream of about `totalBytes` bytes, fed
    /// `chunkSize` bytes at a time (the last line has no newline: `finish()` gives it).
    public static func ndjson(totalBytes: Int, chunkSize: Int) -> Figures {
        let (stream, expectedLines) = makeOllamaStream(totalBytes: totalBytes)
        var splitter = NDJSONLineSplitter()
        var lineCount = 0
        var lineBytes = 0
        let elapsed = ContinuousClock().measure {
            forEachChunk(of: stream, size: chunkSize) { chunk in
                guard let lines = try? splitter.feed(chunk) else { return }
                for line in lines {
                    lineCount += 1
                    lineBytes &+= line.count
                }
            }
            if let last = try? splitter.finish() {
                lineCount += 1
                lineBytes &+= last.count
            }
        }
        return Figures(bytes: stream.count, expected: expectedLines, parsed: lineCount, payloadBytes: lineBytes,
                       megabytesPerSecond: megabytesPerSecond(bytes: stream.count, elapsed: elapsed))
    }

    /// Builds `data: {chat.completion.chunk}` events until `totalBytes`, then `data: [DONE]`.
    static func makeOpenAIStream(totalBytes: Int) -> (bytes: [UInt8], events: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(totalBytes + 512)
        var events = 0
        while bytes.count < totalBytes {
            let token = tokens[events % tokens.count]
            let json = "{\"id\":\"chatcmpl-\(events % 1000)\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"\(token)\"},\"finish_reason\":null}]}"
            bytes.append(contentsOf: "data: \(json)\n\n".utf8)
            events += 1
        }
        bytes.append(contentsOf: "data: [DONE]\n\n".utf8)
        return (bytes, events + 1)
    }

    /// Builds Ollama `/api/chat` lines until `totalBytes`, then a final `"done":true` line.
    static func makeOllamaStream(totalBytes: Int) -> (bytes: [UInt8], lines: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(totalBytes + 512)
        var lines = 0
        while bytes.count < totalBytes {
            let token = tokens[lines % tokens.count]
            let json = "{\"model\":\"llama3\",\"created_at\":\"2024-01-01T00:00:00Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\(token)\"},\"done\":false}"
            bytes.append(contentsOf: "\(json)\n".utf8)
            lines += 1
        }
        let last = "{\"model\":\"llama3\",\"created_at\":\"2024-01-01T00:00:01Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"total_duration\":123}"
        bytes.append(contentsOf: last.utf8)
        return (bytes, lines + 1)
    }

    /// Calls `body` with consecutive slices of `stream` of at most `size` bytes.
    private static func forEachChunk(of stream: [UInt8], size: Int, _ body: (ArraySlice<UInt8>) -> Void) {
        let step = Swift.max(1, size)
        var start = 0
        while start < stream.count {
            let end = Swift.min(start + step, stream.count)
            body(stream[start..<end])
            start = end
        }
    }

    /// Converts a byte count and a duration into MB/s (1 MB = 1,000,000 bytes).
    private static func megabytesPerSecond(bytes: Int, elapsed: Duration) -> Double {
        let parts = elapsed.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        return Double(bytes) / 1_000_000 / Swift.max(seconds, 1e-9)
    }
}
