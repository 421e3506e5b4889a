import ArgumentParser
import Foundation
import RunscopeCore
import RunscopeHistory
import RunscopeInspector
import RunscopeLoader
import RunscopeReplay

/// `runscope [run] chain.json`: run a chain, in the terminal UI or headless.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a chain file (the default command).")

    /// How the chain is run.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case stream, invoke
    }

    @Argument(help: "The chain file (LangChain's serialized form or runscope's compact form).")
    var chainFile: String

    @OptionGroup var input: InputOptions

    @Option(help: "stream (tokens and chunks as they come) or invoke (one result).")
    var mode: Mode = .stream

    @Flag(name: .customLong("no-tui"), help: "Run headless even on a terminal: the output on stdout.")
    var noTUI = false

    @Flag(help: "Print the console trace (LangChain's format) on stderr.")
    var console = false

    @Flag(help: "Headless: print a table of runs on stderr at the end (duration, tokens, usage and cost).")
    var summary = false

    @Option(help: ArgumentHelp("Write the event log (JSON Lines, v1) to a file, or - for stdout.", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("Record the run: the event log, written as it happens (for runscope replay).", valueName: "file"))
    var record: String?

    @Flag(name: .customLong("exit-on-finish"), help: "In the terminal UI, quit by itself when the chain ends.")
    var exitOnFinish = false

    @Flag(name: .customLong("no-mouse"), help: "In the terminal UI, leave the mouse to the terminal (no clicks or wheel).")
    var noMouse = false

    @Flag(name: .customLong("approve-tools"), help: "In the terminal UI, hold each tool call until you decide: Enter runs it, e edits its arguments, s skips it.")
    var approveTools = false

    @OptionGroup var history: HistoryOptions

    @OptionGroup var otlp: OTLPOptions

    @OptionGroup var pricing: PriceOptions

    func run() async throws {
        let chain = try Terminal.load(chainFile)
        let value: Value?
        do {
            value = try input.resolve(default: chain.defaultInput)
        } catch {
            Terminal.error("\(chainFile): \(error)")
            throw ExitCode(2)
        }
        if let problem = InputCheck.problem(chain.runnable, input: value) {
            Terminal.error("\(chainFile): \(problem)")
            throw ExitCode(2)
        }
        let showsUI = !noTUI && Terminal.stdoutIsTerminal && events != "-"
        if approveTools && !showsUI {
            Terminal.error("runscope: --approve-tools needs the terminal UI (each tool call waits there for your decision); run on a terminal without --no-tui or --events -")
            throw ExitCode(2)
        }
        let asking = chain.approvalTools
        if !asking.isEmpty && !showsUI {
            let tools = asking.count == 1 ? "the tool \(asking[0]) asks" : "the tools \(asking.joined(separator: ", ")) ask"
            Terminal.error("\(chainFile): \(tools) for approval (\"approve\": true), which needs the terminal UI; run on a terminal without --no-tui or --events -")
            throw ExitCode(2)
        }
        let prices = try pricing.table()
        let exporter = try otlp.exporter()
        defer { OTLPOptions.finish(exporter) }
        let recorder = history.recorder(source: "run", prices: prices)
        defer { HistoryOptions.finish(recorder) }
        let exporters: [any CallbackHandler] = exporter.map { [$0] } ?? []
        if showsUI {
            if console { Terminal.error("runscope: --console is for headless runs; the terminal UI shows the runs") }
            if summary { Terminal.error("runscope: --summary is for headless runs; the terminal UI shows the runs and their cost") }
            let recorders = try makeHandlers(console: false) + (recorder.map { [$0] } ?? []) + exporters
            let runnable = chain.runnable
            let input = value ?? .null
            let streaming = mode == .stream
            let approver = approveTools || !asking.isEmpty ? InspectorApprover(holdsEveryCall: approveTools) : nil
            let steps = InspectorStepKeeper()
            let status = try await Inspector.show(
                title: chainFile, exitOnFinish: exitOnFinish, mouse: !noMouse, prices: prices, approver: approver, steps: steps
            ) { handlers in
                var config = RunConfig(callbacks: handlers + recorders)
                config.toolApprover = approver
                config.stepKeeper = steps
                if streaming { return try await runnable.streamValues(input, config: config).reduce() ?? .null }
                return try await runnable.invoke(input, config: config)
            }
            if let status {
                if status != 0 { throw ExitCode(status) }
                return
            }
            if approveTools || !asking.isEmpty {
                Terminal.error("runscope: tool calls wait for approval, which needs the terminal UI; not running the chain without it")
                throw ExitCode(2)
            }
        }
        let tracer = Tracer()
        let handlers = try makeHandlers(console: console) + (recorder.map { [$0] } ?? []) + exporters + (summary ? [tracer] : [])
        let runner = HeadlessRunner(
            chain: chain.runnable, input: value ?? .null, mode: mode, handlers: handlers, printOutput: events != "-")
        let status = await runner.run()
        if summary { Terminal.error(RunSummary.table(tracer.runs, now: Date(), prices: prices)) }
        if status != 0 { throw ExitCode(status) }
    }

    /// The console tracer and the event recorder, as asked.
    private func makeHandlers(console: Bool) throws -> [any CallbackHandler] {
        var handlers: [any CallbackHandler] = []
        if console {
            let colors = ConsoleCallbackHandler.terminalWantsColor(fileDescriptor: STDERR_FILENO)
            handlers.append(ConsoleCallbackHandler(colors: colors, write: { Terminal.error($0) }))
        }
        for path in [events, record].compactMap({ $0 }) {
            let writer = try LineWriter(path: path)
            handlers.append(EventLogRecorder { writer.write($0) })
        }
        return handlers
    }
}
