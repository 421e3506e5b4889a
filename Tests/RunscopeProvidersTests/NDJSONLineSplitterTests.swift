import RunscopeProviders
import Testing

/// Behaviour and chunk-boundary invariance of `NDJSONLineSplitter`.
@Suite("NDJSONLineSplitter")
struct NDJSONLineSplitterTests {
    @Test(arguments: NDJSONFixtures.all)
    func wholeFeedProducesExpectedLines(_ fixture: NDJSONFixture) throws {
        let outcome = try NDJSONSplitOutcome(chunks: [fixture.bytes[...]])
        #expect(outcome.strings == fixture.expectedLines)
    }

    @Test(arguments: NDJSONFixtures.all)
    func everyChunkingMatchesWholeFeed(_ fixture: NDJSONFixture) throws {
        let whole = try NDJSONSplitOutcome(chunks: [fixture.bytes[...]])
        var failures: [String] = []
        for chunking in StreamParserTestSupport.chunkings(of: fixture.bytes) {
            let outcome = try NDJSONSplitOutcome(chunks: chunking.chunks)
            if outcome != whole { failures.append(chunking.label) }
        }
        #expect(whole.lines.count >= 3)
        #expect(failures.isEmpty, "\(failures.count) chunkings differ: \(failures.prefix(5))")
    }

    @Test func stringVariantsDecodeUTF8() throws {
        var splitter = NDJSONLineSplitter()
        let bytes = StreamParserTestSupport.bytes("{\"c\":\"你好\"}\r\n{\"c\":\"") + [0xFF]
        #expect(try splitter.feedStrings(bytes) == ["{\"c\":\"你好\"}"])
        #expect(try splitter.feedStrings(StreamParserTestSupport.bytes("\"}")) == [])
        #expect(try splitter.finishString() == "{\"c\":\"\u{FFFD}\"}")
        #expect(try splitter.finishString() == nil)
    }

    @Test func finishReturnsNilForBlankOrMissingTail() throws {
        var splitter = NDJSONLineSplitter()
        #expect(try splitter.feed(StreamParserTestSupport.bytes("{}\n  \t")) == [StreamParserTestSupport.bytes("{}")])
        #expect(try splitter.finish() == nil)
        #expect(try splitter.feed(StreamParserTestSupport.bytes("{}\n")).count == 1)
        #expect(try splitter.finish() == nil)
    }

    @Test func loneCRInsideALineIsKept() throws {
        var splitter = NDJSONLineSplitter()
        let lines = try splitter.feed(StreamParserTestSupport.bytes("a\rb\r\n"))
        #expect(lines == [StreamParserTestSupport.bytes("a\rb")])
    }

    @Test func linesAreNotTrimmed() throws {
        var splitter = NDJSONLineSplitter()
        let lines = try splitter.feedStrings(StreamParserTestSupport.bytes("  {} \t\n"))
        #expect(lines == ["  {} \t"])
    }

    @Test func lineAtTheLimitIsAccepted() throws {
        var splitter = NDJSONLineSplitter(maxLineLength: 10)
        let exact = StreamParserTestSupport.bytes("0123456789")
        #expect(try splitter.feed(exact + [0x0D]) == [])
        #expect(try splitter.feed([0x0A] + exact) == [exact])
        #expect(try splitter.finish() == exact)
    }

    @Test func completeLineOverTheLimitThrowsButKeepsEarlierLines() {
        var splitter = NDJSONLineSplitter(maxLineLength: 10)
        var lines: [[UInt8]] = []
        do {
            try splitter.feed(StreamParserTestSupport.bytes("{\"a\":1}\n0123456789X\n{}\n"), into: &lines)
            Issue.record("expected lineTooLong")
        } catch {
            #expect(error == .lineTooLong(maxLineLength: 10))
        }
        #expect(lines == [StreamParserTestSupport.bytes("{\"a\":1}")])
    }

    @Test func growingPartialLineThrowsBeforeItsNewlineArrives() {
        var splitter = NDJSONLineSplitter(maxLineLength: 10)
        #expect(throws: Never.self) { try splitter.feed(StreamParserTestSupport.bytes("012345")) }
        do {
            _ = try splitter.feed(StreamParserTestSupport.bytes("6789X"))
            Issue.record("expected lineTooLong")
        } catch {
            #expect(error == .lineTooLong(maxLineLength: 10))
        }
    }

    @Test func failureIsStickyUntilReset() throws {
        var splitter = NDJSONLineSplitter(maxLineLength: 4)
        #expect(throws: NDJSONLineSplitterError.lineTooLong(maxLineLength: 4)) {
            try splitter.feed(StreamParserTestSupport.bytes("12345"))
        }
        #expect(throws: NDJSONLineSplitterError.lineTooLong(maxLineLength: 4)) {
            try splitter.feed(StreamParserTestSupport.bytes("{}\n"))
        }
        #expect(throws: NDJSONLineSplitterError.lineTooLong(maxLineLength: 4)) { try splitter.finish() }
        splitter.reset()
        #expect(try splitter.feed(StreamParserTestSupport.bytes("{}\n")) == [StreamParserTestSupport.bytes("{}")])
    }

    @Test func defaultLimitIsSixteenMebibytes() {
        #expect(NDJSONLineSplitter().maxLineLength == 16 * 1024 * 1024)
    }

    @Test func acceptsNonContiguousCollections() throws {
        var splitter = NDJSONLineSplitter()
        let lines = try splitter.feedStrings(StreamParserTestSupport.bytes("{\"x\":\"é\"}\n").lazy.map { $0 })
        #expect(lines == ["{\"x\":\"é\"}"])
    }
}
