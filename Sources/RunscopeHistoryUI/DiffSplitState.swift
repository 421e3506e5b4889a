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
