import Foundation
import RunscopeInspector
import TerminalUI

/// The timeline (`t`), in place of the detail pane: one bar per tree row, on the same line
/// as the row, over a shared time axis whose ticks are labelled on the bottom border.
extension InspectorView {
    func drawTimeline(_ state: InspectorState, into buffer: inout Buffer, area: Rect) {
        let forest = state.forest
        let zoom = state.timelineZoom.flatMap { forest.nodes.indices.contains($0) ? $0 : nil }
        let width = max(1, area.width - 2)
        let scale = TimelineScale.window(forest, zoom: zoom, now: state.now, width: width)
        let title = "Timeline · \(Format.duration(scale.seconds))"
            + (zoom.map { " · zoom \(forest[$0].name) · Z all" } ?? "") + " · bold: critical path"
        let inner = Border(title: title, characters: .rounded, style: state.focus == .pane ? Theme.focusedBorder : Theme.border)
            .render(into: &buffer, area: area)
        guard inner.height > 0, forest.count > 0 else { return }
        let ticks = tickColumns(scale)
        let tickSet = Set(ticks.map(\.column))
        let critical = CriticalPath.runs(forest, from: zoom.map { [$0] } ?? forest.roots, now: state.now)
        var list = ListState(selected: state.selected.flatMap { forest.row(of: $0) }, offset: state.treeOffset)
        list.scrollToSelection(visibleRows: inner.height, count: forest.rows.count)
        for line in 0..<inner.height {
            let row = list.offset + line
            guard row < forest.rows.count else { break }
            let index = forest.rows[row]
            let spans = barSpans(forest[index], scale: scale, now: state.now, ticks: tickSet, critical: critical.contains(index))
            buffer.put(spans, x: inner.x, y: inner.y + line, maxWidth: inner.width)
            if row == list.selected {
                buffer.setStyle(Rect(x: inner.x, y: inner.y + line, width: inner.width, height: 1), Theme.unfocusedSelection)
            }
        }
        labelTicks(ticks, into: &buffer, x: inner.x, y: area.bottom - 1, width: inner.width)
    }

    /// The tick columns and their labels, one every 1, 2 or 5 × 10ⁿ seconds at least 10 columns apart.
    func tickColumns(_ scale: TimelineScale) -> [(column: Int, label: String)] {
        let step = scale.tickStep()
        var ticks: [(Int, String)] = []
        var k = 0.0
        while k * step <= scale.seconds + 1e-9, ticks.count < 200 {
            let column = scale.eighths(scale.start.addingTimeInterval(k * step)) / 8
            ticks.append((min(column, scale.width - 1), Format.duration(k * step)))
            k += 1
        }
        return ticks
    }

    /// A run's bar: its status colour (the part before a model's first token dim), bold on
    /// the critical path, faint tick marks in the blank cells.
    func barSpans(_ node: RunNode, scale: TimelineScale, now: Date, ticks: Set<Int>, critical: Bool = false) -> [Span] {
        let bar = TimelineBar(node, scale: scale, now: now)
        let cells = bar.cells(width: scale.width)
        var color = Self.barStyle(node.status)
        if critical { color.attributes.insert(.bold) }
        var spans: [Span] = []
        for (column, character) in cells.enumerated() {
            let style: Style
            let text: String
            if character == " " {
                (text, style) = ticks.contains(column) ? ("┊", Theme.dim) : (" ", .plain)
            } else {
                text = String(character)
                let waiting = bar.firstToken.map { column < $0 / 8 } ?? (node.runType.isModel && node.status == .waiting)
                style = waiting ? Theme.dim : color
            }
            if let last = spans.last, last.style == style {
                spans[spans.count - 1] = Span(last.text + text, style: style)
            } else {
                spans.append(Span(text, style: style))
            }
        }
        return spans
    }

    /// Bars of running runs yellow, of failed or cancelled ones red, of handled tool errors
    /// yellow-dim, of the others cyan.
    static func barStyle(_ status: RunStatus) -> Style {
        if status.isActive { return Style(fg: .yellow) }
        if status.isFailure || status == .cancelled { return Style(fg: .red) }
        if status == .handledError { return Style(fg: .yellow) }
        return Style(fg: .cyan)
    }

    /// Writes the tick labels on the bottom border, each where its tick is, skipping one that would touch the last.
    func labelTicks(_ ticks: [(column: Int, label: String)], into buffer: inout Buffer, x: Int, y: Int, width: Int) {
        var free = 0
        for tick in ticks where tick.column >= free && tick.column + tick.label.count <= width {
            _ = buffer.put(tick.label, x: x + tick.column, y: y, style: Theme.dim)
            free = tick.column + tick.label.count + 2
        }
    }
}
