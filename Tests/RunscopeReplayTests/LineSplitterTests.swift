import Foundation
import RunscopeReplay
import Testing

/// `LineSplitter` against the plain rule (split on LF, drop a CR before it, keep the
/// unfinished last line for `finish`), whatever the chunking of the input.
@Suite struct LineSplitterTests {
    /// A text with LF and CRLF ends, empty lines, a lone CR inside a line, multi-byte UTF-8
    /// and an unfinished last line.
    static let text = Array("{\"a\":1}\n\r\n\nü€𝄞 line\r\nlone\rcr\n\n{\"token\":\"x\"}\r\nlast, unfinished".utf8)

    /// Split on the bytes (a String keeps CRLF as one character and would not split it).
    static func expected() -> (lines: [String], rest: String) {
        var parts = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let rest = parts.removeLast()
        let lines = parts.map { $0.last == 0x0D ? Array($0.dropLast()) : $0 }
        return (lines.map { String(decoding: $0, as: UTF8.self) }, String(decoding: rest, as: UTF8.self))
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 4096])
    func everyChunkingGivesTheSameLines(chunk: Int) {
        var splitter = LineSplitter()
        var lines: [String] = []
        var index = 0
        while index < Self.text.count {
            let end = min(index + chunk, Self.text.count)
            // Alternately an array slice and Data: both contiguous, read in place.
            let piece = Self.text[index..<end]
            lines += (index / chunk).isMultiple(of: 2) ? splitter.feed(piece).map(String.init) : splitter.feed(Data(piece)).map(String.init)
            index = end
        }
        #expect(lines == Self.expected().lines)
        #expect(splitter.finish().map(String.init) == Self.expected().rest)
        #expect(splitter.finish() == nil)
    }

    @Test func aSequenceThatIsNotContiguousIsSplitToo() {
        var splitter = LineSplitter()
        let lines = splitter.feed(Self.text.lazy.map { $0 }).map(String.init)
        #expect(lines == Self.expected().lines)
    }

    @Test func aCarriageReturnAtAChunksEndBeforeTheNewlineIsDropped() {
        var splitter = LineSplitter()
        #expect(splitter.feed(Array("one\r".utf8)).isEmpty)
        #expect(splitter.feed(Array("\ntwo\r".utf8)).map(String.init) == ["one"])
        #expect(splitter.feed(Array("\n".utf8)).map(String.init) == ["two"])
        #expect(splitter.finish() == nil)
    }
}
