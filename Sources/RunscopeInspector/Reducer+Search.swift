/// Searching runs: `/` opens the prompt, typing jumps to the first match (by name first),
/// `n`/`N` move between matches. A run matches by its name, else by what it streamed, its input, its
/// output or its error (`SearchMatch`); a jump to such a match opens the tab that shows it.
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

    /// The number of runs that match.
    func matchCount() -> Int {
        forest.nodes.indices.reduce(0) { $0 + (forest.isShown($1) && search.match(in: forest[$1]) != nil ? 1 : 0) }
    }

    /// Selects the next (or previous) matching run in tree order, wrapping, expanding its
    /// ancestors. While typing (`includingCurrent`) a run whose name matches comes first,
    /// then one whose content does; `n`/`N` step through every match in order. O(runs).
    mutating func jumpToMatch(forward: Bool, includingCurrent: Bool) {
        guard !search.query.isEmpty, forest.count > 0 else { return }
        let order = forest.depthFirstOrder()
        let position = selected.flatMap { current in order.firstIndex(of: current) } ?? 0
        let count = order.count
        let first = includingCurrent ? 0 : 1
        let candidates = (first..<(count + first)).lazy.map { step in
            order[((position + (forward ? step : -step)) % count + count) % count]
        }
        let byName = includingCurrent ? candidates.first { search.matches(forest[$0].name) } : nil
        guard let found = byName ?? candidates.first(where: { search.match(in: forest[$0]) != nil }),
              let match = search.match(in: forest[found])
        else {
            message = "No run matches \"\(search.query)\""
            return
        }
        userMoved()
        revealAndSelect(found)
        if let tab = match.tab {
            selectTab(tab)
            message = "\"\(search.query)\" in the \(tab.title) of \(forest[found].name)"
        }
    }
}
