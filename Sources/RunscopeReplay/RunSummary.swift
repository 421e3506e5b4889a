import Foundation
import RunscopeCore

/// A table of runs: name (indented by depth), type, status, duration, tokens and
/// time to first token.
public enum RunSummary {
    /// The table for the given trees, one row per run, aligned columns.
    public static func table(_ roots: [RunTree], now: Date) -> String {
        var rows: [[String]] = [["run", "type", "status", "duration", "tokens", "first token"]]
        for root in roots { append(root, depth: 0, now: now, to: &rows) }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    private static func append(_ run: RunTree, depth: Int, now: Date, to rows: inout [[String]]) {
        let duration = run.duration ?? now.timeIntervalSince(run.startTime)
        // Token events without text (a provider's tool-call or usage chunk) are not tokens.
        let tokens = run.tokens.filter { !$0.text.isEmpty }
        let firstToken = tokens.first.map { DurationText.format($0.time.timeIntervalSince(run.startTime)) } ?? "-"
        rows.append([
            String(repeating: "  ", count: depth) + run.name, run.runType.rawValue, run.status.rawValue,
            DurationText.format(duration) + (run.endTime == nil ? "+" : ""), run.runType.isModel ? String(tokens.count) : "-",
            run.runType.isModel ? firstToken : "-",
        ])
        for child in run.childRuns { append(child, depth: depth + 1, now: now, to: &rows) }
    }
}
