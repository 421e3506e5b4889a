/// A width × height grid of cells that the app draws into; a backend draws the
/// ``diff(from:)`` between two frames.
///
/// Invariant, kept by every mutation: each wide cell at column x < width - 1
/// is followed by a continuation cell, and each continuation cell follows a
/// wide cell. Overwriting either half of a wide character blanks the other.
public struct Buffer: Sendable, Hashable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// Cells in row-major order (`y * width + x`).
    public private(set) var cells: [Cell]

    /// Creates a buffer filled with `fill` (a blank by default). Negative
    /// sizes are treated as 0; a wide or continuation `fill` becomes a blank.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let filler = fill.width == 1 ? fill : Cell.space(fill.style)
        cells = Array(repeating: filler, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at (0, 0).
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y` (both must be in range). Setting a wide
    /// cell also writes its continuation; at the last column it becomes a
    /// space. Setting a continuation cell writes a blank instead.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(contains(x: x, y: y), "cell (\(x), \(y)) outside \(width)x\(height) buffer")
            return cells[y * width + x]
        }
        set {
            precondition(contains(x: x, y: y), "cell (\(x), \(y)) outside \(width)x\(height) buffer")
            write(newValue, x: x, y: y)
        }
    }

    /// Whether (x, y) is a cell of the buffer.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The cells of row `y`.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        precondition(y >= 0 && y < height, "row \(y) outside buffer of height \(height)")
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.bottom {
            var x = area.x
            while x < area.right {
                if cell.isWide && x + 1 >= area.right {
                    write(Cell.space(cell.style), x: x, y: y)
                } else {
                    write(cell, x: x, y: y)
                }
                x += max(1, cell.width)
            }
        }
    }

    /// Patches the style of every cell of `rect` (clipped) with `style`; see
    /// ``Style/patched(with:)``. Symbols are left alone.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.bottom {
            for x in area.x..<area.right {
                cells[y * width + x].style = cells[y * width + x].style.patched(with: style)
            }
        }
    }

    /// Plain text of each row: wide characters once, continuation cells
    /// skipped, trailing spaces trimmed (snapshots rely on the trimming).
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for cell in row(y) where !cell.isContinuation {
                line += cell.symbol
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Writes one cell keeping the wide-character invariant. (x, y) must be in range.
    mutating func write(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        breakWide(at: x, y: y)
        if cell.isWide {
            guard x + 1 < width else {
                cells[index] = Cell.space(cell.style)
                return
            }
            breakWide(at: x + 1, y: y)
            cells[index] = cell
            cells[index + 1] = .continuation(style: cell.style)
        } else if cell.isContinuation {
            cells[index] = Cell.space(cell.style)
        } else {
            cells[index] = cell
        }
    }

    /// Blanks the other half of a wide character that covers (x, y), if any.
    private mutating func breakWide(at x: Int, y: Int) {
        let index = y * width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0, cells[index - 1].isWide {
            cells[index - 1] = Cell.space(cells[index - 1].style)
        } else if cell.isWide, x + 1 < width {
            cells[index + 1] = Cell.space(cell.style)
        }
        if cell.isContinuation || cell.isWide {
            cells[index] = Cell.space(cell.style)
        }
    }
}
