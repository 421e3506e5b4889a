import Foundation
import RunscopeInspector
import RunscopePricing
import TerminalUI

/// Lines of pane content, produced on demand for the visible rows only.
struct PaneDocument {
    var lineCount: Int
    var line: (Int) -> StyledLine
}

/// The detail pane: tab bar, a summary row, then the scrolling content of the tab.
extension InspectorView {
    /// Draws the pane where `viewport` is scrolled, and keeps in it the lines drawn and the position resolved.
    func drawPane(_ state: InspectorState, viewport: inout PaneViewport, into buffer: inout Buffer, area: Rect, cache: inout ViewCache) {
        let focused = state.focus == .pane
        let node = state.selectedNode
        let title = node.map { "\($0.name)" } ?? "Details"
        let inner = Border(title: title, characters: .rounded, style: focused ? Theme.focusedBorder : Theme.border)
            .render(into: &buffer, area: area)
        guard inner.height >= 3, let node, let index = state.selected else { return }
        let titles = PaneTab.titles(for: node, width: inner.width)
        TabBar(titles: titles, selected: state.tab.rawValue, style: Theme.dim, selectedStyle: Style(fg: .default, bold: true, reverse: true))
            .render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1))
        buffer.put(summary(node, state: state), x: inner.x, y: inner.y + 1, maxWidth: inner.width, ellipsis: "…")
        let content = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        let pane = TextPane()
        let width = pane.contentWidth(for: content)
        let document = self.document(state.tab, index: index, state: state, width: width, cache: &cache)
        viewport.sync(with: state)
        var scroll = viewport.scroll
        pane.render(lineCount: document.lineCount, into: &buffer, area: content, state: &scroll) { document.line($0).text }
        viewport.drew(lineCount: document.lineCount, rows: content.height, scroll: scroll)
        for row in 0..<content.height where scroll.offset + row < document.lineCount {
            let style = document.line(scroll.offset + row).style
            if style != .plain { buffer.setStyle(Rect(x: content.x, y: content.y + row, width: width, height: 1), style) }
        }
        highlightMatches(state.search, document: document, from: scroll.offset, in: Rect(x: content.x, y: content.y, width: width, height: content.height), into: &buffer)
    }

    /// Marks every place the search query occurs in the visible lines (case-insensitive).
    func highlightMatches(_ search: SearchState, document: PaneDocument, from offset: Int, in area: Rect, into buffer: inout Buffer) {
        guard !search.query.isEmpty else { return }
        for row in 0..<area.height where offset + row < document.lineCount {
            let text = document.line(offset + row).text
            var rest = text.startIndex..<text.endIndex
            while let found = text.range(of: search.query, options: .caseInsensitive, range: rest), !found.isEmpty {
                let column = DisplayWidth.of(text[..<found.lowerBound])
                guard column < area.width else { break }
                let width = min(DisplayWidth.of(text[found]), area.width - column)
                buffer.setStyle(Rect(x: area.x + column, y: area.y + row, width: width, height: 1), Theme.searchMatch)
                rest = found.upperBound..<text.endIndex
            }
        }
    }

    /// The summary row of the selected tab.
    func summary(_ node: RunNode, state: InspectorState) -> [Span] {
        switch state.tab {
        case .stream where node.runType.isModel:
            var parts: [String] = []
            if let ttft = node.timeToFirstToken { parts.append("TTFT \(Format.precise(ttft))") }
            parts.append("\(Format.count(node.tokenCount)) tokens")
            if let rate = node.tokensPerSecond(now: state.now) { parts.append("\(Format.rate(rate)) tok/s") }
            if let reason = node.finishReason { parts.append("finish \(reason)") }
            if let usage = node.usage { parts.append("usage " + PaneText.usage(usage)) }
            if let cost = node.cost { parts.append(CostText.format(cost)) }
            return [Span(parts.joined(separator: " · "), style: Theme.label)]
        case .stream where node.runType != .tool:
            let tokens = node.streamSources.reduce(0) { $0 + state.forest[$1].tokenCount }
            let runs = node.streamSources.count == 1 ? "1 model run" : "\(node.streamSources.count) model runs"
            return [Span("\(runs) below · \(Format.count(tokens)) tokens", style: Theme.label)]
        default:
            let status = Theme.mark(node.status)
            return [status, Span(" \(node.runType.rawValue) · \(Format.duration(node.elapsed(now: state.now)))", style: Theme.label)]
        }
    }

    /// The content of `tab` for run `index`.
    func document(_ tab: PaneTab, index: Int, state: InspectorState, width: Int, cache: inout ViewCache) -> PaneDocument {
        let node = state.forest[index]
        if tab == .stream {
            if node.runType.isModel, node.tokenCount > 0 {
                let text = cache.stream(index, node: node, width: width)
                return PaneDocument(lineCount: text.lineCount) { StyledLine(text[$0]) }
            }
            if !node.runType.isModel, !node.streamSources.isEmpty {
                return chainStream(node, state: state, width: width, cache: &cache)
            }
        }
        let below = [node.descendantCount, node.activeDescendants, node.failedDescendants]
        let key = ViewCache.PageKey(node: index, tab: tab, version: node.version, width: width, below: below)
        if tab == .messages { return messages(index, key: key, state: state, width: width, cache: &cache) }
        let lines = cache.page(key) { PaneText.lines(tab, node: node, forest: state.forest, state: state, width: width) }
        return PaneDocument(lineCount: lines.count) { lines[$0] }
    }

    /// The Messages tab: the conversation's lines (rebuilt when the run, the runs below it or
    /// its latest model run change), then the tokens of the AI turn being streamed.
    func messages(_ index: Int, key: ViewCache.PageKey, state: InspectorState, width: Int, cache: inout ViewCache) -> PaneDocument {
        let forest = state.forest
        let node = forest[index]
        let latest = node.runType.isModel ? index : node.streamSources.last
        var key = key
        if let latest { key.below += [latest, forest[latest].version] }
        let lines = cache.page(key) { ChatText.lines(Conversation.of(index, in: forest), width: width) }
        guard let source = latest, forest[source].status.isActive, forest[source].tokenCount > 0,
              node.runType.isModel || node.status.isActive else {
            return PaneDocument(lineCount: lines.count) { lines[$0] }
        }
        let text = cache.stream(source, node: forest[source], width: width)
        return PaneDocument(lineCount: lines.count + text.lineCount) { line in
            line < lines.count ? lines[line] : StyledLine(text[line - lines.count])
        }
    }

    /// A chain's Stream tab: the streams of the model runs below it, one section each, in start order.
    func chainStream(_ node: RunNode, state: InspectorState, width: Int, cache: inout ViewCache) -> PaneDocument {
        var sections: [(header: String, style: Style, text: WrappedText?)] = []
        for source in node.streamSources {
            let model = state.forest[source]
            let branch = branchName(of: source, below: node, in: state.forest).map { " · \($0)" } ?? ""
            let header = "── \(model.name)\(branch) · \(PaneText.statusWord(model.status)) "
            let padded = header + String(repeating: "─", count: max(0, width - DisplayWidth.of(header)))
            let text = model.tokenCount > 0 ? cache.stream(source, node: model, width: width) : nil
            sections.append((padded, model.status.isFailure ? Theme.error : Theme.sectionTitle, text))
        }
        var starts: [Int] = []
        var total = 0
        for section in sections {
            starts.append(total)
            total += 1 + (section.text?.lineCount ?? 1) + 1
        }
        return PaneDocument(lineCount: total) { line in
            var low = 0
            var high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= line { low = mid } else { high = mid - 1 }
            }
            let section = sections[low]
            let offset = line - starts[low]
            if offset == 0 { return StyledLine(section.header, style: section.style) }
            guard let text = section.text else {
                return offset == 1 ? StyledLine("(no tokens yet)", style: Theme.dim) : StyledLine("")
            }
            return offset - 1 < text.lineCount ? StyledLine(text[offset - 1]) : StyledLine("")
        }
    }

    /// The key of the parallel branch (`map:key:NAME`) that holds `source`, looking up to `top`.
    func branchName(of source: Int, below top: RunNode, in forest: RunForest) -> String? {
        var current: Int? = source
        while let index = current, forest[index].id != top.id {
            if let tag = forest[index].tags.last(where: { $0.hasPrefix("map:key:") }) { return String(tag.dropFirst(8)) }
            current = forest[index].parent
        }
        return nil
    }
}
