/// A rectangle of cells. Width and height are never negative: every
/// initializer and operation clamps them to 0.
public struct Rect: Sendable, Hashable {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Number of columns (≥ 0).
    public private(set) var width: Int
    /// Number of rows (≥ 0).
    public private(set) var height: Int

    /// Creates a rectangle; negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// An empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    /// Whether the rectangle has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell (x, y) lies inside.
    public func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < right && y >= self.y && y < bottom
    }

    /// The overlap of two rectangles (empty, at this origin, if none).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(self.right, other.right)
        let bottom = min(self.bottom, other.bottom)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks each side by `amount` (never below an empty rectangle).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side by its own amount (never below an empty rectangle).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let dx = min(max(0, left), width)
        let dy = min(max(0, top), height)
        return Rect(
            x: x + dx, y: y + dy,
            width: width - dx - max(0, right),
            height: height - dy - max(0, bottom)
        )
    }

    /// Splits with a horizontal cut: `top` gets `rows` rows (clamped to
    /// 0...height; negative counts from the bottom), `bottom` the rest.
    public func split(horizontalAt rows: Int) -> (top: Rect, bottom: Rect) {
        let cut = min(max(0, rows < 0 ? height + rows : rows), height)
        return (
            Rect(x: x, y: y, width: width, height: cut),
            Rect(x: x, y: y + cut, width: width, height: height - cut)
        )
    }

    /// Splits with a vertical cut: `left` gets `columns` columns (clamped to
    /// 0...width; negative counts from the right), `right` the rest.
    public func split(verticalAt columns: Int) -> (left: Rect, right: Rect) {
        let cut = min(max(0, columns < 0 ? width + columns : columns), width)
        return (
            Rect(x: x, y: y, width: cut, height: height),
            Rect(x: x + cut, y: y, width: width - cut, height: height)
        )
    }

    /// Stacks rows top to bottom with the given sizes; see ``LayoutSize``.
    public func rows(_ sizes: [LayoutSize]) -> [Rect] {
        LayoutSize.resolve(sizes, total: height).map { offset, length in
            Rect(x: x, y: y + offset, width: width, height: length)
        }
    }

    /// Lays columns left to right with the given sizes; see ``LayoutSize``.
    public func columns(_ sizes: [LayoutSize]) -> [Rect] {
        LayoutSize.resolve(sizes, total: width).map { offset, length in
            Rect(x: x + offset, y: y, width: length, height: height)
        }
    }
}
