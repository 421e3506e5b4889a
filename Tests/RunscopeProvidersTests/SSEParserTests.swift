import RunscopeProviders
import Testing

/// Field-level behaviour of `SSEParser`, mostly the examples and rules of WHATWG HTML
/// "Parsing an event stream" (§9.2.6), each parsed whole.
@Suite("SSEParser semantics")
struct SSEParserTests {
    private func parse(_ text: String) -> SSEParseOutcome {
        SSEParseOutcome(whole: StreamParserTestSupport.bytes(text))
    }

    private func parse(bytes: [UInt8]) -> SSEParseOutcome {
        SSEParseOutcome(whole: bytes)
    }

    @Test func multiLineDataIsJoinedWithNewlines() {
        let outcome = parse("data: YHOO\ndata: +2\ndata: 10\n\n")
        #expect(outcome.events == [SSEEvent(data: "YHOO\n+2\n10")])
        #expect(!outcome.hadIncompleteEvent)
    }

    @Test func specExampleWithCommentAndIDs() {
        let outcome = parse(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n")
        #expect(outcome.events == [
            SSEEvent(data: "first event", lastEventID: "1"),
            SSEEvent(data: "second event", lastEventID: ""),
            SSEEvent(data: " third event", lastEventID: ""),
        ])
    }

    @Test func dataWithoutColonAndTrailingUnfinishedBlock() {
        let outcome = parse("data\n\ndata\ndata\n\ndata:")
        #expect(outcome.events == [SSEEvent(data: ""), SSEEvent(data: "\n")])
        #expect(outcome.hadIncompleteEvent)
    }

    @Test func onlyOneLeadingSpaceIsRemoved() {
        let outcome = parse("data:test\n\ndata: test\n\ndata:  test\n\ndata:\ttest\n\n")
        #expect(outcome.events.map(\.data) == ["test", "test", " test", "\ttest"])
    }

    @Test func valueSplitsAtFirstColonOnly() {
        let outcome = parse("data::x\ndata: a:b: c\n\n")
        #expect(outcome.events == [SSEEvent(data: ":x\na:b: c")])
    }

    @Test func eventNamesSetTypeAndResetAfterDispatch() {
        let outcome = parse("event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\ndata: 113411\n\nevent:\ndata: x\n\n")
        #expect(outcome.events.map(\.type) == ["add", "remove", "message", "message"])
        #expect(outcome.events.map(\.data) == ["73857293", "2153", "113411", "x"])
    }

    @Test func lastEventIDPersistsAndIgnoresValuesWithNUL() {
        let outcome = parse("id: 7\ndata: a\n\ndata: b\n\nid: x\u{0}y\ndata: c\n\nid\ndata: d\n\n")
        #expect(outcome.events.map(\.lastEventID) == ["7", "7", "7", ""])
    }

    @Test func idWithoutDataStillUpdatesTheIDForLaterEvents() {
        var parser = SSEParser()
        #expect(parser.feed("id: 42\n\n".utf8).isEmpty)
        #expect(parser.lastEventID == "42")
        #expect(parser.feed("data: x\n\n".utf8) == [SSEEvent(data: "x", lastEventID: "42")])
    }

    @Test func retryAcceptsOnlyASCIIDigits() {
        let text = "retry: 1000\ndata: a\n\nretry: 10x\ndata: b\n\nretry:\ndata: c\n\nretry:  500\ndata: d\n\n"
            + "retry: -5\ndata: e\n\nretry: ٣\ndata: f\n\nretry: 99999999999999999999999\ndata: g\n\nretry: 2000\ndata: h\n\n"
        let outcome = parse(text)
        #expect(outcome.events.map(\.retry) == [1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000])
    }

    @Test func retryAloneUpdatesReconnectionTimeWithoutDispatching() {
        var parser = SSEParser()
        #expect(parser.reconnectionTime == nil)
        #expect(parser.feed("retry: 3000\n\n".utf8).isEmpty)
        #expect(parser.reconnectionTime == 3000)
    }

    @Test func emptyDataBufferDispatchesNothingButResetsType() {
        let outcome = parse("event: foo\n\nevent: bar\nid: 1\n\ndata: x\n\n")
        #expect(outcome.events == [SSEEvent(type: "message", data: "x", lastEventID: "1")])
    }

    @Test func commentsAndUnknownFieldsAreIgnored() {
        let outcome = parse(":comment\n: another\nfoo: bar\nData: no\ndata : no\nevent2: no\ndata: yes\n\n")
        #expect(outcome.events == [SSEEvent(data: "yes")])
    }

    @Test func unfinishedEventAtEndIsDroppedAndReported() {
        let withNewline = parse("data: a\n\ndata: b\n")
        #expect(withNewline.events == [SSEEvent(data: "a")])
        #expect(withNewline.hadIncompleteEvent)
        let midLine = parse("data: a\n\ndata: b")
        #expect(midLine.events == [SSEEvent(data: "a")])
        #expect(midLine.hadIncompleteEvent)
        let midComment = parse("data: a\n\n: keep")
        #expect(midComment.hadIncompleteEvent)
        let complete = parse("data: a\n\n: keep-alive\n")
        #expect(complete.events == [SSEEvent(data: "a")])
        #expect(!complete.hadIncompleteEvent)
    }

    @Test func mixedLineEndings() {
        let outcome = parse("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\revent: e\ndata: f\r\n\n")
        #expect(outcome.events == [
            SSEEvent(data: "a\nb\nc"), SSEEvent(data: "d"), SSEEvent(type: "e", data: "f"),
        ])
        #expect(!outcome.hadIncompleteEvent)
    }

    @Test func crlfSplitAcrossChunksIsOneLineEnd() {
        var parser = SSEParser()
        #expect(parser.feed("data: a\r".utf8).isEmpty)
        #expect(parser.feed("\n".utf8).isEmpty)
        #expect(parser.feed("\r".utf8) == [SSEEvent(data: "a")])
        #expect(parser.feed("\n".utf8).isEmpty)
        #expect(parser.feed("data: b\n\r".utf8) == [SSEEvent(data: "b")])
        _ = parser.finish()
        #expect(!parser.hadIncompleteEvent)
    }

    @Test func leadingBOMIsStrippedOnce() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let data = StreamParserTestSupport.bytes("data: a\n\n")
        #expect(parse(bytes: bom + data).events == [SSEEvent(data: "a")])
        // A second BOM is content: it becomes part of the field name "\u{FEFF}data", an unknown field.
        let doubled = parse(bytes: bom + bom + data)
        #expect(doubled.events.isEmpty)
    }

    @Test func bomAfterTheStartIsNotStripped() {
        let outcome = parse("data: a\n\n\u{FEFF}data: b\n\ndata: \u{FEFF}c\n\n")
        #expect(outcome.events == [SSEEvent(data: "a"), SSEEvent(data: "\u{FEFF}c")])
    }

    @Test func partialBOMPrefixIsLineContent() {
        // EF BB then LF: a (garbage) field line, not a blank line, so the stream ends mid-event.
        let garbage = parse(bytes: [0xEF, 0xBB, 0x0A])
        #expect(garbage.events.isEmpty)
        #expect(garbage.hadIncompleteEvent)
        let bomThenBlank = parse(bytes: [0xEF, 0xBB, 0xBF, 0x0A])
        #expect(!bomThenBlank.hadIncompleteEvent)
        let truncatedBOM = parse(bytes: [0xEF, 0xBB])
        #expect(truncatedBOM.hadIncompleteEvent)
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let bytes = StreamParserTestSupport.bytes("data: a") + [0xFF] + StreamParserTestSupport.bytes("b\ndata: ")
            + [0xE4, 0xBD] + StreamParserTestSupport.bytes("\nevent: ") + [0xC3] + StreamParserTestSupport.bytes("\n\n")
        let outcome = parse(bytes: bytes)
        #expect(outcome.events == [SSEEvent(type: "\u{FFFD}", data: "a\u{FFFD}b\n\u{FFFD}")])
    }

    @Test func finishResetsForANewStreamButKeepsIDAndRetry() {
        var parser = SSEParser()
        _ = parser.feed("id: 5\nretry: 10\ndata: a\n\ndata: partial".utf8)
        #expect(parser.finish().isEmpty)
        #expect(parser.hadIncompleteEvent)
        let events = parser.feed([0xEF, 0xBB, 0xBF] + StreamParserTestSupport.bytes("data: b\n\n"))
        #expect(events == [SSEEvent(data: "b", lastEventID: "5", retry: 10)])
        _ = parser.finish()
        #expect(!parser.hadIncompleteEvent)
    }

    @Test func acceptsNonContiguousCollections() {
        var parser = SSEParser()
        let events = parser.feed(StreamParserTestSupport.bytes("data: 你好\n\n").lazy.map { $0 })
        #expect(events == [SSEEvent(data: "你好")])
    }

    @Test func feedIntoAppendsToExistingArray() {
        var parser = SSEParser()
        var events = [SSEEvent(data: "earlier")]
        parser.feed("data: x\n\ndata: y\n\n".utf8, into: &events)
        #expect(events.map(\.data) == ["earlier", "x", "y"])
    }
}
