import Foundation
import RunscopeHistory
import TerminalUI

/// Draws the history screen: a header, the column titles of `runscope runs`, one trace a
/// row (marks A and B in the first column), and the search prompt, a message or the key
/// bar. Pure; a frame costs the visible rows, not the traces loaded.
public struct HistoryListView: Sendable {
    /// A view.
    public init() {}

    /// Draws `state` at its size.
    public func render(_ state: HistoryListState) -> Buffer {
        if let small = HistoryTheme.tooSmall(width: state.width, height: state.height, minimum: (20, 5)) { return small }
        var buffer = Buffer(width: state.width, height: state.height)
        drawHeader(state, into: &buffer)
        buffer.put("   " + TraceTable.line(TraceTable.header, widths: state.widths), x: 0, y: 1, maxWidth: state.width,
                   style: HistoryTheme.columnTitles)
        let area = Rect(x: 0, y: 2, width: state.width, height: state.visibleRows)
        if state.traces.isEmpty {
            drawEmpty(state, into: &buffer, area: area)
        } else {
            var list = state.list
            ListView(highlightStyle: HistoryTheme.selection)
                .render(count: state.traces.count, into: &buffer, area: area, state: &list) { row(state, $0) }
        }
        drawBottomRow(state, into: &buffer, y: state.height - 1)
        if state.showsHelp { HelpBox.draw(HistoryKeys.help, title: "History keys", into: &buffer) }
        return buffer
    }

    /// One trace: its mark, then the cells padded as `runscope runs` pads them, the status coloured.
    func row(_ state: HistoryListState, _ index: Int) -> [Span] {
        let mark = state.mark(of: state.traces[index]).map { Span("\($0) ", style: HistoryTheme.mark) } ?? Span("  ")
        let cells = state.cells[index]
        var spans = [mark, Span(" ")]
        for (column, cell) in cells.enumerated() {
            let last = column == cells.count - 1
            let text = last ? cell : cell.padding(toLength: state.widths[column], withPad: " ", startingAt: 0)
            spans.append(Span(text, style: column == 2 ? HistoryTheme.status(cell) : .plain))
            if !last { spans.append(Span("  ")) }
        }
        return spans
    }

    private func drawHeader(_ state: HistoryListState, into buffer: inout Buffer) {
        var left: [Span] = [Span(" runscope ", style: HistoryTheme.headerTitle), Span(" history  ")]
        if let search = state.search { left.append(Span("search: \(search)  ")) }
        if let status = state.status { left.append(Span("status: \(status)  ")) }
        if !state.marked.isEmpty {
            left.append(Span("marked: " + state.marked.map { String($0.id.prefix(8)) }.joined(separator: " ") + "  "))
        }
        let seen = state.dropped + state.traces.count
        let count = "\(seen)\(state.exhausted ? "" : "+") trace\(seen == 1 ? "" : "s") "
        StatusLine(left: left, right: [Span(count)], style: HistoryTheme.header)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: buffer.width, height: 1))
    }

    /// What an empty list says: how to fill the history, or that nothing matches.
    func emptyLines(_ state: HistoryListState) -> [String] {
        if let failure = state.failure { return [failure] }
        if state.loading { return ["Reading the history…"] }
        if state.search != nil || state.status != nil {
            return ["No trace matches.", "Esc clears the search and the status filter; / searches again; s changes the status."]
        }
        return [
            "No runs in the history yet.",
            "Run a chain to fill it: runscope examples/joke.json",
            "or import a log: runscope import run.jsonl",
            "It is kept in \(state.location).",
        ]
    }

    private func drawEmpty(_ state: HistoryListState, into buffer: inout Buffer, area: Rect) {
        for (offset, line) in emptyLines(state).enumerated() where offset < area.height {
            let style = offset == 0 ? (state.failure != nil ? HistoryTheme.error : Style(bold: true)) : HistoryTheme.dim
            buffer.put("  " + line, x: area.x, y: area.y + 1 + offset, maxWidth: area.width, style: style)
        }
    }

    private func drawBottomRow(_ state: HistoryListState, into buffer: inout Buffer, y: Int) {
        let row = Rect(x: 0, y: y, width: buffer.width, height: 1)
        if let draft = state.draft {
            buffer.fill(row, with: .blank)
            buffer.put([Span("/", style: HistoryTheme.prompt), Span(draft), Span("█", style: HistoryTheme.dim),
                        Span("   Enter search · Esc clear", style: HistoryTheme.dim)],
                       x: 0, y: y, maxWidth: row.width, ellipsis: "…")
        } else if let message = state.message {
            StatusLine(left: [Span(" " + message, style: HistoryTheme.prompt)], style: .plain).render(into: &buffer, area: row)
        } else {
            KeyBar(HistoryKeys.hints.map { KeyHint($0.key, $0.label) }).render(into: &buffer, area: row)
        }
    }
}
