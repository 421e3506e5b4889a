import RunscopeProviders
import Testing

/// Chunk-boundary invariance: every fixture must parse identically however it is cut.
@Suite("SSEParser chunking")
struct SSEChunkingTests {
    @Test(arguments: SSEFixtures.all)
    func wholeFeedProducesExpectedEvents(_ fixture: SSEFixture) {
        let outcome = SSEParseOutcome(whole: fixture.bytes)
        #expect(outcome.events == fixture.expectedEvents)
        #expect(outcome.hadIncompleteEvent == fixture.expectedIncomplete)
    }

    @Test(arguments: SSEFixtures.all)
    func everyChunkingMatchesWholeFeed(_ fixture: SSEFixture) {
        let whole = SSEParseOutcome(whole: fixture.bytes)
        let chunkings = StreamParserTestSupport.chunkings(of: fixture.bytes)
        var failures: [String] = []
        for chunking in chunkings {
            let outcome = SSEParseOutcome(chunks: chunking.chunks)
            if outcome != whole { failures.append(chunking.label) }
        }
        #expect(chunkings.count == fixture.bytes.count + 52)
        #expect(failures.isEmpty, "\(failures.count) chunkings differ: \(failures.prefix(5))")
    }

    @Test func fixturesReallyContainTrickyBoundaries() {
        let multiByte = SSEFixtures.all.filter { $0.bytes.contains { $0 >= 0x80 } }
        let crlf = SSEFixtures.all.filter { fixture in
            zip(fixture.bytes, fixture.bytes.dropFirst()).contains { $0 == (0x0D, 0x0A) }
        }
        #expect(multiByte.count == SSEFixtures.all.count)
        #expect(crlf.count >= 5)
    }
}
