import RunscopeInspector
import TerminalUI

/// Everything that can change the diff split view.
public enum DiffSplitAction: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
}

/// Applies `action` to the diff view; returns true when the user leaves it (q, Esc).
public func reduce(_ state: inout DiffSplitState, _ action: DiffSplitAction) -> Bool {
    var leaves = false
    switch action {
    case .key(let key): leaves = state.handleKey(key)
    case .resize(let width, let height):
        state.width = width
        state.height = height
    }
    state.list.scrollToSelection(visibleRows: state.treeRows, count: state.diff.rows.count)
    state.revision &+= 1
    return leaves
}
