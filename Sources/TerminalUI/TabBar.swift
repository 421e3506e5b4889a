/// A one-row bar of tab titles, `" One │ Two │ Three "`, with the selected
/// tab highlighted. Titles are laid out from the left and clipped with "…"
/// at the right edge.
public struct TabBar: Sendable {
    /// Tab titles, left to right.
    public var titles: [String]
    /// Index of the selected tab.
    public var selected: Int
    /// Style of the bar and unselected titles.
    public var style: Style
    /// Patched over the selected title.
    public var selectedStyle: Style
    /// Drawn between titles.
    public var divider: String

    /// Creates a tab bar.
    public init(
        titles: [String], selected: Int, style: Style = .plain,
        selectedStyle: Style = Style(bold: true, reverse: true), divider: String = "│"
    ) {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.selectedStyle = selectedStyle
        self.divider = divider
    }

    /// Draws the bar on the first row of `area`.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, with: .space(style))
        var spans: [Span] = []
        for (index, title) in titles.enumerated() {
            if index > 0 { spans.append(Span(divider, style: style)) }
            let titleStyle = index == selected ? style.patched(with: selectedStyle) : style
            spans.append(Span(" \(title) ", style: titleStyle))
        }
        buffer.put(spans, x: row.x, y: row.y, maxWidth: row.width, ellipsis: "…")
    }
}
