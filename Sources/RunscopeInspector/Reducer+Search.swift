/// Searching run names: `/` opens the prompt, typing jumps to the first match, `n`/`N` move between matches.
extension InspectorState {
    /// A key while the search prompt is open.
    mutating func editSearch(_ key: Key) {
        switch key {
        case .enter:
            search.editing = false
            if search.query.isEmpty { return }
            let count = matchCount()
            let matches = count == 1 ? "1 run matches" : "\(count) runs match"
            message = count == 0 ? "No run matches \"\(search.query)\"" : "\(matches) \"\(search.query)\" (n/N: next/previous)"
        case .escape, .ctrlC:
            search.editing = false
        case .backspace, .delete:
            if !search.query.isEmpty { search.query.removeLast() }
            jumpFromOrigin()
        case .char(let c):
            search.query.append(c)
            jumpFromOrigin()
        default:
            break
        }
    }

    /// Jumps to the first match at or after where the search began.
    mutating func jumpFromOrigin() {
        if let origin = search.origin, forest.row(of: origin) != nil, selected != origin { select(origin) }
        jumpToMatch(forward: true, includingCurrent: true)
    }

    /// The number of runs whose name matches.
    func matchCount() -> Int {
        forest.nodes.indices.reduce(0) { $0 + (search.matches(forest[$1].name) && forest.isShown($1) ? 1 : 0) }
    }

    /// Selects the next (or previous) matching run in tree order, wrapping,
    /// expanding its ancestors. O(runs).
    mutating func jumpToMatch(forward: Bool, includingCurrent: Bool) {
        guard !search.query.isEmpty, forest.count > 0 else { return }
        let order = forest.depthFirstOrder()
        let position = selected.flatMap { current in order.firstIndex(of: current) } ?? 0
        let count = order.count
        let first = includingCurrent ? 0 : 1
        for step in first..<(count + first) {
            let offset = forward ? step : -step
            let candidate = order[((position + offset) % count + count) % count]
            guard search.matches(forest[candidate].name) else { continue }
            userMoved()
            forest.reveal(candidate)
            forest.ensureRows()
            select(candidate)
            return
        }
        message = "No run matches \"\(search.query)\""
    }
}
