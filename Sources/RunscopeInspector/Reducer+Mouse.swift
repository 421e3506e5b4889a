/// The mouse: a click selects the row under it (on its fold marker, folds it) or picks
/// the tab under it; the wheel scrolls what is under the pointer (the tree or timeline
/// moves the selection, the pane scrolls its text). The geometry is the view's, from
/// ``InspectorLayout``: header row 0, boxes from row 1, the tree's rows from row 2 and
/// column 1, the pane's tab bar on row 2 and its text from row 4.
extension InspectorState {
    /// Rows one wheel step moves.
    static let wheelStep = 3

    mutating func handleMouse(_ input: MouseInput) -> [InspectorEffect] {
        guard layout.isUsable, !showsHelp, !confirmingQuit, !search.editing else { return [] }
        guard input.y >= 1, input.y <= layout.bodyHeight else { return [] }
        // The timeline's rows are the tree's rows, at the same heights.
        if input.x < layout.treeWidth || showsTimeline {
            treeMouse(input)
            return []
        }
        return paneMouse(input)
    }

    private mutating func treeMouse(_ input: MouseInput) {
        switch input.kind {
        case .wheelUp, .wheelDown:
            focus = input.x < layout.treeWidth ? .tree : focus
            for _ in 0..<Self.wheelStep { moveSelection(input.kind == .wheelUp ? .moveUp : .moveDown) }
        case .click:
            let line = input.y - 2
            guard line >= 0, line < layout.treeRows else { return }
            let row = treeOffset + line
            guard row < forest.rows.count else { return }
            let index = forest.rows[row]
            if input.x < layout.treeWidth { focus = .tree }
            userMoved()
            select(index)
            // The fold marker: two cells after the row's indent (two cells a level), inside the border.
            let marker = 1 + forest[index].depth * 2
            if input.x < layout.treeWidth, (marker...(marker + 1)).contains(input.x), !forest[index].children.isEmpty {
                forest.setExpanded(index, !forest[index].expanded)
            }
        }
    }

    private mutating func paneMouse(_ input: MouseInput) -> [InspectorEffect] {
        switch input.kind {
        case .wheelUp, .wheelDown:
            return [.scrollPane(.lines(input.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep))]
        case .click:
            focus = .pane
            guard input.y == 2, let node = selectedNode else { return [] }
            let column = input.x - (layout.treeWidth + 1)
            if let tab = PaneTab.at(column: column, titles: PaneTab.titles(for: node, width: layout.paneWidth - 2)) {
                selectTab(tab)
            }
            return []
        }
    }
}
