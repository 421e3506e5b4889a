import Foundation

/// Where a trace's time went: each run's self time (its time not covered by any child),
/// and the critical path, the runs that decided when the whole ended. From the top run's
/// end it goes back through the child that finished last, then, before that child began,
/// the child that finished last by then, and so on, into each one it takes (as Jaeger's
/// critical path does): every step of a sequence is on it, and of parallel branches the
/// slowest only. A run still going counts as ending `now`.
public enum CriticalPath {
    /// The runs on the critical path below (and with) each of `tops`.
    public static func runs(_ forest: RunForest, from tops: [Int], now: Date) -> Set<Int> {
        var path = Set<Int>()
        for top in tops { walk(forest, top, until: end(forest[top], now), now: now, into: &path) }
        return path
    }

    /// Seconds of `node`'s time no child of it covers (its children's intervals merged, clipped to its own).
    public static func selfTime(_ forest: RunForest, _ index: Int, now: Date) -> TimeInterval {
        let node = forest[index]
        let start = node.startTime, stop = end(node, now)
        let spans = node.children.map { child in
            (max(start, forest[child].startTime), min(stop, end(forest[child], now)))
        }.filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        var covered = 0.0
        var reach = start
        for (from, to) in spans where to > reach {
            covered += to.timeIntervalSince(max(from, reach))
            reach = to
        }
        return max(0, stop.timeIntervalSince(start) - covered)
    }

    static func end(_ node: RunNode, _ now: Date) -> Date { node.endTime ?? now }

    /// Adds `index` and the children that decided its end, looking back from `until`.
    static func walk(_ forest: RunForest, _ index: Int, until: Date, now: Date, into path: inout Set<Int>) {
        path.insert(index)
        let node = forest[index]
        var cursor = min(until, end(node, now))
        // Latest end first; a child is taken when it ended by `cursor` (a millisecond of
        // slack for clocks that tick together), and the cursor moves back to its start.
        let byEnd = node.children.sorted { end(forest[$0], now) > end(forest[$1], now) }
        for child in byEnd where cursor > node.startTime && end(forest[child], now) <= cursor.addingTimeInterval(0.001)
            && forest[child].startTime < cursor {
            walk(forest, child, until: cursor, now: now, into: &path)
            cursor = forest[child].startTime
        }
    }
}
