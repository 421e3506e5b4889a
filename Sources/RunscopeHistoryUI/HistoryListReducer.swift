import Foundation
import RunscopeHistory
import RunscopeInspector
import TerminalUI

/// Applies `action` to the history screen and returns what the app should do. Pure:
/// the pages come in actions, so paging, search and marks are testable without a database.
public func reduce(_ state: inout HistoryListState, _ action: HistoryListAction) -> [HistoryListEffect] {
    var effects: [HistoryListEffect] = []
    switch action {
    case .start:
        effects = state.reload()
    case .key(let key):
        effects = state.handleKey(key)
    case .resize(let width, let height):
        state.width = width
        state.height = height
        effects = state.loadMoreIfNeeded()
    case .loaded(let generation, let traces, let now):
        guard generation == state.generation else { return [] }
        state.append(traces, now: now)
        effects = state.loadMoreIfNeeded()
    case .failed(let text):
        state.loading = false
        state.exhausted = true
        state.failure = text
    case .notice(let text):
        state.message = text
    }
    state.list.scrollToSelection(visibleRows: state.visibleRows, count: state.traces.count)
    state.revision &+= 1
    return effects
}

extension HistoryListState {
    /// Drops what is loaded and asks for the first page of the current query.
    mutating func reload() -> [HistoryListEffect] {
        generation += 1
        traces = []
        cells = []
        widths = TraceTable.header.map(\.count)
        list = ListState()
        exhausted = false
        failure = nil
        loading = true
        return [.load(nextQuery)]
    }

    /// Adds a page: its cells, wider columns if need be; the first trace is selected when none was.
    mutating func append(_ page: [TraceSummary], now: Date) {
        loading = false
        exhausted = page.count < Self.pageSize
        let formatter = TraceTable.dateFormatter()
        let rows = page.map { TraceTable.cells($0, now: now, formatter: formatter) }
        traces += page
        cells += rows
        if !rows.isEmpty { widths = zip(widths, TraceTable.columnWidths(rows)).map { max($0, $1) } }
        if list.selected == nil, !traces.isEmpty { list.select(0, count: traces.count) }
    }

    /// Asks for the next page when the selection is within a screen of the last loaded trace.
    mutating func loadMoreIfNeeded() -> [HistoryListEffect] {
        guard !loading, !exhausted, let last = traces.indices.last else { return [] }
        guard (list.selected ?? 0) >= last - visibleRows else { return [] }
        loading = true
        return [.load(nextQuery)]
    }

    /// Handles one key: the help first, then the search prompt, then the list's commands.
    mutating func handleKey(_ key: Key) -> [HistoryListEffect] {
        if showsHelp {
            showsHelp = false
            return []
        }
        if draft != nil { return editSearch(key) }
        message = nil
        guard let command = HistoryKeys.command(for: key) else { return [] }
        return run(command)
    }

    /// Runs one list command.
    mutating func run(_ command: HistoryKeys.Command) -> [HistoryListEffect] {
        let count = traces.count
        switch command {
        case .moveUp: list.moveSelection(by: -1, count: count)
        case .moveDown: list.moveSelection(by: 1, count: count)
        case .pageUp: list.moveSelection(by: -visibleRows, count: count)
        case .pageDown: list.moveSelection(by: visibleRows, count: count)
        case .first: list.select(0, count: count)
        case .last: list.select(count - 1, count: count)
        case .open: return selectedTrace.map { [.open($0)] } ?? []
        case .mark: toggleMark()
        case .compare: return compare()
        case .search: draft = search ?? ""
        case .clearSearch: return clearFilters()
        case .cycleStatus: return cycleStatus()
        case .reload: return reload()
        case .help: showsHelp = true
        case .quit: return [.quit]
        }
        return loadMoreIfNeeded()
    }
}
