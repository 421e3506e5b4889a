import Foundation

/// Dollar amounts as runscope shows them, independent of the locale: "$1.23", "$0.0123",
/// "$0.000123"; small amounts keep three significant digits.
public enum CostText {
    /// `dollars` in a short column.
    public static func format(_ dollars: Double) -> String {
        if dollars == 0 { return "$0" }
        if dollars >= 1 { return String(format: "$%.2f", dollars) }
        if dollars >= 0.01 { return String(format: "$%.4f", dollars) }
        if dollars < 0.000_001 { return "<$0.000001" }
        return String(format: "$%.6f", dollars)
    }

    /// A rollup's cost: "$0.0123"; "≥$0.0123" when some model runs had no price; nil when
    /// no run had one.
    public static func format(_ rollup: Rollup) -> String? {
        guard let cost = rollup.cost else { return nil }
        return (rollup.unpriced > 0 ? "≥" : "") + format(cost)
    }

    /// A price's rates: "$2.50 in · $1.25 cached · $10 out per 1M tokens".
    public static func rates(_ price: ModelPrice) -> String {
        var parts = ["\(rate(price.input)) in"]
        if let cached = price.cachedInput { parts.append("\(rate(cached)) cached") }
        if let write = price.cacheWrite { parts.append("\(rate(write)) cache write") }
        parts.append("\(rate(price.output)) out")
        return parts.joined(separator: " · ") + " per 1M tokens"
    }

    /// One rate: "$2.50", "$10", "$0.075".
    public static func rate(_ dollars: Double) -> String {
        if dollars == dollars.rounded() { return String(format: "$%.0f", dollars) }
        let two = String(format: "%.2f", dollars)
        return "$" + (Double(two) == dollars ? two : String(format: "%g", dollars))
    }
}
