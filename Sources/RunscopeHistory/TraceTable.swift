import Foundation
import RunscopeCore
import RunscopePricing

/// The columns `runscope runs` prints (when, name, status, duration, runs, tokens, cost, id),
/// shared by the CLI's table and the inspector's history screen.
public enum TraceTable {
    /// The column titles.
    public static let header = ["when", "name", "status", "duration", "runs", "tokens", "cost", "id"]

    /// The table with its header; a note when there is nothing to list.
    public static func render(_ traces: [TraceSummary], now: Date) -> String {
        guard !traces.isEmpty else { return "no runs in the history" }
        let formatter = dateFormatter()
        let rows = [header] + traces.map { cells($0, now: now, formatter: formatter) }
        let widths = columnWidths(rows)
        return rows.map { line($0, widths: widths) }.joined(separator: "\n")
    }

    /// The formatter of the `when` column (`yyyy-MM-dd HH:mm:ss`, local time).
    public static func dateFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }

    /// One trace's cells; a trace still running shows its age with a `+`.
    public static func cells(_ trace: TraceSummary, now: Date, formatter: DateFormatter) -> [String] {
        let ms = trace.durationMs.map(Double.init) ?? now.timeIntervalSince(trace.start) * 1000
        return [
            formatter.string(from: trace.start), trace.name, trace.status,
            duration(ms) + (trace.durationMs == nil ? "+" : ""), String(trace.runs), String(trace.tokens),
            trace.costUSD.map(CostText.format) ?? "-", trace.id,
        ]
    }

    /// The width of each column: its widest cell.
    public static func columnWidths(_ rows: [[String]]) -> [Int] { TextTable.columnWidths(rows) }

    /// Cells padded to `widths` and joined by two spaces (the last cell unpadded).
    public static func line(_ row: [String], widths: [Int]) -> String { TextTable.line(row, widths: widths) }

    /// `734ms` or `1.25s`.
    public static func duration(_ ms: Double) -> String {
        ms < 1000 ? "\(Int(ms))ms" : String(format: "%.2fs", ms / 1000)
    }
}
