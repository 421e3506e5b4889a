import TerminalUI

/// A box of key help centred over the screen (as the inspector's `?`).
enum HelpBox {
    /// Draws `entries` (keys, what they do) in a bordered box titled `title`.
    static func draw(_ entries: [(keys: String, action: String)], title: String, into buffer: inout Buffer) {
        let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let lines = entries.map { $0.keys.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + $0.action }
        let width = min(buffer.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let height = min(buffer.height - 2, lines.count + 2)
        guard width > 2, height > 2 else { return }
        let area = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(area, with: .blank)
        let inner = Border(title: title, characters: .rounded, style: HistoryTheme.border).render(into: &buffer, area: area)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.putClipped(" " + line, x: inner.x, y: inner.y + offset, maxWidth: inner.width)
        }
    }
}
