import Testing
import TerminalUI

@Suite struct TextWrapTests {
    @Test func wrapsAsciiAtSpaces() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWrap.wrap("hello world", width: 11) == ["hello world"])
        #expect(TextWrap.wrap("hello world", width: 5) == ["hello", "world"])
        #expect(TextWrap.wrap("a  b", width: 10) == ["a  b"])
    }

    @Test func dropsBlanksAtWrapPointsAndKeepsIndentation() {
        #expect(TextWrap.wrap("aaa     bbb", width: 5) == ["aaa", "bbb"])
        #expect(TextWrap.wrap("  indented text", width: 11) == ["  indented", "text"])
        #expect(TextWrap.wrap("trailing   ", width: 20) == ["trailing"])
    }

    @Test func hardBreaksWordsLongerThanTheWidth() {
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("ab cdefghij", width: 4) == ["ab", "cdef", "ghij"])
        #expect(TextWrap.wrap("x", width: 0) == ["x"])
    }

    @Test func wrapsCjkAtAnyClusterBoundary() {
        #expect(TextWrap.wrap("你好世界和平", width: 4) == ["你好", "世界", "和平"])
        #expect(TextWrap.wrap("你好世界", width: 5) == ["你好", "世界"])
        #expect(TextWrap.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
    }

    @Test func wrapsMixedScriptText() {
        #expect(TextWrap.wrap("abc你好def", width: 5) == ["abc你", "好def"])
        #expect(TextWrap.wrap("hello 世界 wide 🙂 ok", width: 8) == ["hello 世", "界 wide", "🙂 ok"])
    }

    @Test func neverSplitsGraphemeClusters() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}"
        let lines = TextWrap.wrap(text, width: 2)
        #expect(lines == ["e\u{301}e\u{301}", "e\u{301}e\u{301}"])
        #expect(TextWrap.wrap("👍🏽👍🏽", width: 3) == ["👍🏽", "👍🏽"])
    }

    @Test func respectsExplicitNewlines() {
        #expect(TextWrap.wrap("one\ntwo\r\nthree\rfour", width: 10) == ["one", "two", "three", "four"])
        #expect(TextWrap.wrap("para\n\nnext", width: 10) == ["para", "", "next"])
        #expect(TextWrap.wrap("", width: 10) == [""])
        #expect(TextWrap.wrap("end\n", width: 10) == ["end", ""])
    }

    @Test func sanitizesWhileWrapping() {
        #expect(TextWrap.wrap("\u{1B}[31mred\u{1B}[0m", width: 20) == ["␛[31mred␛[0m"])
        #expect(TextWrap.wrap("a\tb", width: 20) == ["a   b"])
    }

    @Test func linesFitTheWidth() {
        let text = "Lorem ipsum 你好 dolor sit amet, consectetur 🙂🙂 adipiscing elit, sed do eiusmod"
        for width in 2...30 {
            for line in TextWrap.wrap(text, width: width) {
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
            }
        }
    }

    @Test func truncateAddsAnEllipsisOnlyWhenNeeded() {
        #expect(TextWrap.truncate("hello", toWidth: 5) == "hello")
        #expect(TextWrap.truncate("hello world", toWidth: 6) == "hello…")
        #expect(TextWrap.truncate("你好世界", toWidth: 6) == "你好…")
        #expect(TextWrap.truncate("你好世界", toWidth: 4) == "你…")
        #expect(TextWrap.truncate("hello", toWidth: 4, ellipsis: "...") == "h...")
        #expect(TextWrap.truncate("hello", toWidth: 2, ellipsis: "...") == "he")
        #expect(TextWrap.truncate("hello", toWidth: 0) == "")
    }
}
