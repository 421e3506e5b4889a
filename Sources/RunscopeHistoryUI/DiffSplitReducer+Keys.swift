import RunscopeInspector
import TerminalUI

/// The diff split view's keys: moving, jumping to changes, scrolling the lower pane, leaving.
extension DiffSplitState {
    /// One key: the help closes on any key; moving moves both trees and resets the lower pane.
    mutating func handleKey(_ key: Key) -> Bool {
        if showsHelp {
            showsHelp = false
            return false
        }
        let count = diff.rows.count, before = list.selected
        switch key {
        case .char("q"), .escape, .ctrlC: return true
        case .up, .char("k"): list.moveSelection(by: -1, count: count)
        case .down, .char("j"): list.moveSelection(by: 1, count: count)
        case .pageUp: list.moveSelection(by: -treeRows, count: count)
        case .pageDown: list.moveSelection(by: treeRows, count: count)
        case .home, .char("g"): list.select(0, count: count)
        case .end, .char("G"): list.select(count - 1, count: count)
        case .char("n"): selectChanged(forward: true)
        case .char("N"): selectChanged(forward: false)
        case .char("J"): paneOffset += 1
        case .char("K"): paneOffset = max(0, paneOffset - 1)
        case .char("?"): showsHelp = true
        default: break
        }
        if list.selected != before { paneOffset = 0 }
        return false
    }

    /// `n` / `N`: the next (previous) row that differs.
    mutating func selectChanged(forward: Bool) {
        let start = list.selected ?? -1
        let candidates = forward ? Array(diff.rows.indices.filter { $0 > start }) : diff.rows.indices.filter { $0 < start }.reversed()
        if let found = candidates.first(where: isChanged) { list.select(found, count: diff.rows.count) }
    }

    /// Key and description pairs for the help.
    public static let help: [(keys: String, action: String)] = [
        ("↑ ↓  k j", "move the selection (both trees move together)"),
        ("PgUp PgDn", "move a page"),
        ("Home End  g G", "first / last row"),
        ("n  N", "next / previous row that differs"),
        ("J  K", "scroll the output diff below"),
        ("q  Esc", "quit (back to the history when opened from it)"),
        ("?", "this help (any key closes it)"),
        ("click  wheel", "select a row; move, or scroll the output diff below"),
    ]
}
