import RunscopeBenchmarks
import Testing

@Suite("Provider benchmark")
struct ProviderBenchmarkTests {
    /// Runs the benchmark small, to check that every path streams the whole text (each
    /// checks its own: a lost chunk throws); no timing is asserted.
    @Test func benchmarkStreamsEveryChunkThroughEachPath() async throws {
        let result = try await ProviderBenchmark.clientOverhead(chunks: 200, runs: 1)
        #expect(result.chunks == 200)
        #expect(result.bodyBytes > 200 * 100, "an OpenAI chunk is over 100 bytes of JSON")
        for figure in [result.rawReadMicrosPerChunk, result.chatStreamMicrosPerChunk, result.invokeMicrosPerChunk] {
            #expect(figure > 0 && figure.isFinite)
        }
        #expect(result.description.contains("µs/chunk"))
    }
}
