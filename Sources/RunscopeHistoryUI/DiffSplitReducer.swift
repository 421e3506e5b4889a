import RunscopeInspector
import TerminalUI

/// Everything that can change the diff split view.
public enum DiffSplitAction: Sendable {
    case key(Key)
    /// A click or a wheel step (where the terminal reports the mouse).
    case mouse(MouseInput)
    case resize(width: Int, height: Int)
}

/// Applies `action` to the diff view; returns true when the user leaves it (q, Esc).
public func reduce(_ state: inout DiffSplitState, _ action: DiffSplitAction) -> Bool {
    var leaves = false
    switch action {
    case .key(let key): leaves = state.handleKey(key)
    case .mouse(let input): state.handleMouse(input)
    case .resize(let width, let height):
        state.width = width
        state.height = height
    }
    state.list.scrollToSelection(visibleRows: state.treeRows, count: state.diff.rows.count)
    state.revision &+= 1
    return leaves
}
