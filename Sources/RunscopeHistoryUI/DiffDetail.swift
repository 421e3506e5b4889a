import RunscopeHistory
import TerminalUI

/// The lower pane of the diff view: the selected row's two runs, its output word diff
/// (`[-A-]` red, `{+B+}` green) or its output, and its errors.
enum DiffDetail {
    /// The pane's lines for `row`, wrapped to `width`.
    static func lines(_ row: RunDiff.Row?, width: Int) -> [[Span]] {
        guard let row else { return [[Span("No runs to compare.", style: HistoryTheme.dim)]] }
        var lines: [[Span]] = []
        for (label, run) in [("A", row.a), ("B", row.b)] {
            lines += SpanWrap.wrap(summary(label, run), width: width)
        }
        lines.append([])
        lines += SpanWrap.wrap(output(row), width: width)
        for (label, run) in [("A", row.a), ("B", row.b)] {
            guard let error = run?.error else { continue }
            lines.append([])
            lines += SpanWrap.wrap([Span("error \(label): ", style: HistoryTheme.error), Span(error)], width: width)
        }
        return lines
    }

    /// `A  name  type  status  duration  tokens  cost  id`, or that the run is only on the other side.
    static func summary(_ label: String, _ run: StoredRun?) -> [Span] {
        guard let run else { return [Span("\(label)  ", style: HistoryTheme.label), Span("(not in \(label))", style: HistoryTheme.dim)] }
        return [
            Span("\(label)  ", style: HistoryTheme.label), Span(run.name + "  "), Span(run.runType + "  ", style: HistoryTheme.dim),
            Span(run.status, style: HistoryTheme.status(run.status)),
            Span("  \(DiffFormat.duration(run.durationMs))  tokens \(DiffFormat.tokens(run.tokens))  cost \(DiffFormat.cost(run.costUSD))"),
            Span("  \(run.id)", style: HistoryTheme.dim),
        ]
    }

    /// The output's word diff, or the output when it is the same (or on one side only).
    static func output(_ row: RunDiff.Row) -> [Span] {
        if let pieces = row.outputDiff {
            return [Span("output ([-A-] {+B+}): ", style: HistoryTheme.label)] + pieces.map { piece in
                switch piece {
                case .same(let text): return Span(text)
                case .removed(let text): return Span("[-\(text)-]", style: HistoryTheme.removed)
                case .added(let text): return Span("{+\(text)+}", style: HistoryTheme.added)
                }
            }
        }
        let a = row.a?.outputText, b = row.b?.outputText
        switch (a, b) {
        case (nil, nil): return [Span("output: none", style: HistoryTheme.dim)]
        case (let text?, nil):
            return [Span(row.b == nil ? "output (only in A): " : "output (A; B has none): ", style: HistoryTheme.label), Span(text)]
        case (nil, let text?):
            return [Span(row.a == nil ? "output (only in B): " : "output (B; A has none): ", style: HistoryTheme.label), Span(text)]
        case (let text?, _):
            return [Span("output (the same in A and B): ", style: HistoryTheme.label), Span(text)]
        }
    }
}
