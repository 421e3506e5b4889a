import Foundation

/// Two traces compared run by run: their trees aligned (`TreeAlignment`), and for
/// runs on both sides whose outputs differ, a word-level diff (`WordDiff`).
public struct RunDiff: Sendable {
    /// One aligned row.
    public struct Row: Sendable {
        public var depth: Int
        public var a: StoredRun?
        public var b: StoredRun?
        /// The output's word diff, when both sides have an output and they differ.
        public var outputDiff: [WordDiff.Piece]?

        /// `both`, `only_a` or `only_b`.
        public var match: String { a == nil ? "only_b" : (b == nil ? "only_a" : "both") }
        /// The run's name (from A when on both sides).
        public var name: String { (a ?? b)?.name ?? "" }
    }

    public var a: TraceSummary
    public var b: TraceSummary
    public var rows: [Row]

    /// Compares trace `a` (its runs `runsA`) with `b`.
    public init(a: TraceSummary, runsA: [StoredRun], b: TraceSummary, runsB: [StoredRun]) {
        self.a = a
        self.b = b
        let aligned = TreeAlignment.align(Self.forest(runsA), Self.forest(runsB)) { "\($0.runType) \($0.name)" }
        rows = aligned.map { row in
            var diff: [WordDiff.Piece]?
            if let x = row.a?.outputText, let y = row.b?.outputText, x != y { diff = WordDiff.diff(x, y) }
            return Row(depth: row.depth, a: row.a, b: row.b, outputDiff: diff)
        }
    }

    /// The runs as trees: children under their parents in start order; runs whose parent
    /// is not in the list are roots.
    static func forest(_ runs: [StoredRun]) -> [DiffTree<StoredRun>] {
        let ids = Set(runs.map(\.id))
        var children: [String: [StoredRun]] = [:]
        var roots: [StoredRun] = []
        for run in runs.sorted(by: { $0.position < $1.position }) {
            if let parent = run.parentId, ids.contains(parent), parent != run.id {
                children[parent, default: []].append(run)
            } else {
                roots.append(run)
            }
        }
        func build(_ run: StoredRun, _ depth: Int) -> DiffTree<StoredRun> {
            DiffTree(run, children: depth > 200 ? [] : (children[run.id] ?? []).map { build($0, depth + 1) })
        }
        return roots.map { build($0, 0) }
    }

    /// Rows with something different: a side missing, another status, or another output.
    public var changedRows: Int {
        rows.filter { $0.a == nil || $0.b == nil || $0.a?.status != $0.b?.status || $0.outputDiff != nil }.count
    }
}
