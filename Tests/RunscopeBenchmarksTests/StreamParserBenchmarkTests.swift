import RunscopeBenchmarks
import Testing

/// The parser benchmarks parse what they built: every event or line comes out, with the
/// same payload whatever the chunk size (1 byte splits every UTF-8 sequence and every
/// line ending). No timing is asserted.
@Suite("StreamParserBenchmark")
struct StreamParserBenchmarkTests {
    @Test func sseGivesEveryEventWithTheSamePayloadAtEveryChunkSize() {
        let runs = [1, 7, 4096].map { StreamParserBenchmark.sse(totalBytes: 20_000, chunkSize: $0) }
        for figures in runs {
            #expect(figures.isComplete, "\(figures.parsed) of \(figures.expected) events")
            #expect(figures.bytes >= 20_000 && figures.expected > 100)
        }
        #expect(Set(runs.map(\.payloadBytes)).count == 1, "payloads differ: \(runs.map(\.payloadBytes))")
    }

    @Test func ndjsonGivesEveryLineWithTheSameBytesAtEveryChunkSize() {
        let runs = [1, 7, 4096].map { StreamParserBenchmark.ndjson(totalBytes: 20_000, chunkSize: $0) }
        for figures in runs {
            #expect(figures.isComplete, "\(figures.parsed) of \(figures.expected) lines")
            // Every byte but the newlines is a line's: the newlines are one per line but the last.
            #expect(figures.payloadBytes == figures.bytes - (figures.expected - 1))
        }
        #expect(Set(runs.map(\.payloadBytes)).count == 1)
    }
}
