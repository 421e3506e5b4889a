/// The flattened list of visible rows: kept up to date by appends when a run
/// starts at the end of the list, rebuilt otherwise.
extension RunForest {
    /// Whether every run above `index` is expanded (and none of them, nor it, hidden while hidden runs are not shown).
    public func isRevealed(_ index: Int) -> Bool {
        guard isShown(index) else { return false }
        var current = nodes[index].parent
        while let node = current {
            if !nodes[node].expanded { return false }
            current = nodes[node].parent
        }
        return true
    }

    /// Whether `index` may have a row: it passes the filter, and hidden runs are shown, or
    /// neither it nor a run above it is hidden.
    public func isShown(_ index: Int) -> Bool {
        if filter != .all, !passesFilter(index) { return false }
        if showsHidden || hiddenCount == 0 { return true }
        var current: Int? = index
        while let node = current {
            if nodes[node].isHidden { return false }
            current = nodes[node].parent
        }
        return true
    }

    /// Whether the run passes the filter (a run the models filter has not yet looked at
    /// passes if it is a model; the next rebuild looks again).
    func passesFilter(_ index: Int) -> Bool {
        let below = index < modelBelow.count ? modelBelow[index] : nodes[index].runType.isModel
        return filter.passes(nodes[index], hasModelBelow: below)
    }

    /// Sets which runs the tree shows.
    mutating func setFilter(_ filter: RunFilter) {
        guard self.filter != filter else { return }
        self.filter = filter
        modelBelow = []
        markRowsStale()
    }

    /// Marks, for the models filter, every run with a model run at or under it. O(runs).
    mutating func markModels() {
        modelBelow = Array(repeating: false, count: nodes.count)
        for index in nodes.indices where nodes[index].runType.isModel {
            var current: Int? = index
            while let node = current, !modelBelow[node] {
                modelBelow[node] = true
                current = nodes[node].parent
            }
        }
    }

    /// Shows or hides the runs tagged `langsmith:hidden`.
    mutating func setShowsHidden(_ shows: Bool) {
        guard showsHidden != shows else { return }
        showsHidden = shows
        markRowsStale()
    }

    /// Gives a new run its row: appended when it belongs at the end, else a rebuild is due.
    mutating func placeRow(_ index: Int) {
        guard filter == .all else {
            markRowsStale()  // whether it or its ancestors pass may change with it
            return
        }
        guard !rowsAreStale, isRevealed(index) else { return }
        let belongsAtEnd: Bool
        if let parent = nodes[index].parent {
            belongsAtEnd = rows.last.map { isAncestor(parent, of: $0) } ?? false
        } else {
            belongsAtEnd = true
        }
        guard belongsAtEnd else {
            markRowsStale()
            return
        }
        setRow(index, rows.count)
        appendRow(index)
    }

    /// Rebuilds the row list if a change made it stale. O(visible rows).
    public mutating func ensureRows() {
        guard rowsAreStale else { return }
        if filter == .models { markModels() }
        for row in rows { setRow(row, -1) }
        var fresh: [Int] = []
        fresh.reserveCapacity(rows.count + 16)
        var stack = roots.reversed() as [Int]
        let hiding = !showsHidden && hiddenCount > 0
        while let node = stack.popLast() {
            if hiding && nodes[node].isHidden { continue }
            if filter != .all, !passesFilter(node) { continue }
            setRow(node, fresh.count)
            fresh.append(node)
            if nodes[node].expanded { stack.append(contentsOf: nodes[node].children.reversed()) }
        }
        replaceRows(fresh)  // also clears the stale flag
    }

    /// Marks the row list stale (after expanding or collapsing).
    mutating func invalidateRows() { markRowsStale() }

    /// Expands or collapses one run.
    mutating func setExpanded(_ index: Int, _ expanded: Bool) {
        guard nodes[index].expanded != expanded else { return }
        update(index) { $0.expanded = expanded }
        if !nodes[index].children.isEmpty { markRowsStale() }
    }

    /// Expands or collapses every run that has children.
    mutating func setAllExpanded(_ expanded: Bool) {
        for index in nodes.indices where !nodes[index].children.isEmpty && nodes[index].expanded != expanded {
            update(index) { $0.expanded = expanded }
        }
        markRowsStale()
    }

    /// Expands every run above `index` so it has a row.
    mutating func reveal(_ index: Int) {
        for ancestor in ancestors(of: index) where !nodes[ancestor].expanded {
            update(ancestor) { $0.expanded = true }
            markRowsStale()
        }
    }

    /// Every run in display order as if all were expanded (for search); hidden
    /// runs and the runs below them only while hidden runs are shown.
    public func depthFirstOrder() -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        var stack = roots.reversed() as [Int]
        let hiding = !showsHidden && hiddenCount > 0
        while let node = stack.popLast() {
            if hiding && nodes[node].isHidden { continue }
            if filter != .all, !passesFilter(node) { continue }
            order.append(node)
            stack.append(contentsOf: nodes[node].children.reversed())
        }
        return order
    }
}
