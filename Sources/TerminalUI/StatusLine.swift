/// A one-row status line: left spans left-aligned, right spans right-aligned,
/// on a filled background (reverse video by default).
///
/// When both do not fit, the left part is cut with "…" to leave room for the
/// right part plus one space, unless the right part would take more than half
/// the row, in which case it is left out and the left part gets the row.
public struct StatusLine: Sendable {
    /// Left-aligned content.
    public var left: [Span]
    /// Right-aligned content.
    public var right: [Span]
    /// Style of the whole row; span styles patch over it.
    public var style: Style

    /// Creates a status line.
    public init(left: [Span], right: [Span] = [], style: Style = Style(reverse: true)) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Draws the line on the first row of `area`.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: .space(style))
        let leftSpans = left.map { Span($0.text, style: style.patched(with: $0.style)) }
        let rightSpans = right.map { Span($0.text, style: style.patched(with: $0.style)) }
        let leftWidth = leftSpans.reduce(0) { $0 + $1.width }
        let rightWidth = rightSpans.reduce(0) { $0 + $1.width }
        let showsRight = rightWidth > 0
            && (leftWidth + 1 + rightWidth <= area.width || rightWidth * 2 <= area.width)
        let leftRoom = showsRight ? max(0, area.width - rightWidth - 1) : area.width
        if leftRoom > 0 {
            buffer.put(leftSpans, x: area.x, y: area.y, maxWidth: leftRoom, ellipsis: "…")
        }
        if showsRight {
            buffer.put(rightSpans, x: area.right - rightWidth, y: area.y, maxWidth: rightWidth)
        }
    }
}
