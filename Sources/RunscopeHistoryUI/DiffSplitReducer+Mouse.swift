import RunscopeInspector

/// The mouse on the diff split view: a click on a row selects it on both sides, the wheel
/// moves the selection three rows over the trees and scrolls the output diff over the
/// lower pane. The geometry is the view's: header row 0, titles row 1, rows from row 2
/// (``DiffSplitState/treeRows`` of them), then the pane's title and text (``DiffSplitView``).
extension DiffSplitState {
    /// Rows one wheel step moves.
    static let wheelStep = 3

    /// One mouse action; nothing while the help is open.
    mutating func handleMouse(_ input: MouseInput) {
        guard !showsHelp else { return }
        let before = list.selected, count = diff.rows.count
        let overPane = input.y >= 2 + treeRows
        switch input.kind {
        case .wheelUp where overPane: paneOffset = max(0, paneOffset - Self.wheelStep)
        case .wheelDown where overPane: paneOffset += Self.wheelStep
        case .wheelUp: list.moveSelection(by: -Self.wheelStep, count: count)
        case .wheelDown: list.moveSelection(by: Self.wheelStep, count: count)
        case .click:
            let line = input.y - 2
            guard line >= 0, line < treeRows, list.offset + line < count else { return }
            list.select(list.offset + line, count: count)
        }
        if list.selected != before { paneOffset = 0 }
    }
}
