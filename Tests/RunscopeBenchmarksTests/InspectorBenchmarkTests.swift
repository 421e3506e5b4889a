import RunscopeBenchmarks
import Testing

/// The inspector benchmarks do the work they report, small. No timing is asserted.
@Suite struct InspectorBenchmarkTests {
    @Test func eachFigureComesFromWorkDone() {
        let render = InspectorBenchmark.renderFrame(runs: 2_000, frames: 3)
        #expect(render.runs == 2_000 && render.frames == 3)
        #expect(render.medianMilliseconds > 0 && render.medianMilliseconds <= render.maxMilliseconds)
        let throughput = InspectorBenchmark.throughput(tokens: 5_000, streams: 2, framesPerSecond: 200)
        #expect(throughput.tokens == 5_000 && throughput.frames >= 1)
        #expect(throughput.tokensPerSecond > 0 && throughput.tokensPerSecond.isFinite)
        #expect(InspectorBenchmark.residentBytes() > 0)
    }
}
