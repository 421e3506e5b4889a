import Foundation
import RunscopeHistory

/// The lines `runscope runs` prints: aligned columns, one trace a line.
enum TraceTable {
    /// The table with its header; a note when there is nothing to list.
    static func render(_ traces: [TraceSummary], now: Date) -> String {
        guard !traces.isEmpty else { return "no runs in the history" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var rows = [["when", "name", "status", "duration", "runs", "tokens", "cost", "id"]]
        for trace in traces {
            let ms = trace.durationMs.map(Double.init) ?? now.timeIntervalSince(trace.start) * 1000
            rows.append([
                formatter.string(from: trace.start), trace.name, trace.status,
                duration(ms) + (trace.durationMs == nil ? "+" : ""), String(trace.runs), String(trace.tokens),
                trace.costUSD.map { String(format: "$%.4f", $0) } ?? "-", trace.id,
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// `734ms` or `1.25s`.
    static func duration(_ ms: Double) -> String {
        ms < 1000 ? "\(Int(ms))ms" : String(format: "%.2fs", ms / 1000)
    }
}
