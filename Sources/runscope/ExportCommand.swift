import ArgumentParser
import Foundation
import RunscopeHistory

/// `runscope export REF [-o FILE]`: a trace's event log (v1), as `--events` wrote it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a run from the history as an event log (JSON Lines, v1).")

    @Argument(help: "The trace: an id, a unique prefix of one, last, or last~N.")
    var reference: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try HistoryAccess.store()
        let trace = try HistoryAccess.run { () throws(HistoryError) in try store.resolve(reference) }
        let lines = try HistoryAccess.run { () throws(HistoryError) in try store.eventLines(trace: trace.id) }
        let text = lines.map { $0 + "\n" }.joined()
        guard let output else {
            Output.write(text)
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            Terminal.error("\(output): cannot write the file")
            throw ExitCode(2)
        }
    }
}
