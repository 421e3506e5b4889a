import Foundation
import RunscopeCore
import RunscopePricing

/// The runs seen so far as a forest (roots in start order, children in start
/// order) plus the flattened list of visible rows.
///
/// Runs are kept in an array and referred to by index; indices never change.
/// Per-token work is O(1); a run start is O(depth) and usually appends its row
/// directly, otherwise the row list is rebuilt once (``ensureRows()``).
public struct RunForest: Sendable {
    /// Every run, in the order first seen.
    public private(set) var nodes: [RunNode] = []
    /// Root indices in start order.
    public private(set) var roots: [Int] = []
    /// Node indices of the visible rows, top to bottom.
    public private(set) var rows: [Int] = []
    /// Row of each node, or -1 when hidden under a collapsed run.
    private var rowOf: [Int] = []
    private var rowsDirty = false
    private var indexById: [UUID: Int] = [:]
    /// Runs whose parent was not seen yet, by that parent's id.
    private var orphans: [UUID: [Int]] = [:]
    private var startedInTrace: [Int: Int] = [:]
    /// Whether runs tagged `langsmith:hidden` (and the runs below them) get rows.
    public internal(set) var showsHidden = false
    /// Which runs the tree shows (`F`); while one is set, every batch of events rebuilds the rows.
    public internal(set) var filter: RunFilter = .all
    /// For the models filter: whether a model run is at or under each run (made with the rows).
    var modelBelow: [Bool] = []
    /// The number of runs tagged `langsmith:hidden`.
    public private(set) var hiddenCount = 0

    /// What model runs cost (their ``RunNode/cost`` and the rollups).
    public let prices: PriceTable
    /// Usage and cost over every run seen.
    public private(set) var rollup = Rollup()

    /// An empty forest pricing model runs with `prices`.
    public init(prices: PriceTable = .builtIn) {
        self.prices = prices
    }

    /// The number of runs.
    public var count: Int { nodes.count }

    /// The run with index `index`.
    public subscript(index: Int) -> RunNode { nodes[index] }

    /// The index of the run with id `id`.
    public func index(of id: UUID) -> Int? { indexById[id] }

    /// The row showing node `index`, or nil when it is hidden.
    public func row(of index: Int) -> Int? {
        guard index >= 0, index < rowOf.count, rowOf[index] >= 0, !rowsDirty else { return nil }
        return rowOf[index]
    }

    /// Mutates one run (no structural change).
    mutating func update(_ index: Int, _ body: (inout RunNode) -> Void) {
        body(&nodes[index])
    }

    /// The root of the tree holding `index`.
    public func root(of index: Int) -> Int {
        var current = index
        while let parent = nodes[current].parent { current = parent }
        return current
    }

    /// Whether `ancestor` is `index` or above it.
    public func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        var current: Int? = index
        while let node = current {
            if node == ancestor { return true }
            current = nodes[node].parent
        }
        return false
    }

    /// The parents of `index`, nearest first.
    public func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = nodes[index].parent
        while let node = current {
            result.append(node)
            current = nodes[node].parent
        }
        return result
    }

    /// Adds a run; returns its index. Its parent, if seen, gets it as last child;
    /// otherwise it is a root until that parent shows up.
    mutating func add(_ node: RunNode) -> Int {
        let index = nodes.count
        var node = node
        if let parentId = node.parentId, let parent = indexById[parentId] {
            node.parent = parent
            node.depth = nodes[parent].depth + 1
        }
        if node.isHidden { hiddenCount += 1 }
        nodes.append(node)
        rowOf.append(-1)
        indexById[node.id] = index
        if let parent = node.parent {
            nodes[parent].children.append(index)
            adjustAncestors(of: index, count: 1, active: node.status.isActive ? 1 : 0, failed: 0)
            if node.runType.isModel { addStreamSource(index) }
        } else {
            roots.append(index)
            if let parentId = node.parentId { orphans[parentId, default: []].append(index) }
        }
        let root = self.root(of: index)
        startedInTrace[root, default: 0] += 1
        nodes[index].executionOrder = startedInTrace[root]!
        adoptOrphans(of: index)
        placeRow(index)
        return index
    }

    /// Adds `count`, `active` and `failed` to the counts of every run above `index`.
    mutating func adjustAncestors(of index: Int, count: Int, active: Int, failed: Int) {
        var current = nodes[index].parent
        while let node = current {
            nodes[node].descendantCount += count
            nodes[node].activeDescendants += active
            nodes[node].failedDescendants += failed
            current = nodes[node].parent
        }
    }

    /// The price model run `index` was charged at, if its model has one.
    public func price(of index: Int) -> ModelPrice? {
        nodes[index].priceEntry.map { prices.entries[$0] }
    }

    /// Adds model run `index`'s usage and cost (nil `priced`: its model has no price) to its
    /// own rollup, every run above it and the forest's.
    mutating func account(_ usage: UsageMetadata, of index: Int, priced: (entry: Int, dollars: Double)?) {
        let cost = priced?.dollars
        nodes[index].priceEntry = priced?.entry
        nodes[index].cost = cost
        nodes[index].rollup.add(usage: usage, cost: cost)
        rollup.add(usage: usage, cost: cost)
        var current = nodes[index].parent
        while let node = current {
            nodes[node].rollup.add(usage: usage, cost: cost)
            current = nodes[node].parent
        }
    }

    /// Records model run `index` as a stream source of every run above it.
    private mutating func addStreamSource(_ index: Int) {
        var current = nodes[index].parent
        while let node = current {
            nodes[node].streamSources.append(index)
            current = nodes[node].parent
        }
    }

    /// Moves runs that were waiting for `index` (their parent) under it.
    private mutating func adoptOrphans(of index: Int) {
        guard let waiting = orphans.removeValue(forKey: nodes[index].id) else { return }
        roots.removeAll { waiting.contains($0) }
        nodes[index].children.insert(contentsOf: waiting, at: 0)
        for child in waiting {
            nodes[child].parent = index
            setDepth(child, nodes[index].depth + 1)
            let node = nodes[child]
            adjustAncestors(
                of: child, count: node.descendantCount + 1,
                active: node.activeDescendants + (node.status.isActive ? 1 : 0),
                failed: node.failedDescendants + (node.status.isFailure ? 1 : 0))
            if !node.rollup.isEmpty { for ancestor in ancestors(of: child) { nodes[ancestor].rollup.add(node.rollup) } }
            var models = nodes[child].streamSources
            if node.runType.isModel { models.insert(child, at: 0) }
            for ancestor in ancestors(of: child) { nodes[ancestor].streamSources.insert(contentsOf: models, at: 0) }
        }
        rowsDirty = true
    }

    /// Sets the depth of `index` and its subtree.
    private mutating func setDepth(_ index: Int, _ depth: Int) {
        var stack = [(index, depth)]
        while let (node, level) = stack.popLast() {
            nodes[node].depth = level
            for child in nodes[node].children { stack.append((child, level + 1)) }
        }
    }

    // MARK: row storage (used by RunForest+Rows.swift)

    mutating func setRow(_ index: Int, _ row: Int) { rowOf[index] = row }
    mutating func appendRow(_ index: Int) { rows.append(index) }
    mutating func replaceRows(_ fresh: [Int]) {
        rows = fresh
        rowsDirty = false
    }
    var rowsAreStale: Bool { rowsDirty }
    mutating func markRowsStale() { rowsDirty = true }
}
