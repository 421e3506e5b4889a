/// Scroll position of a ``TextPane``: an offset, or "follow the end".
public struct TextPaneState: Sendable, Hashable {
    /// First visible line (clamped when drawn).
    public var offset: Int
    /// When true the pane shows the last lines, following appended text.
    public var follow: Bool

    /// Creates a state; by default following the end.
    public init(offset: Int = 0, follow: Bool = true) {
        self.offset = offset
        self.follow = follow
    }

    /// Scrolls by `delta` lines. Scrolling up stops following; reaching the
    /// last page starts following again.
    public mutating func scroll(by delta: Int, lineCount: Int, visibleRows: Int) {
        let maxOffset = max(0, lineCount - max(0, visibleRows))
        let start = follow ? maxOffset : min(max(0, offset), maxOffset)
        offset = min(max(0, start + delta), maxOffset)
        follow = offset >= maxOffset
    }

    /// Jumps to the first line and stops following.
    public mutating func scrollToTop() {
        offset = 0
        follow = false
    }

    /// Jumps to the end and follows it.
    public mutating func scrollToEnd() {
        follow = true
    }

    /// Resolves ``offset`` for a frame: the last page when following,
    /// otherwise the offset clamped to the content.
    public mutating func resolve(lineCount: Int, visibleRows: Int) {
        let maxOffset = max(0, lineCount - max(0, visibleRows))
        offset = follow ? maxOffset : min(max(0, offset), maxOffset)
    }
}

/// A pane of wrapped text lines with a scroll offset, "follow the end", and
/// a scrollbar in its rightmost column (reserved whenever the scrollbar is
/// enabled, so the wrap width does not jump; the bar itself appears only
/// when the text is taller than the pane).
public struct TextPane: Sendable {
    /// Style of the text and the pane's empty cells.
    public var style: Style
    /// Whether the rightmost column is a scrollbar.
    public var showsScrollbar: Bool
    /// Style of the scrollbar track ("│") and thumb ("█").
    public var scrollbarStyle: Style

    /// Creates a pane.
    public init(style: Style = .plain, showsScrollbar: Bool = true, scrollbarStyle: Style = Style(fg: .grey)) {
        self.style = style
        self.showsScrollbar = showsScrollbar
        self.scrollbarStyle = scrollbarStyle
    }

    /// The text width to wrap at for `area` (use it for ``WrappedText``).
    public func contentWidth(for area: Rect) -> Int {
        max(1, area.width - (showsScrollbar ? 1 : 0))
    }

    /// Draws `text` into `area` at the position given by `state`.
    public func render(_ text: WrappedText, into buffer: inout Buffer, area: Rect, state: inout TextPaneState) {
        render(lineCount: text.lineCount, into: &buffer, area: area, state: &state) { text[$0] }
    }

    /// Draws `lineCount` lines supplied by `line` (called for visible lines
    /// only). Lines should be wrapped to ``contentWidth(for:)``; longer ones
    /// are clipped.
    public func render(
        lineCount: Int, into buffer: inout Buffer, area: Rect,
        state: inout TextPaneState, line: (Int) -> String
    ) {
        buffer.fill(area, with: .space(style))
        state.resolve(lineCount: lineCount, visibleRows: area.height)
        guard !area.isEmpty else { return }
        let width = showsScrollbar ? area.width - 1 : area.width
        for row in 0..<area.height {
            let index = state.offset + row
            guard index < lineCount else { break }
            buffer.put(line(index), x: area.x, y: area.y + row, maxWidth: width, style: style)
        }
        if showsScrollbar, lineCount > area.height {
            drawScrollbar(into: &buffer, area: area, offset: state.offset, lineCount: lineCount)
        }
    }

    /// Draws the track and a thumb sized and placed in proportion to the view.
    private func drawScrollbar(into buffer: inout Buffer, area: Rect, offset: Int, lineCount: Int) {
        let rows = area.height
        let thumb = max(1, rows * rows / lineCount)
        let maxOffset = lineCount - rows
        let top = maxOffset > 0 ? (rows - thumb) * offset / maxOffset : 0
        let x = area.right - 1
        for row in 0..<rows where buffer.contains(x: x, y: area.y + row) {
            let isThumb = row >= top && row < top + thumb
            buffer[x, area.y + row] = Cell(isThumb ? "█" : "│", style: style.patched(with: scrollbarStyle))
        }
    }
}
