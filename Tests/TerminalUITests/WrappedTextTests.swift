import Testing
import TerminalUI
import RunscopeTestSupport

@Suite struct WrappedTextTests {
    /// Pieces of tricky text: words, long words, CJK, emoji sequences,
    /// combining marks, every newline kind, tabs, escapes, runs of blanks.
    static let pieces = [
        "the", "quick", "brown", " ", " ", "  ", "supercalifragilistic", "你好", "世界", "日本語",
        "🙂", "👨‍👩‍👧", "👍🏽", "🇫🇷", "e\u{301}", "\u{301}", "\n", "\r\n", "\r", "\t", "\u{1B}[31m",
        "\u{9B}", "\u{202E}", "ｶﾀｶﾅ", "a", "b.", ",", "\u{200B}", "\u{FE0F}",
    ]

    static func randomText(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...120, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// Splits at random unicode scalar boundaries (so clusters and "\r\n" may be cut).
    static func randomChunks(_ text: String, _ random: inout SplitMix64) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var chunks: [String] = []
        var start = 0
        while start < scalars.count {
            let end = min(scalars.count, start + Int.random(in: 1...12, using: &random))
            var chunk = ""
            chunk.unicodeScalars.append(contentsOf: scalars[start..<end])
            chunks.append(chunk)
            start = end
        }
        return chunks
    }

    @Test func incrementalAppendEqualsOneShotWrap() {
        var random = SplitMix64(seed: 2024)
        for round in 0..<400 {
            let text = Self.randomText(&random)
            let width = Int.random(in: 1...24, using: &random)
            var wrapped = WrappedText(width: width)
            for chunk in Self.randomChunks(text, &random) { wrapped.append(chunk) }
            let expected = TextWrap.wrap(text, width: width)
            #expect(wrapped.allLines == expected, "round \(round), width \(width): \(text.debugDescription)")
            #expect(wrapped.lineCount == expected.count)
            #expect(wrapped.text == text)
        }
    }

    @Test func wrappingKeepsEveryVisibleScalarInOrder() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let text = Self.randomText(&random)
            let width = Int.random(in: 2...20, using: &random)
            let lines = TextWrap.wrap(text, width: width)
            let wrappedScalars = lines.joined().unicodeScalars.filter { $0 != " " }
            let sanitized = Sanitizer.sanitizeLines(text).joined().unicodeScalars.filter { $0 != " " }
            #expect(Array(wrappedScalars) == Array(sanitized))
            for line in lines {
                #expect(DisplayWidth.of(line) <= width)
                #expect(Sanitizer.isSafe(line))
            }
        }
    }

    @Test func lineAccessByRangeAndFromTheEnd() {
        var text = WrappedText(width: 5)
        text.append("one two three four")
        #expect(text.allLines == ["one", "two", "three", "four"])
        #expect(text.lines(1..<3) == ["two", "three"])
        #expect(text.lines(2..<99) == ["three", "four"])
        #expect(text.lastLines(2) == ["three", "four"])
        #expect(text.lastLines(10).count == 4)
        #expect(text[0] == "one")
        text.setWidth(9)
        #expect(text.allLines == ["one two", "three", "four"])
        text.removeAll()
        #expect(text.allLines == [""])
    }

    @Test func streamingTokensShowThePartialLastLine() {
        var text = WrappedText(width: 10)
        text.append("Hel")
        #expect(text.allLines == ["Hel"])
        text.append("lo, wor")
        #expect(text.allLines == ["Hello, wor"])
        text.append("ld!\nNext")
        #expect(text.allLines == ["Hello,", "world!", "Next"])
    }

    /// Appending to a text that already holds 1 MB keeps the wrap exact (the
    /// cost staying O(new text) is measured by runscope-bench, not here).
    @Test func appendingToALargeTextMatchesAOneShotWrap() {
        let token = "lorem ipsum 你好 dolor sit amet "
        let big = String(repeating: token, count: 1_000_000 / token.utf8.count)
        #expect(big.utf8.count > 900_000)
        var empty = WrappedText(width: 77)
        var full = WrappedText(width: 77, text: big)
        for _ in 0..<2000 { empty.append("tok ") }
        for _ in 0..<2000 { full.append("tok ") }
        #expect(empty.lineCount == TextWrap.wrap(empty.text, width: 77).count)
        #expect(full.lineCount == TextWrap.wrap(full.text, width: 77).count)
        #expect(full.lastLines(1) == TextWrap.wrap(full.text, width: 77).suffix(1))
    }
}
