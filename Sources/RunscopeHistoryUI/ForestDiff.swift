import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopeInspector

/// A step run again (`E`) compared with its original, from what the inspector shows:
/// both subtrees as the diff split view reads stored runs, so the comparison needs no
/// trip through the history (whose writer may not have flushed the rerun yet).
enum ForestDiff {
    /// The original run's subtree (side A) against the rerun's trace (side B).
    static func diff(_ forest: RunForest, original: Int, rerun: Int) -> RunDiff {
        let a = runs(forest, from: original)
        let b = runs(forest, from: rerun)
        return RunDiff(a: summary(forest, original, a), runsA: a, b: summary(forest, rerun, b), runsB: b)
    }

    /// The run at `index` and every run under it, in start order (depth first).
    static func runs(_ forest: RunForest, from index: Int) -> [StoredRun] {
        var result: [StoredRun] = []
        var stack = [index]
        while let next = stack.popLast() {
            result.append(stored(forest[next], position: result.count + 1, isRoot: next == index))
            stack.append(contentsOf: forest[next].children.reversed())
        }
        return result
    }

    /// One run as a stored run (the subtree's root without its parent, so it is a root).
    static func stored(_ node: RunNode, position: Int, isRoot: Bool) -> StoredRun {
        StoredRun(
            id: node.id.lowercasedString, parentId: isRoot ? nil : node.parentId?.lowercasedString,
            position: position, name: node.name, runType: node.runType.rawValue,
            status: SubtreeExport.statusName(node.status), start: node.startTime, end: node.endTime,
            outputText: outputText(node), error: node.error.map { "\($0.type): \($0.message)" },
            tokens: node.runType.isModel ? (node.usage?.totalTokens ?? node.tokenCount) : nil, costUSD: node.cost)
    }

    /// What the run produced as text: a model's answer, a retriever's documents, else the output.
    static func outputText(_ node: RunNode) -> String? {
        if node.runType.isModel, node.outputs == nil, !node.text.isEmpty { return node.text }
        guard let outputs = node.outputs else { return nil }
        if case .array(let items) = outputs {
            let documents = items.compactMap { item -> Document? in if case .document(let d) = item { d } else { nil } }
            if !items.isEmpty, documents.count == items.count { return documents.map(\.pageContent).joined(separator: "\n") }
        }
        return StoredRun.text(of: outputs)
    }

    /// The header line of one side.
    static func summary(_ forest: RunForest, _ index: Int, _ runs: [StoredRun]) -> TraceSummary {
        let node = forest[index]
        let tokens = runs.compactMap(\.tokens).reduce(0, +)
        let costs = runs.compactMap(\.costUSD)
        return TraceSummary(
            id: node.id.lowercasedString, name: node.name, status: SubtreeExport.statusName(node.status),
            start: node.startTime, end: node.endTime,
            durationMs: node.endTime.map { Int(($0.timeIntervalSince(node.startTime) * 1000).rounded()) },
            runs: runs.count, tokens: tokens, costUSD: costs.isEmpty ? nil : costs.reduce(0, +), source: "run", events: 0)
    }
}
