import ArgumentParser
import RunscopeLoader

/// `runscope validate chain.json`: load only, report problems.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Load a chain file and report problems without running it.")

    @Argument(help: "The chain file (LangChain's serialized form or runscope's compact form).")
    var chainFile: String

    func run() throws {
        let chain = try Terminal.load(chainFile)
        Terminal.error("\(chainFile): ok (\(chain.format.rawValue) format, \(chain.runnable.name))")
    }
}
