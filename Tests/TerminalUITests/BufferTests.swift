import Testing
import TerminalUI
import RunscopeTestSupport

@Suite struct BufferTests {
    @Test func putWritesTextAndReturnsColumns() {
        var buffer = Buffer(width: 10, height: 2)
        #expect(buffer.put("hi", x: 1, y: 0) == 2)
        #expect(buffer.put("你好", x: 0, y: 1) == 4)
        #expect(buffer.lines() == [" hi", "你好"])
        #expect(buffer[0, 1].symbol == "你")
        #expect(buffer[0, 1].width == 2)
        #expect(buffer[1, 1].isContinuation)
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var buffer = Buffer(width: 5, height: 1)
        #expect(buffer.put("ab你好", x: 0, y: 0) == 5)
        #expect(buffer.lines() == ["ab你"])
        #expect(buffer[4, 0].symbol == " ")
        #expect(!buffer[4, 0].isWide)
        var limited = Buffer(width: 10, height: 1)
        #expect(limited.put("你好", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(limited[2, 0].symbol == " ")
        #expect(limited[3, 0] == .blank)
    }

    @Test func putClipsAtMaxWidthAndTheEdge() {
        var buffer = Buffer(width: 8, height: 2)
        #expect(buffer.put("hello world", x: 2, y: 0, maxWidth: 5) == 5)
        #expect(buffer.put("hello world", x: 4, y: 1) == 4)
        #expect(buffer.lines() == ["  hello", "    hell"])
        #expect(buffer.put("x", x: 8, y: 0) == 0)
        #expect(buffer.put("x", x: 0, y: 2) == 0)
        #expect(buffer.put("x", x: -1, y: 0) == 0)
        #expect(buffer.put("x", x: 0, y: 0, maxWidth: 0) == 0)
    }

    @Test func putClippedAddsAnEllipsis() {
        var buffer = Buffer(width: 20, height: 4)
        #expect(buffer.putClipped("hello world", x: 0, y: 0, maxWidth: 8) == 8)
        #expect(buffer.putClipped("short", x: 0, y: 1, maxWidth: 8) == 5)
        #expect(buffer.putClipped("你好世界", x: 0, y: 2, maxWidth: 5) == 5)
        #expect(buffer.putClipped("你好世界", x: 0, y: 3, maxWidth: 4) == 3)
        #expect(buffer.lines() == ["hello w…", "short", "你好…", "你…"])
    }

    @Test func putNeverWritesControlCharacters() {
        var buffer = Buffer(width: 30, height: 1)
        buffer.put("a\u{1B}[2J\u{07}\u{9B}\u{202E}b", x: 0, y: 0)
        #expect(buffer.lines() == ["a␛[2J␇\u{FFFD}\u{FFFD}b"])
        #expect(!containsUnsafeScalar(buffer))
        let cell = Cell("\u{1B}")
        #expect(cell.symbol == "␛")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.put("你", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.lines() == [" x"])
        #expect(buffer[0, 0] == .blank)
        buffer.put("好", x: 2, y: 0)
        buffer[2, 0] = Cell("y")
        #expect(buffer.lines() == [" xy"])
        #expect(!buffer[3, 0].isContinuation)
        buffer[3, 0] = Cell("你")  // wide cell at the last column
        #expect(buffer[3, 0].symbol == " ")
    }

    @Test func styleIsAppliedAndPatched() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("ab", x: 0, y: 0, style: Style(fg: .red))
        buffer.setStyle(Rect(x: 1, y: 0, width: 3, height: 1), Style(bg: .blue, bold: true))
        #expect(buffer[0, 0].style == Style(fg: .red))
        #expect(buffer[1, 0].style == Style(fg: .red, bg: .blue, bold: true))
        #expect(buffer[2, 0].style == Style(bg: .blue, bold: true))
        #expect(buffer[4, 0].style == .plain)
    }

    @Test func fillIsClippedToTheBuffer() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell("#"))
        #expect(buffer.lines() == ["", "  ##", "  ##"])
        buffer.fill(Rect(x: 0, y: 0, width: 3, height: 1), with: Cell("你"))
        #expect(buffer.lines()[0] == "你")
        #expect(buffer[2, 0].symbol == " ")
    }

    @Test func linesTrimTrailingSpacesOnly() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("  a b", x: 0, y: 0)
        #expect(buffer.lines() == ["  a b"])
    }

    @Test func randomWritesKeepTheWideCharacterInvariant() {
        var random = SplitMix64(seed: 42)
        let pieces = ["a", "你好", "🙂x", "ab", "é", "界", " ", "ｶ"]
        var buffer = Buffer(width: 9, height: 3)
        for _ in 0..<2000 {
            let text = pieces.randomElement(using: &random)!
            let x = Int.random(in: -1...9, using: &random)
            let y = Int.random(in: 0...2, using: &random)
            buffer.put(text, x: x, y: y, maxWidth: Int.random(in: 0...4, using: &random))
            for row in 0..<3 {
                for column in 0..<9 {
                    let cell = buffer[column, row]
                    if cell.isWide { #expect(column + 1 < 9 && buffer[column + 1, row].isContinuation) }
                    if cell.isContinuation { #expect(column > 0 && buffer[column - 1, row].isWide) }
                }
            }
        }
    }
}
