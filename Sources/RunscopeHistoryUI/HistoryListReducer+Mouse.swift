import RunscopeInspector

/// The mouse on the history list: a click selects the trace under it (a click on the
/// selected trace opens it, as Enter does; a click on the mark column marks it, as `m`
/// does), the wheel moves the selection three rows. The geometry is the view's: header
/// row 0, column titles row 1, traces from row 2 (``HistoryListView``).
extension HistoryListState {
    /// Rows one wheel step moves.
    static let wheelStep = 3
    /// Columns of the mark (`A `, `B `) at the left of each row.
    static let markColumns = 2

    /// One mouse action; nothing while the help or the search prompt is open.
    mutating func handleMouse(_ input: MouseInput) -> [HistoryListEffect] {
        guard !showsHelp, draft == nil else { return [] }
        message = nil
        switch input.kind {
        case .wheelUp: return run(.wheelUp)
        case .wheelDown: return run(.wheelDown)
        case .click:
            guard let row = trace(at: input.y) else { return [] }
            if input.x < Self.markColumns {
                list.select(row, count: traces.count)
                return run(.mark)
            }
            if list.selected == row { return run(.open) }
            list.select(row, count: traces.count)
            return loadMoreIfNeeded()
        }
    }

    /// The index of the trace drawn on screen row `y`, if one is.
    func trace(at y: Int) -> Int? {
        let line = y - 2
        guard line >= 0, line < visibleRows else { return nil }
        let row = list.offset + line
        return row < traces.count ? row : nil
    }
}
