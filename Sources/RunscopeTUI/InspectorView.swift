import RunscopeInspector
import RunscopePricing
import TerminalUI

/// Draws the inspector's state into a cell buffer: header, run tree, detail
/// pane, key bar, and the help, search and quit prompts. Pure: the same state
/// gives the same buffer; the cache only saves work (wrapped stream text) and
/// the cost of a frame depends on the visible rows, not on the number of runs.
public struct InspectorView: Sendable {
    /// A view.
    public init() {}

    /// Draws `state` at the size in its layout, the detail pane where `pane` is scrolled
    /// (the pane's lines and resolved position are kept in it for the next scroll).
    public func render(_ state: InspectorState, pane: inout PaneViewport, cache: inout ViewCache) -> Buffer {
        let layout = state.layout
        var buffer = Buffer(width: layout.width, height: layout.height)
        guard layout.isUsable else {
            drawTooSmall(into: &buffer, layout: layout)
            return buffer
        }
        cache.beginFrame()
        drawHeader(state, into: &buffer)
        let body = Rect(x: 0, y: 1, width: layout.width, height: layout.bodyHeight)
        let (treeArea, paneArea) = body.split(verticalAt: layout.treeWidth)
        drawTree(state, into: &buffer, area: treeArea)
        if state.showsTimeline {
            drawTimeline(state, into: &buffer, area: paneArea)
        } else {
            drawPane(state, viewport: &pane, into: &buffer, area: paneArea, cache: &cache)
        }
        drawBottomRow(state, into: &buffer, y: layout.height - 1)
        if state.showsHelp { drawHelp(into: &buffer) }
        cache.endFrame()
        return buffer
    }

    /// Draws `state` with a throwaway cache and the pane at its start position (tests, one-off frames).
    public func render(_ state: InspectorState) -> Buffer {
        var cache = ViewCache()
        var pane = PaneViewport()
        return render(state, pane: &pane, cache: &cache)
    }

    /// The notice shown when the terminal is below the minimum size.
    func drawTooSmall(into buffer: inout Buffer, layout: InspectorLayout) {
        let lines = [
            "Terminal too small",
            "\(layout.width)×\(layout.height), need \(InspectorLayout.minimumWidth)×\(InspectorLayout.minimumHeight)",
            "q quits",
        ]
        let top = max(0, (layout.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < layout.height {
            let x = max(0, (layout.width - DisplayWidth.of(line)) / 2)
            buffer.putClipped(line, x: x, y: top + offset, maxWidth: layout.width - x, style: offset == 0 ? Theme.error : .plain)
        }
    }

    /// The header: title, chain state, wall time, tokens and rate.
    func drawHeader(_ state: InspectorState, into buffer: inout Buffer) {
        let frame = Int((state.now.timeIntervalSinceReferenceDate * 10).rounded(.down))
        var left: [Span] = [
            Span(" runscope ", style: Theme.headerTitle),
            Span(" \(Sanitizer.sanitize(state.title))  "),
            Theme.chainState(state.chain, spinnerFrame: max(0, frame)),
        ]
        if let playback = state.playback {
            left.append(Span("  \(playback.label)", style: Theme.dim))
            if playback.skippedLines > 0 {
                left.append(Span("  \(playback.skippedLines) bad line\(playback.skippedLines == 1 ? "" : "s") skipped", style: Theme.dim))
            }
        }
        let rate = state.chain.isRunning ? state.tokensPerSecondNow : state.averageTokensPerSecond
        let right: [Span] = [
            Span(Format.duration(state.wallTime) + "  "),
            Span("\(Format.count(state.totalTokens)) tok  "),
            Span(CostText.format(state.forest.rollup).map { "\($0)  " } ?? ""),
            Span("\(Format.rate(rate)) tok/s "),
        ]
        StatusLine(left: left, right: right, style: Theme.header)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: buffer.width, height: 1))
    }

    /// The last row: the search prompt, the quit question, a message, or key hints.
    func drawBottomRow(_ state: InspectorState, into buffer: inout Buffer, y: Int) {
        let row = Rect(x: 0, y: y, width: buffer.width, height: 1)
        if state.search.editing {
            buffer.fill(row, with: .blank)
            buffer.put([Span("/", style: Theme.prompt), Span(state.search.query), Span("█", style: Theme.dim),
                        Span("   Enter done · Esc cancel", style: Theme.dim)],
                       x: 0, y: y, maxWidth: row.width, ellipsis: "…")
        } else if state.confirmingQuit {
            StatusLine(left: [Span(" The chain is still running. Quit and cancel it? (y/n) ", style: Theme.prompt)], style: .plain)
                .render(into: &buffer, area: row)
        } else if let request = state.approvals.first {
            let more = state.approvals.count > 1 ? " (\(state.approvals.count - 1) more waiting)" : ""
            buffer.fill(row, with: .blank)
            // The last notice (a bad edit, the call before) after the prompt, which must stay in view.
            let notice = state.message.map { [Span(" · " + $0, style: Theme.prompt)] } ?? []
            buffer.put([Span(" Run tool call? ", style: Theme.prompt), Span(request.summary),
                        Span("  Enter run · e edit · s skip\(more)", style: Theme.dim)] + notice,
                       x: 0, y: y, maxWidth: row.width, ellipsis: "…")
        } else if let message = state.message {
            StatusLine(left: [Span(" " + message, style: Theme.prompt)], style: .plain).render(into: &buffer, area: row)
        } else {
            let hints = KeyMap.hints.map { KeyHint($0.key, $0.label) }
            KeyBar(hints, style: Theme.keyBar).render(into: &buffer, area: row)
        }
    }

    /// The full help, centred over the screen.
    func drawHelp(into buffer: inout Buffer) {
        let entries = KeyMap.help
        let keyWidth = entries.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let lines = entries.map { $0.keys.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + $0.action }
        let width = min(buffer.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let height = min(buffer.height - 2, lines.count + 2)
        let area = Rect(x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
        buffer.fill(area, with: .blank)
        let inner = Border(title: "Keys", characters: .rounded, style: Theme.focusedBorder).render(into: &buffer, area: area)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            buffer.putClipped(" " + line, x: inner.x, y: inner.y + offset, maxWidth: inner.width)
        }
    }
}
