import ArgumentParser
import RunscopeCore
import RunscopePricing

/// `runscope prices`: the price table runscope uses for costs, with each price's source and date.
struct PricesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "Print the model prices runscope uses for costs (USD per million tokens), with their sources and dates.",
        discussion: """
            A model missing from the table shows no cost: runscope never guesses. --prices FILE adds or \
            replaces entries (the format --json prints); runs, replays, tails and show take it too.
            """)

    @Flag(help: "Print the table as a price file (JSON).")
    var json = false

    @OptionGroup var pricing: PriceOptions

    func run() throws {
        let table = try pricing.table()
        if json {
            Output.write(table.json + "\n")
            return
        }
        Output.write(Self.text(table))
    }

    /// The table as aligned columns, one model per line, and the sources below.
    static func text(_ table: PriceTable) -> String {
        var rows = [["provider", "model", "input", "cached", "cache write", "output", "date", "source"]]
        for entry in table.entries {
            rows.append([
                entry.provider, entry.model, CostText.rate(entry.input), entry.cachedInput.map(CostText.rate) ?? "-",
                entry.cacheWrite.map(CostText.rate) ?? "-", CostText.rate(entry.output), entry.date, entry.source,
            ])
        }
        return "USD per million tokens.\n" + TextTable.lines(rows).joined(separator: "\n") + "\n"
    }
}
