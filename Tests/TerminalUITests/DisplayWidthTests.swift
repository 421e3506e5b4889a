import Testing
import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of(character: "a") == 1)
        #expect(DisplayWidth.of(scalar: "~") == 1)
    }

    @Test func cjkIsTwoColumnsPerCharacter() {
        #expect(DisplayWidth.of("你好") == 4)
        #expect(DisplayWidth.of("こんにちは") == 10)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth forms
        #expect(DisplayWidth.of("。、") == 4)  // CJK punctuation
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana stay narrow
    }

    @Test func emojiWithEmojiPresentationIsWide() {
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of(scalar: "\u{1F680}") == 2)  // rocket
        #expect(DisplayWidth.of(scalar: "\u{2615}") == 2)  // hot beverage, EAW=W
        #expect(DisplayWidth.of(scalar: "\u{2603}") == 1)  // snowman, text presentation
        #expect(DisplayWidth.of("👍🏽") == 2)  // skin tone absorbed into the cluster
    }

    @Test func combiningMarksAndFormatCharactersAreZeroWidth() {
        let decomposed = "e\u{301}"
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of(scalar: "\u{301}") == 0)
        #expect(DisplayWidth.of(scalar: "\u{200B}") == 0)  // zero width space
        #expect(DisplayWidth.of(scalar: "\u{200D}") == 0)  // zero width joiner
        #expect(DisplayWidth.of(scalar: "\u{FE0F}") == 0)  // variation selector 16
        #expect(DisplayWidth.of(scalar: "\u{E0100}") == 0)  // variation selector 17
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of(scalar: "\u{AD}") == 1)  // soft hyphen, as in glibc
    }

    @Test func controlsHaveNoWidth() {
        #expect(DisplayWidth.of(scalar: "\u{1B}") == 0)
        #expect(DisplayWidth.of(scalar: "\u{7F}") == 0)
        #expect(DisplayWidth.of(scalar: "\u{9B}") == 0)
    }

    @Test func clusterWidthIsItsFirstNonZeroScalarClamped() {
        #expect(DisplayWidth.of(character: "👨‍👩‍👧") == 2)  // documented ZWJ limit
        #expect(DisplayWidth.of(character: "\u{301}") == 0)
        #expect(DisplayWidth.of(character: "你\u{301}") == 2)
    }

    @Test func tableBoundaries() {
        #expect(DisplayWidth.of(scalar: "\u{10FF}") == 1)
        #expect(DisplayWidth.of(scalar: "\u{1100}") == 2)  // first Hangul choseong
        #expect(DisplayWidth.of(scalar: "\u{1160}") == 0)  // Hangul jungseong filler
        #expect(DisplayWidth.of(scalar: "\u{4E00}") == 2)
        #expect(DisplayWidth.of(scalar: "\u{9FFF}") == 2)
        #expect(DisplayWidth.of(scalar: "\u{20000}") == 2)  // CJK extension B
        #expect(DisplayWidth.of(scalar: "\u{2500}") == 1)  // box drawing (ambiguous → 1)
        #expect(DisplayWidth.of(scalar: "\u{10FFFF}") == 1)
    }
}
