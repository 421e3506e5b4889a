import Foundation
import RunscopeInspector
import RunscopePricing
import TerminalUI

/// The run tree: one row per visible run, only the visible rows are built.
extension InspectorView {
    func drawTree(_ state: InspectorState, into buffer: inout Buffer, area: Rect) {
        let forest = state.forest
        let focused = state.focus == .tree
        let hidden = forest.showsHidden || forest.hiddenCount == 0 ? "" : " · \(Format.count(forest.hiddenCount)) hidden"
        let filter = forest.filter.label.map { " · \($0)" } ?? ""
        let title = "Runs (\(Format.count(forest.count)))" + filter + (state.follow ? " · follow" : "") + hidden + position(state)
        let inner = Border(title: title, style: focused ? Theme.focusedBorder : Theme.border).render(into: &buffer, area: area)
        guard forest.count > 0 else {
            buffer.putClipped(state.chain.isRunning || state.chain == .idle ? "waiting for the first run…" : "no runs", x: inner.x, y: inner.y,
                              maxWidth: inner.width, style: Theme.dim)
            return
        }
        var list = ListState(selected: state.selected.flatMap { forest.row(of: $0) }, offset: state.treeOffset)
        let highlight = focused ? Theme.selection : Theme.unfocusedSelection
        ListView(highlightStyle: highlight).render(count: forest.rows.count, into: &buffer, area: inner, state: &list) { row in
            treeRow(forest.rows[row], state: state, width: inner.width)
        }
    }

    /// Where the selection is among the rows shown (` · 4/15`), or nothing without one.
    func position(_ state: InspectorState) -> String {
        guard let row = state.selected.flatMap({ state.forest.row(of: $0) }) else { return "" }
        return " · \(Format.count(row + 1))/\(Format.count(state.forest.rows.count))"
    }

    /// The spans of one run's row, fitted to `width` columns (details on the right).
    func treeRow(_ index: Int, state: InspectorState, width: Int) -> [Span] {
        let node = state.forest[index]
        var left: [Span] = [Span(String(repeating: "  ", count: node.depth))]
        let disclosure = node.children.isEmpty ? "  " : (node.expanded ? "▾ " : "▸ ")
        left.append(Span(disclosure, style: Theme.dim))
        left.append(Theme.mark(node.status))
        let flagged = !node.status.isFailure && node.failedDescendants > 0
        left.append(flagged ? Span("!", style: Theme.error) : Span(" "))
        left.append(Span(Theme.typeLabel(node.runType.rawValue), style: Theme.dim))
        let nameStyle: Style = node.hasFailure ? Style(fg: .red) : (state.search.matches(node.name) ? Style(underline: true) : .plain)
        left.append(contentsOf: label(node, style: nameStyle))
        if state.reruns[node.id] != nil { left.append(Span(" · rerun", style: Theme.dim)) }
        if !node.expanded && !node.children.isEmpty { left.append(contentsOf: collapsedSummary(node)) }
        return fit(left: left, right: rowDetails(node, now: state.now, width: width), width: width)
    }

    /// The name, with a graph node's step (`model · step 3`) or a tool's call (`get_weather(city: "Paris")`).
    func label(_ node: RunNode, style: Style) -> [Span] {
        if let call = node.toolCall, call.count > node.name.count {
            return [Span(node.name, style: style), Span(String(call.dropFirst(node.name.count)))]
        }
        var spans = [Span(node.name, style: style)]
        if let step = node.graphStep { spans.append(Span(" · step \(step)", style: Theme.dim)) }
        return spans
    }

    /// "+6 ●2 ✗1": how many runs a collapsed row holds, how many run and failed.
    func collapsedSummary(_ node: RunNode) -> [Span] {
        var spans = [Span(" +\(node.descendantCount)", style: Theme.dim)]
        if node.activeDescendants > 0 { spans.append(Span(" ●\(node.activeDescendants)", style: Style(fg: .yellow))) }
        if node.failedDescendants > 0 { spans.append(Span(" ✗\(node.failedDescendants)", style: Theme.error)) }
        return spans
    }

    /// Elapsed time, plus tokens and tokens/s for model runs and what the run (with the runs
    /// below it) cost, when there is room.
    func rowDetails(_ node: RunNode, now: Date, width: Int) -> [Span] {
        let elapsed = Span(Format.duration(node.elapsed(now: now)), style: Theme.dim)
        let cost = width >= 50 ? CostText.format(node.rollup).map { Span($0 + " ", style: Theme.cost) } : nil
        guard node.runType.isModel, node.tokenCount > 0 else { return [cost, elapsed].compactMap { $0 } }
        var tokens = "\(Format.count(node.tokenCount))t"
        if width >= 44, let rate = node.tokensPerSecond(now: now) { tokens += " \(Format.rate(rate))/s" }
        return [Span(tokens + " ", style: Style(fg: .cyan)), cost, elapsed].compactMap { $0 }
    }

    /// Left spans cut to leave room for the right spans, which end at the right edge.
    func fit(left: [Span], right: [Span], width: Int) -> [Span] {
        var rightWidth = right.reduce(0) { $0 + $1.width }
        var right = right
        if rightWidth + 8 > width {
            right = Array(right.suffix(1))
            rightWidth = right.reduce(0) { $0 + $1.width }
        }
        let room = max(0, width - rightWidth - 1)
        let cut = Span.truncate(left, toWidth: room)
        let used = cut.reduce(0) { $0 + $1.width }
        return cut + [Span(String(repeating: " ", count: max(1, width - used - rightWidth)))] + right
    }
}
