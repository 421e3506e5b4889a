/// The size of one row band or column band in ``Rect/rows(_:)`` and
/// ``Rect/columns(_:)``.
///
/// Sizes are resolved in list order: fixed and percentage sizes take what
/// they ask for while space remains (later ones shrink first, to 0 at worst),
/// then `fill` bands share what is left by weight (the last fill band gets
/// the rounding remainder). Without a fill band, leftover space stays unused
/// at the end.
public enum LayoutSize: Sendable, Hashable {
    /// Exactly this many cells (if available).
    case fixed(Int)
    /// This percentage of the total, rounded down (if available).
    case percent(Int)
    /// A share of the leftover space, proportional to the weight (≥ 1).
    case fill(Int)

    /// A fill band of weight 1.
    public static let rest: LayoutSize = .fill(1)

    /// Offsets and lengths of the bands, in order.
    static func resolve(_ sizes: [LayoutSize], total: Int) -> [(offset: Int, length: Int)] {
        let total = max(0, total)
        var lengths = Array(repeating: 0, count: sizes.count)
        var remaining = total
        for (index, size) in sizes.enumerated() {
            let wanted: Int
            switch size {
            case .fixed(let cells): wanted = cells
            case .percent(let percent): wanted = total * min(max(0, percent), 100) / 100
            case .fill: continue
            }
            lengths[index] = min(max(0, wanted), remaining)
            remaining -= lengths[index]
        }
        distributeFill(sizes, remaining: remaining, into: &lengths)
        var offset = 0
        return lengths.map { length in
            defer { offset += length }
            return (offset, length)
        }
    }

    /// Shares `remaining` among the fill bands by weight.
    private static func distributeFill(_ sizes: [LayoutSize], remaining: Int, into lengths: inout [Int]) {
        let fills = sizes.enumerated().compactMap { index, size -> (Int, Int)? in
            if case .fill(let weight) = size { return (index, max(1, weight)) }
            return nil
        }
        guard !fills.isEmpty else { return }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        var left = remaining
        for (position, (index, weight)) in fills.enumerated() {
            let share = position == fills.count - 1 ? left : remaining * weight / totalWeight
            lengths[index] = share
            left -= share
        }
    }
}
