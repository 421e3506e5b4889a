import Foundation

/// The timeline's shared time axis: a window of time over `width` cells, each cell cut in
/// eighths (the resolution of `▏▎▍▌▋▊▉█`).
public struct TimelineScale: Sendable, Equatable {
    public var start: Date
    public var end: Date
    public var width: Int

    /// A scale over `start...end` (at least a millisecond long) in `width` cells.
    public init(start: Date, end: Date, width: Int) {
        self.start = start
        self.end = max(end, start.addingTimeInterval(0.001))
        self.width = max(1, width)
    }

    /// Seconds the window spans.
    public var seconds: TimeInterval { end.timeIntervalSince(start) }

    /// Where `date` falls, in eighths of a cell from the left edge, clamped to the window.
    public func eighths(_ date: Date) -> Int {
        let fraction = date.timeIntervalSince(start) / seconds
        return min(width * 8, max(0, Int((fraction * Double(width * 8)).rounded())))
    }

    /// The window of the whole forest (zoom nil) or of run `zoom` and its subtree: from the
    /// first start to the last end (`now` for runs still going).
    public static func window(_ forest: RunForest, zoom: Int?, now: Date, width: Int) -> TimelineScale {
        let runs = zoom.map { [$0] } ?? forest.roots
        let start = runs.map { forest[$0].startTime }.min() ?? now
        let end = runs.map { forest[$0].endTime ?? now }.max() ?? now
        return TimelineScale(start: start, end: end, width: width)
    }

    /// Tick spacing in seconds: the smallest of 1, 2, 5 × 10ⁿ that leaves `gap` cells between ticks.
    public func tickStep(gap: Int = 10) -> TimeInterval {
        let least = seconds * Double(gap) / Double(width)
        var step = 0.001
        while true {
            for factor in [1.0, 2.0, 5.0] where step * factor >= least { return step * factor }
            step *= 10
        }
    }
}

/// One run's bar on a ``TimelineScale``: from `start` to `end` in eighths, and where its
/// first token came (model runs), also in eighths.
public struct TimelineBar: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var firstToken: Int?

    /// The bar of `node` (to `now` while it runs), at least one eighth wide.
    public init(_ node: RunNode, scale: TimelineScale, now: Date) {
        start = scale.eighths(node.startTime)
        end = max(start + 1, scale.eighths(node.endTime ?? now))
        firstToken = node.firstTokenTime.map { scale.eighths($0) }
    }

    /// The bar as one character per cell over `width` cells: blanks before it, full blocks,
    /// and a partial block where it ends inside a cell. The start is taken to its cell.
    public func cells(width: Int) -> [Character] {
        (0..<width).map { cell in
            let filled = min(8, end - cell * 8)
            guard cell >= start / 8, filled > 0 else { return " " }
            return Self.blocks[filled - 1]
        }
    }

    /// The left eighth blocks, one eighth to a full cell.
    static let blocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
}
