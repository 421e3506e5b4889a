/// Moving in the tree and scrolling the pane.
extension InspectorState {
    /// Up/down/page/first/last in the tree; any move ends follow mode.
    mutating func moveSelection(_ command: InspectorCommand) {
        let rows = forest.rows
        guard !rows.isEmpty else { return }
        let current = selected.flatMap { forest.row(of: $0) } ?? 0
        let page = max(1, layout.treeRows - 1)
        let target: Int
        switch command {
        case .moveUp: target = current - 1
        case .moveDown: target = current + 1
        case .pageUp: target = current - page
        case .pageDown: target = current + page
        case .first: target = 0
        default: target = rows.count - 1
        }
        userMoved()
        select(rows[min(max(0, target), rows.count - 1)])
    }

    /// Right/l: expands a collapsed run, or steps into the first child.
    mutating func expandOrEnter() {
        guard let current = selected else { return }
        let node = forest[current]
        guard let first = node.children.first else { return }
        userMoved()
        if node.expanded {
            select(first)
        } else {
            forest.setExpanded(current, true)
        }
    }

    /// Left/h: collapses an expanded run, or goes to the parent.
    mutating func collapseOrLeave() {
        guard let current = selected else { return }
        let node = forest[current]
        userMoved()
        if node.expanded && !node.children.isEmpty {
            forest.setExpanded(current, false)
        } else if let parent = node.parent {
            select(parent)
        }
    }

    /// Enter/Space: expands or collapses the selected run.
    mutating func toggleSelected() {
        guard let current = selected, !forest[current].children.isEmpty else { return }
        userMoved()
        forest.setExpanded(current, !forest[current].expanded)
    }

    /// `E`: collapses everything; the selection moves to its root.
    mutating func collapseAll() {
        forest.setAllExpanded(false)
        if let current = selected {
            userMoved()
            select(forest.root(of: current))
        }
    }

    /// The user took over: follow mode ends (until `f`).
    mutating func userMoved() {
        if follow { message = "Follow mode off (f to follow again)" }
        follow = false
    }

    /// How a movement key scrolls the detail pane when it has the focus.
    static func paneScroll(_ command: InspectorCommand) -> PaneScroll {
        switch command {
        case .moveUp: .lines(-1)
        case .moveDown: .lines(1)
        case .pageUp: .pages(-1)
        case .pageDown: .pages(1)
        case .first: .top
        default: .end
        }
    }
}
