import Testing
import TerminalUI

@Suite struct StyleTests {
    @Test func patchOverridesSetColorsAndAddsAttributes() {
        let base = Style(fg: .red, bg: .blue, bold: true)
        let patched = base.patched(with: Style(fg: .green, underline: true))
        #expect(patched == Style(fg: .green, bg: .blue, bold: true, underline: true))
        #expect(base.patched(with: .plain) == base)
        #expect(base.patched(with: Style(bg: .default)).bg == .default)
    }

    @Test func attributeAccessorsAndBuilders() {
        var style = Style.plain.foreground(.grey).adding([.italic, .reverse])
        #expect(style.fg == .brightBlack)
        #expect(style.italic && style.reverse && !style.bold)
        style.bold = true
        style.reverse = false
        #expect(style.attributes == [.bold, .italic])
        #expect(style.removing(.bold).attributes == [.italic])
        #expect(style.background(.cyan).bg == .cyan)
    }

    @Test func colorsMapToPaletteIndices() {
        #expect(Color.default.ansiIndex == nil)
        #expect(Color.black.ansiIndex == 0)
        #expect(Color.white.ansiIndex == 7)
        #expect(Color.grey.ansiIndex == 8)
        #expect(Color.brightWhite.ansiIndex == 15)
        #expect(Color.indexed(208).ansiIndex == 208)
    }
}
