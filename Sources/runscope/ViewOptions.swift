import ArgumentParser
import Foundation
import RunscopeCore
import RunscopePricing
import RunscopeReplay

/// How replayed or followed runs are shown: the terminal UI, or headless output.
struct ViewOptions: ParsableArguments {
    @Flag(name: .customLong("no-tui"), help: "Headless: print instead of opening the terminal UI.")
    var noTUI = false

    @Flag(help: "Print the console trace (LangChain's format).")
    var console = false

    @Flag(help: "Print a table of runs at the end: name, type, status, duration, tokens, time to first token, usage and cost.")
    var summary = false

    @Flag(name: .customLong("exit-on-finish"), help: "Stop when every run has ended.")
    var exitOnFinish = false

    @Flag(name: .customLong("no-mouse"), help: "In the terminal UI, leave the mouse to the terminal (no clicks or wheel).")
    var noMouse = false

    @OptionGroup var pricing: PriceOptions

    /// Whether to run without the terminal UI.
    var headless: Bool { noTUI || !Terminal.stdoutIsTerminal }

    /// Feeds the events `deliver` produces to the inspector (on a terminal) or to the
    /// console/summary handlers, and returns the exit status (1 if a root run failed).
    func show(
        title: String, clock: ReplayClock,
        deliver: @escaping @Sendable ([any CallbackHandler]) async throws -> Void
    ) async throws -> Int32 {
        let prices = try pricing.table()
        if !headless {
            let tracer = Tracer(clock: { clock.now() })
            let status = try await Inspector.show(title: title, playback: clock, exitOnFinish: exitOnFinish, mouse: !noMouse, prices: prices) { handlers in
                try await deliver(handlers + [tracer])
                return .null
            }
            if let status {
                if status > 128 { return status }
                return tracer.runs.contains { $0.status == .failed } ? 1 : 0
            }
        }
        return try await showHeadless(clock: clock, prices: prices, deliver: deliver)
    }

    private func showHeadless(
        clock: ReplayClock, prices: PriceTable, deliver: @escaping @Sendable ([any CallbackHandler]) async throws -> Void
    ) async throws -> Int32 {
        let tracer = Tracer(clock: { clock.now() })
        var handlers: [any CallbackHandler] = [tracer]
        if console {
            let colors = ConsoleCallbackHandler.terminalWantsColor(fileDescriptor: STDOUT_FILENO)
            handlers.append(ConsoleCallbackHandler(colors: colors, clock: { clock.now() }))
        }
        let all = handlers
        let task = Task { try await deliver(all) }
        let interrupt = HeadlessRunner.onInterrupt { task.cancel() }
        defer { interrupt.cancel() }
        do {
            try await task.value
        } catch is CancellationError {
        } catch let error as EventLogError {
            Terminal.error(error.description)
            return 2
        }
        if summary { print(RunSummary.table(tracer.runs, now: clock.now(), prices: prices)) }
        return tracer.runs.contains { $0.status == .failed } ? 1 : 0
    }
}

extension ViewOptions {
    /// A log's name for the header: its file name (`-` is standard input).
    static func shortName(_ path: String) -> String {
        path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent
    }

    /// Says on stderr how many lines were skipped, if any.
    static func reportSkipped(_ reader: EventLogReader) {
        if reader.skipped > 0 { Terminal.error("\(reader.source): skipped \(reader.skipped) unreadable line\(reader.skipped == 1 ? "" : "s")") }
        if reader.duplicates > 0 { Terminal.error("\(reader.source): skipped \(reader.duplicates) duplicated event\(reader.duplicates == 1 ? "" : "s")") }
    }
}
