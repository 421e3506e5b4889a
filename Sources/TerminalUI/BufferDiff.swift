/// A horizontal run of changed cells, to be drawn left to right from (x, y).
///
/// Runs never split a wide character: a run never starts on a continuation
/// cell and includes the continuation of a wide cell it ends with. Backends
/// draw each non-continuation cell and skip continuation cells (the wide cell
/// before them already covers that column).
public struct CellRun: Sendable, Hashable {
    /// Column of the first cell.
    public let x: Int
    /// Row of the run.
    public let y: Int
    /// The new cells, left to right.
    public let cells: [Cell]

    /// Creates a run.
    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// What changed between two frames: runs of changed cells, or every row when
/// the sizes differ (``isFullRedraw``: the backend should clear first).
public struct BufferDiff: Sendable, Hashable {
    /// Whether the sizes differed and every row is included.
    public let isFullRedraw: Bool
    /// Changed runs, by row then column.
    public let runs: [CellRun]

    /// Total number of cells in all runs.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }

    /// Whether nothing changed.
    public var isEmpty: Bool { runs.isEmpty }
}

extension Buffer {
    /// The changes that turn `old` into this buffer. Unchanged rows are
    /// skipped after one slice comparison; within a changed row only the
    /// differing cells are reported (plus the other half of any wide character
    /// they touch). A size change gives a full redraw.
    public func diff(from old: Buffer) -> BufferDiff {
        guard old.width == width, old.height == height else {
            let runs = (0..<height).map { CellRun(x: 0, y: $0, cells: Array(row($0))) }
            return BufferDiff(isFullRedraw: true, runs: runs)
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            let new = row(y)
            let previous = old.row(y)
            if new.elementsEqual(previous) { continue }
            appendRuns(y: y, new: new, old: previous, to: &runs)
        }
        return BufferDiff(isFullRedraw: false, runs: runs)
    }

    /// Scans one changed row and appends its runs.
    private func appendRuns(y: Int, new: ArraySlice<Cell>, old: ArraySlice<Cell>, to runs: inout [CellRun]) {
        let base = new.startIndex
        let oldBase = old.startIndex
        var x = 0
        while x < width {
            guard new[base + x] != old[oldBase + x] else {
                x += 1
                continue
            }
            var start = x
            var end = x + 1
            while end < width, new[base + end] != old[oldBase + end] { end += 1 }
            while start > 0, new[base + start].isContinuation { start -= 1 }
            if new[base + end - 1].isWide, end < width { end += 1 }
            runs.append(CellRun(x: start, y: y, cells: Array(new[(base + start)..<(base + end)])))
            x = end
        }
    }
}
