import Foundation
import RunscopeHistory
import RunscopeInspector
import TerminalUI

/// The diff split view's state: the aligned rows of a ``RunDiff`` as two trees side by
/// side, one selection shared by both sides, and the scroll of the lower pane (the
/// selected row's output word diff and errors). Changed only by ``reduce(_:_:)``.
public struct DiffSplitState: Sendable {
    public let diff: RunDiff
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// The selected row, the same on both sides.
    public internal(set) var list = ListState(selected: 0)
    /// First line of the lower pane shown.
    public internal(set) var paneOffset = 0
    public internal(set) var showsHelp = false
    public internal(set) var revision = 0

    /// The view of `diff` at the given size.
    public init(diff: RunDiff, width: Int, height: Int) {
        self.diff = diff
        self.width = width
        self.height = height
        if diff.rows.isEmpty { list = ListState() }
    }

    /// The selected row, if any.
    public var selectedRow: RunDiff.Row? { list.selected.flatMap { diff.rows.indices.contains($0) ? diff.rows[$0] : nil } }

    /// Rows of the trees shown: what the header, titles, key bar and lower pane leave.
    public var treeRows: Int { max(1, height - 3 - paneRows) }

    /// Lines of the lower pane, its title line included.
    public var paneRows: Int { max(4, (height - 3) * 2 / 5) }

    /// Row `index` as each side shows it: A's run on the left, B's on the right, nil for a gap.
    public func sides(_ index: Int) -> (a: DiffSideCell?, b: DiffSideCell?) {
        let row = diff.rows[index]
        return (row.a.map { DiffSideCell($0, depth: row.depth) }, row.b.map { DiffSideCell($0, depth: row.depth) })
    }

    /// The middle column of row `index`: the duration's change, or which side the run is only on.
    public func change(_ index: Int) -> String {
        let row = diff.rows[index]
        guard let a = row.a, let b = row.b else { return row.a == nil ? "only B" : "only A" }
        guard let x = a.durationMs, let y = b.durationMs else { return "" }
        return DiffFormat.signed(y - x)
    }

    /// Whether row `index` differs: a side missing, another status, another output.
    public func isChanged(_ index: Int) -> Bool {
        let row = diff.rows[index]
        return row.a == nil || row.b == nil || row.a?.status != row.b?.status || row.outputDiff != nil
    }
}

/// One side of an aligned row: what the tree shows of a run.
public struct DiffSideCell: Sendable, Equatable {
    public var depth: Int
    public var name: String
    public var status: String
    /// `612ms`, `1.05s` or `running`.
    public var duration: String
    /// `19`, or `-` for runs that are not models.
    public var tokens: String
    public var cost: String

    /// The cell of `run` at `depth`.
    public init(_ run: StoredRun, depth: Int) {
        self.depth = depth
        name = run.name
        status = run.status
        duration = DiffFormat.duration(run.durationMs)
        tokens = DiffFormat.tokens(run.tokens)
        cost = DiffFormat.cost(run.costUSD)
    }
}

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
    ]
}
