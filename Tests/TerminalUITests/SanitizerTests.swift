import Testing
import TerminalUI
import RunscopeTestSupport

@Suite struct SanitizerTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(Sanitizer.sanitize("\u{1B}[31mred\u{1B}[0m") == "␛[31mred␛[0m")
        #expect(Sanitizer.sanitize("\u{1B}]0;title\u{07}") == "␛]0;title␇")
    }

    @Test func c0ControlsBecomeControlPictures() {
        #expect(Sanitizer.sanitize("ding\u{07}") == "ding␇")
        #expect(Sanitizer.sanitize("\u{00}\u{08}\u{1F}") == "\u{2400}\u{2408}\u{241F}")
        #expect(Sanitizer.sanitize("a\nb\rc") == "a␊b␍c")
        #expect(Sanitizer.sanitize("a\r\nb") == "a␍␊b")
        #expect(Sanitizer.sanitize("del\u{7F}") == "del␡")
    }

    @Test func c1ControlsBecomeReplacementCharacter() {
        #expect(Sanitizer.sanitize("x\u{9B}31my") == "x\u{FFFD}31my")  // CSI
        #expect(Sanitizer.sanitize("\u{80}\u{85}\u{9F}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(Sanitizer.sanitize("\u{A0}é") == "\u{A0}é")  // just above C1: kept
    }

    @Test func bidiOverridesAndIsolatesAreNeutralised() {
        let trojan = "access\u{202E}level\u{2066}admin\u{2069}"
        let safe = Sanitizer.sanitize(trojan)
        #expect(safe == "access\u{FFFD}level\u{FFFD}admin\u{FFFD}")
        for scalar in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let text = String(Unicode.Scalar(UInt32(scalar))!)
            #expect(Sanitizer.sanitize(text) == "\u{FFFD}", "U+\(String(scalar, radix: 16))")
        }
        #expect(Sanitizer.sanitize("\u{200F}") == "\u{200F}")  // RLM mark is kept
    }

    @Test func tabsExpandToTheNextMultipleOfFour() {
        #expect(Sanitizer.sanitize("\tx") == "    x")
        #expect(Sanitizer.sanitize("ab\tx") == "ab  x")
        #expect(Sanitizer.sanitize("abcd\tx") == "abcd    x")
        #expect(Sanitizer.sanitize("你\tx") == "你  x")  // counts display columns
    }

    @Test func safeTextIsReturnedUnchanged() {
        let text = "plain text, 你好, 🙂, e\u{301}"
        #expect(Sanitizer.isSafe(text))
        #expect(Sanitizer.sanitize(text) == text)
        #expect(!Sanitizer.isSafe("a\u{1B}"))
        #expect(!Sanitizer.isSafe("a\u{85}"))
        #expect(!Sanitizer.isSafe("a\u{202D}"))
        #expect(!Sanitizer.isSafe("a\tb"))
    }

    @Test func sanitizeLinesSplitsOnEveryNewlineKind() {
        #expect(Sanitizer.sanitizeLines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(Sanitizer.sanitizeLines("") == [""])
        #expect(Sanitizer.sanitizeLines("end\n") == ["end", ""])
        #expect(Sanitizer.sanitizeLines("x\t1\n\ty\u{1B}") == ["x   1", "    y␛"])
    }

    @Test func noOutputScalarIsEverUnsafe() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let scalars = (0..<40).map { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x2100, using: &random)) ?? "?"
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let single = Sanitizer.sanitize(text)
            #expect(!single.unicodeScalars.contains { Sanitizer.replacement(for: $0) != nil })
            let lines = Sanitizer.sanitizeLines(text)
            #expect(!lines.joined().unicodeScalars.contains { Sanitizer.replacement(for: $0) != nil })
        }
    }
}
