import RunscopeHistory
import TerminalUI

/// Draws the diff split view: A's tree on the left, B's on the right, row for row (a gap
/// where a run is on one side only), the duration's change between them, the selected
/// row marked `▸` on both sides, and below the selected row's output diff and errors.
public struct DiffSplitView: Sendable {
    /// Width of the middle column (the change).
    static let changeWidth = 9

    /// A view.
    public init() {}

    /// Draws `state` at its size.
    public func render(_ state: DiffSplitState) -> Buffer {
        if let small = HistoryTheme.tooSmall(width: state.width, height: state.height, minimum: (40, 10)) { return small }
        var buffer = Buffer(width: state.width, height: state.height)
        let side = (state.width - Self.changeWidth) / 2
        let layout = DiffRowLayout(sideWidth: side, showsCost: state.diff.rows.contains { $0.a?.costUSD != nil || $0.b?.costUSD != nil })
        drawHeader(state, into: &buffer)
        drawTitles(state, layout: layout, into: &buffer)
        let area = Rect(x: 0, y: 2, width: state.width, height: state.treeRows)
        var list = state.list
        ListView(highlightStyle: HistoryTheme.selection).render(count: state.diff.rows.count, into: &buffer, area: area, state: &list) {
            row(state, $0, layout: layout, selected: $0 == state.list.selected)
        }
        drawPane(state, into: &buffer, top: 2 + state.treeRows)
        let hints = [("q", "quit"), ("?", "help"), ("↑↓", "move both"), ("n N", "next change"), ("J K", "scroll output")]
        KeyBar(hints.map { KeyHint($0.0, $0.1) }).render(into: &buffer, area: Rect(x: 0, y: state.height - 1, width: state.width, height: 1))
        if state.showsHelp { HelpBox.draw(DiffSplitState.help, title: "Diff keys", into: &buffer) }
        return buffer
    }

    func row(_ state: DiffSplitState, _ index: Int, layout: DiffRowLayout, selected: Bool) -> [Span] {
        let (a, b) = state.sides(index)
        let change = state.change(index)
        let changeStyle = state.isChanged(index) ? HistoryTheme.prompt : HistoryTheme.dim
        let middle = " " + String(change.prefix(Self.changeWidth - 2)).padding(toLength: Self.changeWidth - 2, withPad: " ", startingAt: 0) + " "
        return layout.spans(a, selected: selected) + [Span(middle, style: changeStyle)] + layout.spans(b, selected: selected)
    }

    private func drawHeader(_ state: DiffSplitState, into buffer: inout Buffer) {
        let a = state.diff.a, b = state.diff.b
        let left: [Span] = [
            Span(" runscope ", style: HistoryTheme.headerTitle), Span(" diff  "),
            Span("A \(a.id.prefix(13)) \(a.name) \(a.status)  ·  B \(b.id.prefix(13)) \(b.name) \(b.status)"),
        ]
        let changed = state.diff.changedRows
        StatusLine(left: left, right: [Span("\(changed) of \(state.diff.rows.count) rows differ ")], style: HistoryTheme.header)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: buffer.width, height: 1))
    }

    private func drawTitles(_ state: DiffSplitState, layout: DiffRowLayout, into buffer: inout Buffer) {
        let title = layout.title
        buffer.put("  A " + title, x: 0, y: 1, maxWidth: layout.sideWidth, style: HistoryTheme.columnTitles)
        buffer.put(" change", x: layout.sideWidth, y: 1, maxWidth: Self.changeWidth, style: HistoryTheme.columnTitles)
        buffer.put("  B " + title, x: layout.sideWidth + Self.changeWidth, y: 1, maxWidth: layout.sideWidth, style: HistoryTheme.columnTitles)
    }

    private func drawPane(_ state: DiffSplitState, into buffer: inout Buffer, top: Int) {
        let row = state.selectedRow
        let title = row.map { "─ \($0.name) " } ?? "─ "
        buffer.put(title + String(repeating: "─", count: max(0, state.width)), x: 0, y: top, maxWidth: state.width, style: HistoryTheme.border)
        let height = state.paneRows - 1
        let lines = DiffDetail.lines(row, width: state.width - 2)
        let offset = min(state.paneOffset, max(0, lines.count - height))
        for (line, spans) in lines.dropFirst(offset).prefix(height).enumerated() {
            buffer.put(spans, x: 1, y: top + 1 + line, maxWidth: state.width - 2)
        }
    }
}
