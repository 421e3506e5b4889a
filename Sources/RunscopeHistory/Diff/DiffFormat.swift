import Foundation
import RunscopeCore
import RunscopePricing

/// How `runscope diff` prints a `RunDiff`: a table for people, JSON for tools.
public enum DiffFormat {
    /// The table: a header naming both traces, one line per aligned row, then the changed outputs.
    public static func table(_ diff: RunDiff) -> String {
        var lines = ["A  \(diff.a.id)  \(diff.a.name)  \(diff.a.status)", "B  \(diff.b.id)  \(diff.b.name)  \(diff.b.status)", ""]
        var cells = [["run", "status A/B", "duration A", "duration B", "change", "tokens A/B", "cost A/B"]]
        for row in diff.rows { cells.append(self.cells(row)) }
        lines += aligned(cells)
        let outputs = diff.rows.enumerated().compactMap { index, row in
            row.outputDiff.map { "  \(index + 1). \(row.name): " + WordDiff.plain($0).replacingOccurrences(of: "\n", with: "⏎") }
        }
        if !outputs.isEmpty { lines += ["", "changed outputs ([-A-] {+B+}):"] + outputs }
        return lines.joined(separator: "\n")
    }

    private static func cells(_ row: RunDiff.Row) -> [String] {
        let name = String(repeating: "  ", count: row.depth) + row.name
        guard let a = row.a, let b = row.b else {
            let run = (row.a ?? row.b)!
            let side = row.a == nil ? "only in B" : "only in A"
            let duration = duration(run.durationMs)
            return [name, side, row.a == nil ? "" : duration, row.b == nil ? "" : duration, "", tokens(run.tokens), cost(run.costUSD)]
        }
        let change = a.durationMs.flatMap { x in b.durationMs.map { y in signed(y - x) } } ?? ""
        return [
            name, a.status == b.status ? a.status : "\(a.status) / \(b.status)", duration(a.durationMs), duration(b.durationMs),
            change, pair(tokens(a.tokens), tokens(b.tokens)), pair(cost(a.costUSD), cost(b.costUSD)),
        ]
    }

    private static func aligned(_ rows: [[String]]) -> [String] { TextTable.lines(rows, trimmed: true) }

    private static func pair(_ a: String, _ b: String) -> String { a == b ? a : "\(a) / \(b)" }

    /// `734ms` or `1.25s`; `running` when the run did not end.
    public static func duration(_ ms: Double?) -> String {
        guard let ms else { return "running" }
        return ms < 1000 ? "\(Int(ms))ms" : String(format: "%.2fs", ms / 1000)
    }

    /// A change of duration: `+441ms`, `-1.20s`.
    public static func signed(_ ms: Double) -> String {
        (ms < 0 ? "-" : "+") + duration(abs(ms))
    }

    /// A token count, `-` when unknown.
    public static func tokens(_ count: Int?) -> String { count.map(String.init) ?? "-" }

    /// A cost in dollars (`$0.0012`, `$0.000007`: ``CostText``), `-` when unknown.
    public static func cost(_ usd: Double?) -> String { usd.map(CostText.format) ?? "-" }

    /// The diff as JSON: `a`, `b` (the traces) and `rows` (depth, name, match, each side, output diff).
    public static func json(_ diff: RunDiff) -> Value {
        .object([
            "a": trace(diff.a), "b": trace(diff.b),
            "rows": .array(diff.rows.map(row)),
        ])
    }

    private static func row(_ row: RunDiff.Row) -> Value {
        var object: ValueObject = [
            "depth": .int(row.depth), "name": .string(row.name), "match": .string(row.match),
            "a": row.a.map(side) ?? .null, "b": row.b.map(side) ?? .null,
        ]
        if let pieces = row.outputDiff {
            object["output_diff"] = .array(pieces.map { piece in
                switch piece {
                case .same(let text): return ["op": "same", "text": .string(text)]
                case .removed(let text): return ["op": "removed", "text": .string(text)]
                case .added(let text): return ["op": "added", "text": .string(text)]
                }
            })
        }
        return .object(object)
    }

    private static func side(_ run: StoredRun) -> Value {
        [
            "id": .string(run.id), "run_type": .string(run.runType), "status": .string(run.status),
            "duration_ms": run.durationMs.map(Value.double) ?? .null, "tokens": run.tokens.map(Value.int) ?? .null,
            "cost_usd": run.costUSD.map(Value.double) ?? .null, "output": run.outputText.map(Value.string) ?? .null,
            "error": run.error.map(Value.string) ?? .null,
        ]
    }

    static func trace(_ trace: TraceSummary) -> Value { trace.jsonValue }
}
