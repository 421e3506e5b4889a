import ArgumentParser
import RunscopePricing

/// `--prices FILE`: model prices that override or extend the built-in table.
struct PriceOptions: ParsableArguments {
    @Option(name: .customLong("prices"), help: ArgumentHelp(
        "A price file (JSON, as `runscope prices --json` prints) whose entries override or extend the built-in prices.",
        valueName: "file"))
    var file: String?

    /// The built-in table with the file's entries over it; a bad file is one line on stderr and exit 2.
    func table() throws -> PriceTable {
        guard let file else { return .builtIn }
        do {
            return PriceTable.builtIn.merging(try PriceTable(contentsOf: file))
        } catch {
            Terminal.error("runscope: \(error)")
            throw ExitCode(2)
        }
    }
}
