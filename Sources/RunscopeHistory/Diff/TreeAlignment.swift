/// A tree of items to align (a run and the runs under it, in start order).
public struct DiffTree<Item: Sendable>: Sendable {
    public var item: Item
    public var children: [DiffTree<Item>]

    /// A node with its children.
    public init(_ item: Item, children: [DiffTree<Item>] = []) {
        self.item = item
        self.children = children
    }
}

/// One row of two aligned trees: both sides, or only one (`only in A` / `only in B`).
public struct AlignedRow<Item: Sendable>: Sendable {
    public var depth: Int
    public var a: Item?
    public var b: Item?
}

/// Aligns two trees: the roots with each other, then, level by level, the children of
/// matched nodes by the longest common subsequence of their keys (a run's name and type),
/// so that equal steps pair up by position and an inserted or removed step stands alone.
public enum TreeAlignment {
    /// The rows, depth first; unmatched nodes come with their whole subtree on one side,
    /// A's before B's where both sides have some between two matches.
    public static func align<Item>(_ a: [DiffTree<Item>], _ b: [DiffTree<Item>], key: (Item) -> String) -> [AlignedRow<Item>] {
        var rows: [AlignedRow<Item>] = []
        if a.count == 1, b.count == 1 {
            pair(a[0], b[0], depth: 0, key: key, into: &rows)
        } else {
            siblings(a, b, depth: 0, key: key, into: &rows)
        }
        return rows
    }

    private static func pair<Item>(_ a: DiffTree<Item>, _ b: DiffTree<Item>, depth: Int, key: (Item) -> String, into rows: inout [AlignedRow<Item>]) {
        rows.append(AlignedRow(depth: depth, a: a.item, b: b.item))
        siblings(a.children, b.children, depth: depth + 1, key: key, into: &rows)
    }

    private static func siblings<Item>(_ a: [DiffTree<Item>], _ b: [DiffTree<Item>], depth: Int, key: (Item) -> String, into rows: inout [AlignedRow<Item>]) {
        let matches = LongestCommonSubsequence.pairs(a.map { key($0.item) }, b.map { key($0.item) })
        var i = 0, j = 0
        for (mi, mj) in matches + [(a.count, b.count)] {
            while i < mi { only(a[i], depth: depth, inA: true, into: &rows); i += 1 }
            while j < mj { only(b[j], depth: depth, inA: false, into: &rows); j += 1 }
            if mi < a.count, mj < b.count { pair(a[mi], b[mj], depth: depth, key: key, into: &rows) }
            i = mi + 1
            j = mj + 1
        }
    }

    private static func only<Item>(_ node: DiffTree<Item>, depth: Int, inA: Bool, into rows: inout [AlignedRow<Item>]) {
        rows.append(AlignedRow(depth: depth, a: inA ? node.item : nil, b: inA ? nil : node.item))
        for child in node.children { only(child, depth: depth + 1, inA: inA, into: &rows) }
    }
}
