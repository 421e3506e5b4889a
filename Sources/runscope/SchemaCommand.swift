import ArgumentParser
import RunscopeLoader

/// `runscope schema`: print the JSON Schema of the compact format.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema of runscope's compact chain format.")

    func run() throws {
        print(ChainSchema.json, terminator: "")
    }
}
