import Foundation
import RunscopeCore
import RunscopePricing

/// A table of runs: name (indented by depth), type, status, duration, tokens, time to
/// first token, the provider's usage (input/output tokens) and the cost at `prices`. A
/// chain's usage and cost are those of the model runs below it.
public enum RunSummary {
    /// The table for the given trees, one row per run, aligned columns (a root's usage and
    /// cost are its trace's).
    public static func table(_ roots: [RunTree], now: Date, prices: PriceTable = .builtIn) -> String {
        var rows: [[String]] = [["run", "type", "status", "duration", "tokens", "first token", "usage", "cost"]]
        for root in roots { append(root, depth: 0, now: now, prices: prices, to: &rows) }
        return TextTable.lines(rows, trimmed: true).joined(separator: "\n")
    }

    /// Appends the rows of `run` and the runs below it; returns their usage and cost.
    @discardableResult
    private static func append(_ run: RunTree, depth: Int, now: Date, prices: PriceTable, to rows: inout [[String]]) -> Rollup {
        let duration = run.duration ?? now.timeIntervalSince(run.startTime)
        // Token events without text (a provider's tool-call or usage chunk) are not tokens.
        let tokens = run.tokens.filter { !$0.text.isEmpty }
        let firstToken = tokens.first.map { DurationText.format($0.time.timeIntervalSince(run.startTime)) } ?? "-"
        let row = rows.count
        rows.append([
            String(repeating: "  ", count: depth) + run.name, run.runType.rawValue, run.status.rawValue,
            DurationText.format(duration) + (run.endTime == nil ? "+" : ""), run.runType.isModel ? String(tokens.count) : "-",
            run.runType.isModel ? firstToken : "-", "", "",
        ])
        var rollup = Rollup()
        if run.runType.isModel, let (usage, model) = modelUsage(run) {
            let price = prices.price(metadata: run.metadata, responseModel: model)
            rollup.add(usage: usage, cost: price?.cost(of: usage))
        }
        for child in run.childRuns { rollup.add(append(child, depth: depth + 1, now: now, prices: prices, to: &rows)) }
        rows[row][6] = usageText(rollup.usage)
        rows[row][7] = rollup.usage == nil ? "-" : costText(rollup)
        return rollup
    }

    /// A model run's usage and the model its response names, from its recorded outputs.
    static func modelUsage(_ run: RunTree) -> (UsageMetadata, String?)? {
        let message = run.outputs?["generations"]?.arrayValue?.first?.arrayValue?.first?["message"]
        let kwargs = message?["kwargs"] ?? message
        guard let usage = UsageMetadata(value: kwargs?["usage_metadata"]) else { return nil }
        let model = kwargs?["response_metadata"]?["model_name"]?.stringValue ?? run.outputs?["llm_output"]?["model_name"]?.stringValue
        return (usage, model)
    }

    private static func usageText(_ usage: UsageMetadata?) -> String {
        usage.map { "\($0.inputTokens)/\($0.outputTokens)" } ?? "-"
    }

    /// The cost, or `?` when no model run below had a price.
    private static func costText(_ rollup: Rollup) -> String {
        CostText.format(rollup) ?? "?"
    }
}
