/// A scrolling list of rows of styled spans with one selected row.
///
/// Rows come from a provider closure that is called only for the visible
/// rows, so the cost of a frame depends on the area height, not on `count`:
/// 100,000 rows draw as fast as 30. The selected row is highlighted across
/// the full width by patching ``highlightStyle`` (reverse video by default)
/// over its cells. Rows wider than the area end with "…".
public struct ListView: Sendable {
    /// Base style of the list area; span styles patch over it.
    public var style: Style
    /// Patched over the selected row's cells.
    public var highlightStyle: Style

    /// Creates a list view.
    public init(style: Style = .plain, highlightStyle: Style = Style(reverse: true)) {
        self.style = style
        self.highlightStyle = highlightStyle
    }

    /// Draws rows `state.offset...` of a `count`-row list into `area`, first
    /// scrolling `state` so the selection is visible.
    public func render(
        count: Int, into buffer: inout Buffer, area: Rect,
        state: inout ListState, row: (Int) -> [Span]
    ) {
        buffer.fill(area, with: .space(style))
        state.scrollToSelection(visibleRows: area.height, count: count)
        guard !area.isEmpty else { return }
        for line in 0..<area.height {
            let index = state.offset + line
            guard index < count else { break }
            let spans = row(index).map { Span($0.text, style: style.patched(with: $0.style)) }
            let y = area.y + line
            buffer.put(spans, x: area.x, y: y, maxWidth: area.width, ellipsis: "…")
            if index == state.selected {
                buffer.setStyle(Rect(x: area.x, y: y, width: area.width, height: 1), highlightStyle)
            }
        }
    }
}
