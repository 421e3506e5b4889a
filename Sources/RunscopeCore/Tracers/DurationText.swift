import Foundation

/// How runscope writes a duration, everywhere one is shown (console trace, run
/// summaries, the inspector's header, tree and pane): whole milliseconds below one
/// second (`0ms`, `734ms`), then seconds (`1.25s`), then, where asked, minutes
/// (`2m05s`) and hours (`1h02m`). Values are cut, not rounded, at the precision
/// shown, so a running clock never shows time that has not passed yet.
public enum DurationText {
    /// `seconds` as text: `734ms`, then seconds with `decimals` decimals (`1.25s`,
    /// `12.3s` with 1), then with `minutes`, `2m05s` from a minute and `1h02m` from an hour.
    /// Negative values count as 0.
    public static func format(_ seconds: Double, decimals: Int = 2, minutes: Bool = false) -> String {
        let value = seconds.isFinite ? max(0, seconds) : 0
        let milliseconds = cut(value * 1000)
        if milliseconds < 1000 { return "\(Int(milliseconds))ms" }
        if !minutes || value < 60 {
            let scale = pow(10, Double(max(0, decimals)))
            return String(format: "%.\(max(0, decimals))fs", cut(value * scale) / scale)
        }
        let total = Int(value)
        if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
    }

    /// `value` rounded down, forgiving the binary error of a product (2.3 × 100 is 229.99…).
    private static func cut(_ value: Double) -> Double {
        (value + 1e-9 * max(1, value)).rounded(.down)
    }
}
