import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeReplay
import RunscopeTUI

/// `runscope exec -- COMMAND [ARGS...]` (also `runscope -- COMMAND ...`): run a program
/// unchanged and show every LangChain run in it live.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Run a program and show every LangChain run in it (runscope -- python app.py).",
        discussion: """
            Starts COMMAND with RUNSCOPE_EVENTS set: a Python interpreter with the runscope-langchain \
            package (integrations/python) then attaches runscope's handler to every LangChain and \
            LangGraph run, in any thread or task and in child processes, with no change to the code. \
            In the terminal UI the runs grow live and the Output view (6) shows what the program \
            prints; `r` runs it again, Ctrl-C stops it. Headless (--no-tui, or not a terminal) the \
            program's output passes through unchanged; --console, --summary, --events and --record \
            work as in tail. runscope exits with COMMAND's status; 2 when the interpreter lacks the \
            package, 127 when COMMAND cannot be started.
            """)

    @OptionGroup var view: ViewOptions

    @OptionGroup var history: HistoryOptions

    @Option(help: ArgumentHelp("Write the event log (JSON Lines, v1) to a file.", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("Record the runs: the event log, written as it happens (for runscope replay).", valueName: "file"))
    var record: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The program and its arguments, after --.", valueName: "command"))
    var command: [String] = []

    func run() async throws {
        let arguments = command.first == "--" ? Array(command.dropFirst()) : command
        guard let name = arguments.first else {
            throw ValidationError("give the program to run after --, e.g. runscope -- python app.py")
        }
        guard CommandLookup.resolve(name) != nil else {
            Terminal.error(ChildProcess.StartError(command: name, reason: "command not found").description)
            throw ExitCode(127)
        }
        if events == "-" || record == "-" { throw ValidationError("--events and --record need a file: the program's output goes to stdout") }
        let recorders = try [events, record].compactMap { $0 }.map { try LineWriter(path: $0) }
        let inspector = !view.headless
        let session = ExecSession(command: arguments, recorders: recorders, output: inspector ? OutputLog() : nil)
        let historyRecorder = history.recorder(source: "exec", prices: try view.pricing.table())
        defer { HistoryOptions.finish(historyRecorder) }
        let kept: [any CallbackHandler] = historyRecorder.map { [$0] } ?? []
        var status: Int32
        do {
            let shown = inspector ? try await showInspector(session, kept: kept) : nil
            if let shown { status = shown } else { status = try await showHeadless(session, kept: kept) }
        } catch let error as ChildProcess.StartError {
            Terminal.error(error.description)
            throw ExitCode(127)
        }
        if !session.lastRun.hello, let python = CommandLookup.python(arguments) {
            Terminal.error(CommandLookup.missingPackage(python))
            status = 2
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The inspector: the runs and the program's output; `nil` when there is no terminal.
    private func showInspector(_ session: ExecSession, kept: [any CallbackHandler]) async throws -> Int32? {
        let title = session.command.joined(separator: " ")
        let shown = try await Inspector.show(title: title, exitOnFinish: view.exitOnFinish, mouse: !view.noMouse, output: session.output, prices: try view.pricing.table()) { handlers in
            let status = try await session.run(handlers: handlers + kept, clock: ReplayClock(following: true))
            if status != 0 { throw ExitStatusError(status: status) }
            return .null
        }
        guard let shown else { return nil }
        return shown > 128 ? shown : session.lastRun.status
    }

    /// Headless: the program's own output unchanged, the console trace and summary as asked.
    private func showHeadless(_ session: ExecSession, kept: [any CallbackHandler]) async throws -> Int32 {
        var headless = view
        headless.noTUI = true
        let clock = ReplayClock(following: true)
        // Ctrl-C on a terminal reaches the program itself; runscope only forwards a SIGINT sent to it alone.
        let forward = isatty(STDIN_FILENO) != 1
        let shown = try await headless.show(title: "exec", clock: clock) { handlers in
            _ = try await session.run(handlers: handlers + kept, clock: clock, forwardInterrupt: forward)
        }
        return shown == 2 ? 2 : session.lastRun.status
    }
}

/// The program ended with a non-zero status (how the inspector shows it failed).
struct ExitStatusError: Error, CustomStringConvertible {
    let status: Int32
    var description: String { status > 128 ? "stopped by signal \(status - 128)" : "exited with status \(status)" }
}
