import ArgumentParser
import Foundation

/// `runscope`: load a chain, run it, and show every run live.
@main
struct Runscope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runscope",
        abstract: "A live run inspector for LLM chains.",
        discussion: """
            Runs a chain file in-process and shows its runs as they happen: in the terminal UI \
            when standard output is a terminal, headless otherwise (the chain's output on stdout).

            Examples:
              runscope examples/joke.json
              runscope examples/joke.json --no-tui --console
              runscope run chain.json --input animal=bears --events run.jsonl
              runscope run chain.json --record run.jsonl && runscope replay run.jsonl
              runscope run chain.json --no-tui --otlp http://127.0.0.1:6006/v1/traces
              runscope -- python app.py
              runscope exec --no-tui --summary -- python app.py
              python app.py | runscope tail -
              runscope otlp                (receive OpenTelemetry spans on 127.0.0.1:4318)
              runscope validate chain.json
              runscope schema > chain.schema.json
              runscope runs --since 1d && runscope show last && runscope diff last~1 last
              runscope                     (on a terminal: the history screen)

            `runscope -- COMMAND` (runscope exec) runs a program and shows its LangChain runs.

            Exit status: 0 when the chain succeeded, 1 when it failed or was cancelled,
            2 for a bad chain file or input.
            """,
        version: RunscopeVersion.current,
        subcommands: [RunCommand.self, ExecCommand.self, ReplayCommand.self, TailCommand.self, OTLPCommand.self, ValidateCommand.self, SchemaCommand.self, PricesCommand.self]
            + HistoryCommands.all,
        defaultSubcommand: RunCommand.self)

    /// `runscope [OPTIONS] -- COMMAND ...` is `runscope exec [OPTIONS] -- COMMAND ...`.
    static func main() async {
        var arguments = OTLPOptions.normalize(Array(CommandLine.arguments.dropFirst()))
        // Alone on a terminal: the history screen. Headless, the usage as before.
        if arguments.isEmpty, isatty(STDIN_FILENO) == 1, Terminal.stdoutIsTerminal { arguments = ["history"] }
        if let terminator = arguments.firstIndex(of: "--"), arguments[..<terminator].allSatisfy({ $0.hasPrefix("-") }),
           !arguments[..<terminator].contains(where: { ["-h", "--help", "--version"].contains($0) }) {
            arguments.insert("exec", at: 0)
        }
        await run(arguments)
    }

    /// Parses and runs the command; exits 1 when standard output could not be written.
    static func run(_ arguments: [String]) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
        exit(withError: Output.failed ? ExitCode.failure : nil)
    }
}

/// The version printed by `--version`.
enum RunscopeVersion {
    static let current = "0.1.0"
}
