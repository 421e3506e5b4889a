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
    case .mouse(let input):
        effects = state.handleMouse(input)
    case .resize(let width, let height):
        state.width = width
        state.height = height
        effects = state.loadMoreIfNeeded()
    case .loaded(let generation, let traces, let now):
        guard generation == state.generation else { return [] }
        state.append(traces, now: now)
        state.selectAgain()
        effects = state.loadMoreIfNeeded()
    case .loadedNewer(let generation, let traces, let now):
        guard generation == state.generation else { return [] }
        state.prepend(traces, now: now)
        effects = state.loadMoreIfNeeded()
    case .failed(let text):
        state.loading = false
        state.exhausted = true
        state.failure = text
    case .notice(let text):
        state.message = text
    case .historyChanged:
        effects = state.refresh()
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
        dropped = 0
        exhausted = false
        failure = nil
        loading = true
        return [.load(nextQuery)]
    }

    /// Reads the first page again, keeping the selected trace selected, when the list shows
    /// its top and no prompt or help is open (further down, new traces above do not matter yet).
    mutating func refresh() -> [HistoryListEffect] {
        guard draft == nil, !showsHelp, !loading, dropped == 0, (list.selected ?? 0) < visibleRows else { return [] }
        let keep = selectedTrace?.id
        let marks = marked
        let effects = reload()
        reselect = keep
        marked = marks
        return effects
    }

    /// After a refreshed page: selects the trace that was selected, if it is there.
    mutating func selectAgain() {
        guard let id = reselect else { return }
        reselect = nil
        if let index = traces.firstIndex(where: { $0.id == id }) { list.select(index, count: traces.count) }
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
        case .wheelUp: list.moveSelection(by: -Self.wheelStep, count: count)
        case .wheelDown: list.moveSelection(by: Self.wheelStep, count: count)
        case .first:
            if dropped > 0 { return reload() }
            list.select(0, count: count)
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
