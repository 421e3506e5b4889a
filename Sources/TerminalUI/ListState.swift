/// Selection and scroll position of a ``ListView``, kept by the app between
/// frames. All methods clamp to the list size, so any input is safe.
public struct ListState: Sendable, Hashable {
    /// Selected row, if any.
    public var selected: Int?
    /// First visible row.
    public var offset: Int

    /// Creates a state.
    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Selects `index` clamped to `0..<count` (nothing if the list is empty).
    public mutating func select(_ index: Int?, count: Int) {
        guard let index, count > 0 else {
            selected = nil
            return
        }
        selected = min(max(0, index), count - 1)
    }

    /// Moves the selection by `delta` rows (selecting row 0 if none was).
    public mutating func moveSelection(by delta: Int, count: Int) {
        select(selected.map { $0 + delta } ?? 0, count: count)
    }

    /// Adjusts ``offset`` so the selection is visible with the least scrolling
    /// and no blank rows are left at the end when avoidable.
    public mutating func scrollToSelection(visibleRows: Int, count: Int) {
        let rows = max(0, visibleRows)
        if let current = selected, count > 0 {
            let clamped = min(max(0, current), count - 1)
            selected = clamped
            if clamped < offset { offset = clamped }
            if rows > 0, clamped >= offset + rows { offset = clamped - rows + 1 }
        } else {
            selected = nil
        }
        offset = min(max(0, offset), max(0, count - rows))
    }
}
