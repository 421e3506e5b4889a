import RunscopeProviders
import Testing

/// Smoke tests: the benchmark entry points run (their internal event/line count checks
/// would trap on lost work) and report a positive throughput. No timing thresholds here.
@Suite("StreamParserBenchmark")
struct StreamParserBenchmarkTests {
    @Test(arguments: [1, 7, 4096])
    func sseBenchmarkRuns(chunkSize: Int) {
        #expect(StreamParserBenchmark.sseThroughputMBps(totalBytes: 20_000, chunkSize: chunkSize) > 0)
    }

    @Test(arguments: [1, 7, 4096])
    func ndjsonBenchmarkRuns(chunkSize: Int) {
        #expect(StreamParserBenchmark.ndjsonThroughputMBps(totalBytes: 20_000, chunkSize: chunkSize) > 0)
    }
}
