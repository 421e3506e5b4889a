/// A key binding hint: the key as shown ("q", "^C", "↑↓") and what it does.
public struct KeyHint: Sendable, Hashable {
    /// The key, as shown.
    public var key: String
    /// What the key does.
    public var label: String

    /// Creates a hint.
    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A one-row bar of key hints: `"q quit  ? help  ↑↓ move"`. Hints are
/// drawn whole, left to right; the first one that does not fit and all after
/// it are left out.
public struct KeyBar: Sendable {
    /// The hints, in order.
    public var hints: [KeyHint]
    /// Style of the bar and labels.
    public var style: Style
    /// Patched over keys.
    public var keyStyle: Style
    /// Drawn between hints.
    public var separator: String

    /// Creates a key bar.
    public init(_ hints: [KeyHint], style: Style = .plain, keyStyle: Style = Style(bold: true), separator: String = "  ") {
        self.hints = hints
        self.style = style
        self.keyStyle = keyStyle
        self.separator = separator
    }

    /// Draws the bar on the first row of `area`.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: .space(style))
        var x = area.x
        for (index, hint) in hints.enumerated() {
            let spans = [
                Span(index > 0 ? separator : "", style: style),
                Span(hint.key, style: style.patched(with: keyStyle)),
                Span(" " + hint.label, style: style),
            ]
            let needed = spans.reduce(0) { $0 + $1.width }
            guard x + needed <= area.right else { break }
            x += buffer.put(spans, x: x, y: area.y, maxWidth: area.right - x)
        }
    }
}
