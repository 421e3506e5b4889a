import Foundation
import RunscopeHistory
import TerminalUI

/// The window of loaded traces: pages added below or above as the selection nears an end,
/// and at most ``HistoryListState/maxLoaded`` kept, so scrolling a long history never
/// holds it all. The selection and scroll stay on the same trace when pages come or go.
extension HistoryListState {
    /// Adds a page below: its cells, wider columns if need be; the first trace is selected when none was.
    mutating func append(_ page: [TraceSummary], now: Date) {
        loading = false
        exhausted = page.count < Self.pageSize
        let rows = cells(of: page, now: now)
        traces += page
        cells += rows
        if list.selected == nil, !traces.isEmpty { list.select(0, count: traces.count) }
        let excess = traces.count - Self.maxLoaded
        guard excess > 0 else { return }
        traces.removeFirst(excess)
        cells.removeFirst(excess)
        dropped += excess
        shift(by: -excess)
    }

    /// Adds a page above (the one just newer than the first loaded trace).
    mutating func prepend(_ page: [TraceSummary], now: Date) {
        loading = false
        traces = page + traces
        cells = cells(of: page, now: now) + cells
        dropped = page.count < Self.pageSize ? 0 : max(0, dropped - page.count)
        shift(by: page.count)
        let excess = traces.count - Self.maxLoaded
        guard excess > 0 else { return }
        traces.removeLast(excess)
        cells.removeLast(excess)
        exhausted = false
    }

    /// Asks for the next page when the selection is within a screen of the last loaded
    /// trace, or for the page above when it is within a screen of the first and that was dropped.
    mutating func loadMoreIfNeeded() -> [HistoryListEffect] {
        guard !loading, let last = traces.indices.last else { return [] }
        let selected = list.selected ?? 0
        if !exhausted, selected >= last - visibleRows {
            loading = true
            return [.load(nextQuery)]
        }
        if dropped > 0, selected < visibleRows {
            loading = true
            return [.load(previousQuery)]
        }
        return []
    }

    /// The cells of a page as `runscope runs` prints them; the columns widen to fit.
    private mutating func cells(of page: [TraceSummary], now: Date) -> [[String]] {
        let formatter = TraceTable.dateFormatter()
        let rows = page.map { TraceTable.cells($0, now: now, formatter: formatter) }
        if !rows.isEmpty { widths = zip(widths, TraceTable.columnWidths(rows)).map { max($0, $1) } }
        return rows
    }

    /// Moves the selection and the scroll by `delta` rows (the rows above them came or went).
    private mutating func shift(by delta: Int) {
        list.selected = list.selected.map { max(0, $0 + delta) }
        list.offset = max(0, list.offset + delta)
    }
}
