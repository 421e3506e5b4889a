import CNcursesw
import TerminalUI

/// Allocates ncurses colour pairs for (foreground, background) combinations on first use.
struct ColorPairs {
    private struct Key: Hashable {
        var fg: Int32
        var bg: Int32
    }

    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    /// Colours the terminal has (8, 16, 256, ...).
    let colorCount: Int32
    let pairCount: Int32
    /// Whether -1 (the terminal's default colour) may be used.
    let defaultColors: Bool

    init(colorCount: Int32, pairCount: Int32, defaultColors: Bool) {
        self.colorCount = colorCount
        self.pairCount = pairCount
        self.defaultColors = defaultColors
    }

    /// The pair for `style`'s colours, plus A_BOLD when a bright colour had to fall back to its base.
    mutating func pair(for style: Style) -> (pair: Int32, extra: attr_t) {
        let (fg, brightFg) = number(style.fg, isForeground: true)
        let (bg, _) = number(style.bg, isForeground: false)
        let extra = brightFg ? runscope_a_bold() : runscope_a_normal()
        if fg == -1 && bg == -1 && defaultColors { return (0, extra) }
        let key = Key(fg: fg, bg: bg)
        if let pair = pairs[key] { return (pair, extra) }
        guard next < pairCount, next < 32767 else { return (0, extra) }
        let pair = next
        next += 1
        init_pair(Int16(pair), Int16(fg), Int16(bg))
        pairs[key] = pair
        return (pair, extra)
    }

    /// The ncurses colour number for `color`, and whether a bright colour fell back to its base.
    private func number(_ color: Color?, isForeground: Bool) -> (Int32, Bool) {
        guard let index = color?.ansiIndex else {
            if defaultColors { return (-1, false) }
            return (isForeground ? 7 : 0, false)
        }
        if Int32(index) < colorCount { return (Int32(index), false) }
        if index >= 8 && index < 16 { return (Int32(index - 8), isForeground) }
        return (defaultColors ? -1 : (isForeground ? 7 : 0), false)
    }
}
